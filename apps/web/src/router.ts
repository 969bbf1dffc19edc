import { useEffect, useState } from 'preact/hooks';

/** The few screens have plain paths; links and buttons move between them with the History API. */
export type Route = '/' | '/mine' | '/networks' | '/timeline' | '/tips' | '/picture' | '/my-network' | '/manage' | '/manage/integrations' | '/manage/imports';
const ROUTES: Route[] = ['/', '/mine', '/networks', '/timeline', '/tips', '/picture', '/my-network', '/manage', '/manage/integrations', '/manage/imports'];

export function currentRoute(): Route {
  return (ROUTES as string[]).includes(location.pathname) ? (location.pathname as Route) : '/';
}

/** Moves to `route`; `search` (e.g. `?members=…`) carries what the page should show. */
export function navigate(route: Route, search = ''): void {
  if (location.pathname + location.search !== route + search) history.pushState(null, '', route + search);
  dispatchEvent(new PopStateEvent('popstate'));
}

export function useRoute(): Route {
  const [route, setRoute] = useState(currentRoute);
  useEffect(() => {
    const changed = () => setRoute(currentRoute());
    addEventListener('popstate', changed);
    return () => removeEventListener('popstate', changed);
  }, []);
  return route;
}
