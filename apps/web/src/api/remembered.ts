/**
 * The last answers to the few questions the log page needs to open (who is signed in, my networks,
 * who I am in a network, its members), kept in localStorage so a phone with no connection still
 * shows the log form; what is logged then waits in the outbox. Only these GETs are kept, only
 * their last answer, and signing out forgets them all. The session's CSRF token is never kept.
 */
const PREFIX = 'solmu.remembered:';
const REMEMBERED = [/^\/api\/auth\/session$/, /^\/api\/networks$/, /^\/api\/networks\/[^/]+\/me$/, /^\/api\/networks\/[^/]+\/members$/];

export function isRemembered(url: URL): boolean {
  return !url.search && REMEMBERED.some((pattern) => pattern.test(url.pathname));
}

export async function remember(url: URL, response: Response): Promise<void> {
  if (!response.ok || !isRemembered(url)) return;
  try {
    const body = (await response.clone().json()) as Record<string, unknown>;
    const kept = url.pathname === '/api/auth/session' ? { ...body, csrfToken: undefined } : body;
    localStorage.setItem(PREFIX + url.pathname, JSON.stringify(kept));
  } catch {
    // Not JSON, or storage full: there is simply nothing to open offline with.
  }
}

/** The remembered answer as a Response (marked `X-Solmu-Remembered`), or undefined. */
export function recall(url: URL): Response | undefined {
  const body = isRemembered(url) ? localStorage.getItem(PREFIX + url.pathname) : null;
  return body === null ? undefined : new Response(body, { status: 200, headers: { 'content-type': 'application/json', 'x-solmu-remembered': '1' } });
}

export function forgetAll(): void {
  for (const key of Object.keys(localStorage)) if (key.startsWith(PREFIX)) localStorage.removeItem(key);
}

/** Signing in answers who is signed in through POST /api/auth/login; kept as the session's answer. */
export function rememberSignedIn(account: unknown): void {
  localStorage.setItem(PREFIX + '/api/auth/session', JSON.stringify({ account }));
}
