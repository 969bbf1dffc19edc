import { crossSiteProblem } from './same-origin';

describe('crossSiteProblem', () => {
  const ORIGIN = 'https://solmu.example.org';

  it('lets through the public origin, same-origin or typed-in fetches, and requests with neither header', () => {
    expect(crossSiteProblem({ origin: ORIGIN }, ORIGIN)).toBeUndefined();
    expect(crossSiteProblem({ origin: ORIGIN, 'sec-fetch-site': 'cross-site' }, ORIGIN)).toBeUndefined();
    expect(crossSiteProblem({ 'sec-fetch-site': 'same-origin' }, ORIGIN)).toBeUndefined();
    expect(crossSiteProblem({ 'sec-fetch-site': 'none' }, ORIGIN)).toBeUndefined();
    expect(crossSiteProblem({}, ORIGIN)).toBeUndefined();
  });

  it('names Origin when it differs in scheme, host, port or is "null"', () => {
    for (const origin of ['http://solmu.example.org', 'https://evil.example', 'https://solmu.example.org:8443', 'null', '']) {
      expect(crossSiteProblem({ origin }, ORIGIN)?.field).toBe('Origin');
    }
  });

  it('names Sec-Fetch-Site when there is no Origin and the fetch is same-site or cross-site', () => {
    expect(crossSiteProblem({ 'sec-fetch-site': 'same-site' }, ORIGIN)?.field).toBe('Sec-Fetch-Site');
    expect(crossSiteProblem({ 'sec-fetch-site': ['cross-site'] }, ORIGIN)?.field).toBe('Sec-Fetch-Site');
  });
});
