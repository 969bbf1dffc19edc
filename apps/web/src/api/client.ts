import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';

/**
 * The one way the web app talks to Solmu: openapi-fetch typed by the API's own OpenAPI document
 * (schema.d.ts, generated), so a renamed route or field breaks the build instead of a person's day.
 * It adds the session's CSRF token to writes, sends a 401 back to sign-in and, on 429, waits as long
 * as Retry-After says and tries again.
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
const MAX_RETRIES = 3;
const MAX_WAIT_SECONDS = 30;

const csrf: Middleware = {
  onRequest({ request }) {
    if (!SAFE.has(request.method) && csrfToken) request.headers.set('X-CSRF-Token', csrfToken);
    return request;
  },
  onResponse({ response, request }) {
    // Asking who is signed in (or trying to sign in) may answer 401 without ending anything.
    const url = new URL(request.url);
    if (response.status === 401 && url.pathname !== '/api/auth/session' && url.pathname !== '/api/auth/login') onSignedOut();
    return response;
  },
};

/** fetch that waits out 429 Too Many Requests (Retry-After seconds, capped) a few times. */
async function patientFetch(input: Request): Promise<Response> {
  for (let attempt = 0; ; attempt++) {
    const response = await fetch(input.clone());
    if (response.status !== 429 || attempt >= MAX_RETRIES) return response;
    const seconds = Math.min(MAX_WAIT_SECONDS, Math.max(1, Number(response.headers.get('retry-after')) || 2 ** attempt));
    onWaiting(seconds);
    await new Promise((done) => setTimeout(done, seconds * 1000));
    onWaiting(0);
  }
}

export const api = createClient<paths>({ baseUrl: location.origin, fetch: patientFetch });
api.use(csrf);
