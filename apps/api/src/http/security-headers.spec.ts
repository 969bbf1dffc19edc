import { headersFor } from './security-headers';

/** The Content-Security-Policy stays strict: only what the web app needs is let through. */
const directives = (url: string) =>
  Object.fromEntries(
    headersFor(url)['content-security-policy']
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .map(([name, ...sources]) => [name, sources]),
  );

it("lets the network picture's layout worker start from a blob: URL, and nothing else from blob:", () => {
  const csp = directives('/');
  expect(csp['worker-src']).toEqual(["'self'", 'blob:']);
  expect(csp['script-src']).toEqual(["'self'"]);
  expect(csp['default-src']).toEqual(["'self'"]);
});

it('gives API answers the same policy and forbids caching them', () => {
  expect(directives('/api/networks')['worker-src']).toEqual(["'self'", 'blob:']);
  expect(headersFor('/api/networks')['cache-control']).toBe('no-store');
});

it('does not ask browsers to upgrade requests to https, so Solmu served over plain http still loads its scripts', () => {
  expect(directives('/')).not.toHaveProperty('upgrade-insecure-requests');
});
