import { useEffect, useState } from 'preact/hooks';

/** The few screens have plain paths; links and buttons move between them with the History API. */
export type Route = '/' | '/mine' | '/networks' | '/timeline' | '/tips' | '/picture' | '/my-network' | '/manage' | '/manage/integrations' | '/manage/imports';
const ROUTES: Route[] = ['/', '/mine', '/networks', '/timeline', '/tips', '/picture', '/my-network', '/manage', '/manage/integrations', '/manage/imports'];

export function currentRoute(): Route {
  return (ROUTES as string[]).includes(location.pathname) ? (location.pathname as Route) : '/';
}

export function navigate(route: Route): void {
  if (location.pathname !== route) history.pushState(null, '', route);
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
