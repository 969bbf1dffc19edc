import createClient, { type Middleware } from 'openapi-fetch';
import { patientFetch } from './patient-fetch';
import { forgetAll, recall, remember } from './remembered';
import type { paths } from './schema';

/**
 * The one way the web app talks to Solmu: openapi-fetch typed by the API's own OpenAPI document
 * (schema.d.ts, generated), so a renamed route or field breaks the build instead of a person's day.
 * It adds the session's CSRF token to writes, sends a 401 back to sign-in and, on 429 or a 503 with
 * Retry-After, waits as long as Retry-After says and tries again (patient-fetch.ts).
 */
let csrfToken: string | undefined;
let onSignedOut: () => void = () => undefined;
let onWaiting: (seconds: number) => void = () => undefined;

export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

export function onSessionEvents(handlers: { signedOut: () => void; waiting: (seconds: number) => void }): void {
  onSignedOut = handlers.signedOut;
  onWaiting = handlers.waiting;
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

const csrf: Middleware = {
  async onRequest({ request }) {
    // Opened offline, the app has no token yet (it is never stored): ask for it before the first write.
    if (!SAFE.has(request.method) && !csrfToken) await refreshCsrfToken();
    if (!SAFE.has(request.method) && csrfToken) request.headers.set('X-CSRF-Token', csrfToken);
    return request;
  },
  onResponse({ response, request }) {
    // Asking who is signed in (or trying to sign in) may answer 401 without ending anything.
    const url = new URL(request.url);
    if (response.status === 401 && url.pathname !== '/api/auth/session' && url.pathname !== '/api/auth/login') {
      forgetAll();
      onSignedOut();
    }
    return response;
  },
};

async function refreshCsrfToken(): Promise<void> {
  try {
    const response = await fetch(new URL('/api/auth/session', location.origin), { credentials: 'same-origin' });
    if (response.ok) csrfToken = ((await response.json()) as { csrfToken?: string }).csrfToken;
  } catch {
    // Still offline: the write fails as a network error and waits in the outbox.
  }
}

/** Forgets the answers kept for opening offline (on signing out). */
export { forgetAll as forgetRemembered };

const fetchPatiently = patientFetch({
  fetch: (request) => fetch(request),
  waiting: (seconds) => onWaiting(seconds),
  // No connection: the last answer, where one is kept (remembered.ts), so the log page opens.
  offline: (request) => recall(new URL(request.url)),
  answered: (request, response) => remember(new URL(request.url), response),
});

export const api = createClient<paths>({ baseUrl: location.origin, fetch: fetchPatiently });
api.use(csrf);
