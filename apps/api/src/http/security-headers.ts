import helmet, { HelmetOptions } from 'helmet';

/**
 * Helmet's security headers, worked out once at start-up: our policy does not vary per request,
 * and running helmet's middleware chain on every request costs more than logging an interaction.
 */
export function securityHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: string | string[]) => void (headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value)),
    removeHeader: (name: string) => void delete headers[name.toLowerCase()],
  };
  helmet(options)({} as never, response as never, () => undefined);
  return headers;
}

/**
 * The site's policy: same-origin everything; the API docs page needs inline styles and data: images;
 * the network picture's layout (graphology-layout-forceatlas2) runs in a Worker made from a blob: URL.
 */
export const SECURITY_HEADERS = securityHeaders({
  contentSecurityPolicy: {
    directives: {
      defaultSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      scriptSrc: ["'self'"],
      workerSrc: ["'self'", 'blob:'],
      // Helmet's default would make a phone that opens Solmu over plain http (a server on the office
      // network) fetch the app's own scripts over https, which is not there: the page stays blank.
      // Every address in our pages is relative, so nothing insecure is left to upgrade.
      upgradeInsecureRequests: null,
    },
  },
});

/**
 * API answers carry accounts, tokens and personal data: no browser or proxy may keep a copy
 * (`Cache-Control: no-store`). The OpenAPI pages under /api/docs are the same for everyone.
 */
export function headersFor(url: string): Record<string, string> {
  return url.startsWith('/api/') && !url.startsWith('/api/docs') ? API_HEADERS : SECURITY_HEADERS;
}

const API_HEADERS = { ...SECURITY_HEADERS, 'cache-control': 'no-store' };
