import type { FieldProblem } from '@solmu/kernel';

/**
 * Whether a cookie-authenticated write comes from Solmu's own pages: the browser's `Origin` must
 * be the public URL's origin, or the browser must say with `Sec-Fetch-Site: same-origin` that the
 * page is of the address it writes to (a person who opened http://127.0.0.1:3000 while the public
 * URL says localhost; pages cannot set that header, so another site cannot claim it). Without an
 * Origin, `Sec-Fetch-Site` must say same-origin (or none: typed by the person). A request with
 * neither header is not from a browser that would attach our cookie on another site's behalf, and
 * still needs the CSRF token. Returns the header at fault, or undefined when the write may go on.
 */
export function crossSiteProblem(headers: Record<string, string | string[] | undefined>, publicOrigin: string): FieldProblem | undefined {
  const origin = first(headers.origin);
  if (origin !== undefined && first(headers['sec-fetch-site']) === 'same-origin') return undefined;
  if (origin !== undefined) {
    return origin === publicOrigin ? undefined : { field: 'Origin', problem: `must be ${publicOrigin} (SOLMU_PUBLIC_URL) for a write with the session cookie` };
  }
  const site = first(headers['sec-fetch-site']);
  if (site !== undefined && site !== 'same-origin' && site !== 'none') {
    return { field: 'Sec-Fetch-Site', problem: 'must be same-origin for a write with the session cookie' };
  }
  return undefined;
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
