import { request as httpRequest } from 'node:http';
import { ADMIN, aNetworkWithMembers, RunningSolmu, startSolmu } from './support/solmu-app';

const cookieOf = (headers: Headers, name: string) =>
  headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .find((c) => c.startsWith(`${name}=`));

const JSON_TYPE = { 'content-type': 'application/json' };

/** A POST from another loopback address (127.0.0.x all reach the app), as another client would send it. */
function postFrom(localAddress: string, solmu: RunningSolmu, path: string, body: unknown): Promise<{ status: number }> {
  return new Promise((done, fail) => {
    const request = httpRequest(`${solmu.url}/api${path}`, { method: 'POST', localAddress, headers: JSON_TYPE }, (response) => {
      response.resume();
      response.on('end', () => done({ status: response.statusCode ?? 0 }));
    });
    request.on('error', fail);
    request.end(JSON.stringify(body));
  });
}

/** The README's error shape, naming `field`. */
const aProblemNaming = (status: number, field: string) => ({
  status,
  body: expect.objectContaining({ statusCode: status, error: expect.any(String), code: expect.any(String), message: expect.any(String), problems: [expect.objectContaining({ field })] }),
});

describe('the HTTP edge: bodies, text, paging, caching', () => {
  let solmu: RunningSolmu;
  let networkId: string;
  let alice: string, bob: string;
  const head = async () => (await solmu.requestAs(undefined, 'GET', '/health')).body.headPosition;

  beforeAll(async () => {
    solmu = await startSolmu();
    ({ networkId, members: [alice, bob] } = await aNetworkWithMembers(solmu, ['Alice', 'Bob']));
  });
  afterAll(() => solmu.stop());

  describe('deeply nested bodies', () => {
    const deepArray = '['.repeat(5000) + ']'.repeat(5000);
    const deepObject = '{"a":'.repeat(5000) + '1' + '}'.repeat(5000);

    it.each([
      ['sign-in', '/auth/token', undefined],
      ['founding a network', '/networks', 'admin'],
      ['logging an interaction', '/interactions', 'admin'],
    ])('are a 400 naming body on %s, before anything reads them', async (_, route, as) => {
      const path = route === '/interactions' ? `/networks/${networkId}/interactions` : route;
      const before = await head();
      for (const body of [deepArray, deepObject, `{"note":${deepArray}}`]) {
        const answer = as ? await solmu.request('POST', path, body, JSON_TYPE) : await solmu.requestAs(undefined, 'POST', path, body, JSON_TYPE);
        expect(answer).toMatchObject(aProblemNaming(400, 'body'));
      }
      expect(await head()).toBe(before);
    });

    it('are read up to 32 levels', async () => {
      const answer = await solmu.request('POST', '/networks', `{"name":"x","extra":${'['.repeat(31)}${']'.repeat(31)}}`, JSON_TYPE);
      expect(answer).toMatchObject(aProblemNaming(400, 'extra'));
    });
  });

  describe('one text rule for every string', () => {
    it('a lone surrogate in an email is a 400 naming email, on sign-in and on members', async () => {
      const signIn = await solmu.requestAs(undefined, 'POST', '/auth/token', '{"email":"\\ud800x@a.test","password":"whatever it is"}', JSON_TYPE);
      const member = await solmu.request('POST', `/networks/${networkId}/members`, '{"name":"Z","email":"z\\udc00@a.test"}', JSON_TYPE);
      expect(signIn).toMatchObject(aProblemNaming(400, 'email'));
      expect(member).toMatchObject(aProblemNaming(400, 'email'));
    });

    it.each([
      ['a member name with NUL', () => [`/networks/${networkId}/members`, { name: 'Ai\u0000no' }], 'name'],
      ['a member name with a line break', () => [`/networks/${networkId}/members`, { name: 'Ai\nno' }], 'name'],
      ['an organisation with a C1 control', () => [`/networks/${networkId}/members`, { name: 'Aino', organisation: 'Posintra\u0085Oy' }], 'organisation'],
      ['a network name with a lone surrogate', () => ['/networks', { name: 'Net\ud800' }], 'name'],
      ['an intervention title with ESC', () => [`/networks/${networkId}/interventions`, { kind: 'workshop', title: 'Break\u001b[2Jfast', occurredAt: '2024-03-01T00:00:00Z' }], 'title'],
      ['a note with NUL', () => [`/networks/${networkId}/interactions`, { kind: 'discussed', participants: [alice, bob], occurredAt: '2024-03-01T00:00:00Z', note: 'a\u0000b' }], 'note'],
      ['a participant id with a lone surrogate', () => [`/networks/${networkId}/interactions`, { kind: 'discussed', participants: [alice, '\udc00'], occurredAt: '2024-03-01T00:00:00Z' }], 'participants[1]'],
    ] as const)('%s is a 400 naming the field, and writes nothing', async (_, request, field) => {
      const [path, body] = request() as unknown as [string, object];
      const before = await head();
      expect(await solmu.request('POST', path, body)).toMatchObject(aProblemNaming(400, field));
      expect(await head()).toBe(before);
    });

    it('allows tabs and line breaks in notes and descriptions', async () => {
      const logged = await solmu.request('POST', `/networks/${networkId}/interactions`, { kind: 'discussed', participants: [alice, bob], occurredAt: '2024-03-01T00:00:00Z', note: 'first line\r\n\tsecond 😀' });
      const intervention = await solmu.request('POST', `/networks/${networkId}/interventions`, { kind: 'workshop', title: 'Breakfast', description: 'one\ntwo', occurredAt: '2024-03-01T00:00:00Z' });
      expect(logged.status).toBe(201);
      expect(logged.body.note).toBe('first line\r\n\tsecond 😀');
      expect(intervention.status).toBe(201);
    });

    it('applies to query parameters too', async () => {
      const answer = await solmu.request('GET', `/networks/${networkId}/interactions?member=a%00b`);
      expect(answer).toMatchObject(aProblemNaming(400, 'member'));
    });
  });

  describe('media types', () => {
    it('a form body is a 415 naming content-type, and writes nothing', async () => {
      const before = await head();
      const answer = await solmu.request('POST', '/networks', 'name=By+form', { 'content-type': 'application/x-www-form-urlencoded' });
      expect(answer).toMatchObject(aProblemNaming(415, 'content-type'));
      expect(await head()).toBe(before);
    });

    it('an empty JSON body on a bodiless POST counts as {}', async () => {
      const member = await solmu.request('POST', `/networks/${networkId}/members`, { name: 'To erase' });
      const logged = await solmu.request('POST', `/networks/${networkId}/interactions`, { kind: 'discussed', participants: [alice, bob], occurredAt: '2024-03-02T00:00:00Z' });
      const erase = await solmu.request('POST', `/networks/${networkId}/members/${member.body.id}/erase`, '', JSON_TYPE);
      const retract = await solmu.request('POST', `/networks/${networkId}/interactions/${logged.body.id}/retract`, '', JSON_TYPE);
      const logout = await solmu.requestAs(undefined, 'POST', '/auth/logout', '', JSON_TYPE);
      expect([erase.status, retract.status, logout.status]).toEqual([200, 200, 200]);
    });

    it('an empty JSON body where fields are needed names the first one missing', async () => {
      expect(await solmu.request('POST', '/networks', '', JSON_TYPE)).toMatchObject(aProblemNaming(400, 'name'));
    });
  });

  it('a path with a malformed %-escape is a 400 naming url, in the error shape', async () => {
    expect(await solmu.request('GET', `/networks/${networkId}/members/%zz`)).toMatchObject(aProblemNaming(400, 'url'));
    expect(await solmu.request('POST', `/networks/${networkId}/members/%/erase`, {})).toMatchObject(aProblemNaming(400, 'url'));
  });

  describe('paging', () => {
    it('?limit= left empty takes the default, on interactions and events', async () => {
      const interactions = await solmu.request('GET', `/networks/${networkId}/interactions?limit=`);
      const events = await solmu.request('GET', `/networks/${networkId}/events?limit=&after=`);
      const firstPage = await solmu.request('GET', `/networks/${networkId}/interactions?cursor=`);
      expect(interactions.status).toBe(200);
      expect(interactions.body.interactions.length).toBeGreaterThan(0);
      expect(events.status).toBe(200);
      expect(events.body.events.length).toBeGreaterThan(0);
      expect(firstPage.body).toEqual(interactions.body);
    });
  });

  describe('caching', () => {
    it('authenticated answers and sign-in answers are no-store', async () => {
      const networks = await solmu.request('GET', '/networks');
      const token = await solmu.requestAs(undefined, 'POST', '/auth/token', { email: ADMIN.email, password: ADMIN.password });
      const refused = await solmu.requestAs(undefined, 'GET', '/networks');
      expect(networks.headers.get('cache-control')).toBe('no-store');
      expect(token.headers.get('cache-control')).toBe('no-store');
      expect(refused.headers.get('cache-control')).toBe('no-store');
    });
  });
});

describe('cookie-authenticated writes check where they come from', () => {
  let solmu: RunningSolmu;
  let cookie: string;
  let csrf: string;
  const PUBLIC_URL = 'https://solmu.example.org';
  const write = (headers: Record<string, string>) => solmu.requestAs(undefined, 'POST', '/networks', { name: 'By cookie' }, { cookie, 'x-csrf-token': csrf, ...headers });

  beforeAll(async () => {
    solmu = await startSolmu({ env: { SOLMU_PUBLIC_URL: PUBLIC_URL } });
    const login = await solmu.requestAs(undefined, 'POST', '/auth/login', { email: ADMIN.email, password: ADMIN.password });
    cookie = cookieOf(login.headers, 'solmu_session')!;
    csrf = login.body.csrfToken;
  });
  afterAll(() => solmu.stop());

  it('from the public URL’s origin, or same-origin by Sec-Fetch-Site, or without either header: accepted', async () => {
    expect((await write({ origin: PUBLIC_URL })).status).toBe(201);
    expect((await write({ 'sec-fetch-site': 'same-origin' })).status).toBe(201);
    expect((await write({})).status).toBe(201);
  });

  it('from the address the person opened, when the browser says same-origin (127.0.0.1 while the public URL says another host)', async () => {
    expect((await write({ origin: solmu.url, 'sec-fetch-site': 'same-origin' })).status).toBe(201);
    expect(await write({ origin: solmu.url, 'sec-fetch-site': 'same-site' })).toMatchObject(aProblemNaming(403, 'Origin'));
  });

  it('from another origin: 403 naming Origin, and nothing written', async () => {
    const before = (await solmu.request('GET', '/networks')).body.length;
    expect(await write({ origin: 'https://evil.example' })).toMatchObject(aProblemNaming(403, 'Origin'));
    expect(await write({ origin: 'http://solmu.example.org' })).toMatchObject(aProblemNaming(403, 'Origin'));
    expect(await write({ origin: 'null' })).toMatchObject(aProblemNaming(403, 'Origin'));
    expect(await write({ 'sec-fetch-site': 'cross-site' })).toMatchObject(aProblemNaming(403, 'Sec-Fetch-Site'));
    expect(await write({ 'sec-fetch-site': 'same-site' })).toMatchObject(aProblemNaming(403, 'Sec-Fetch-Site'));
    expect((await solmu.request('GET', '/networks')).body.length).toBe(before);
  });

  it('bearer tokens are not affected', async () => {
    const answer = await solmu.request('POST', '/networks', { name: 'By token' }, { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' });
    expect(answer.status).toBe(201);
  });

  it('reads with the cookie are not affected', async () => {
    const answer = await solmu.requestAs(undefined, 'GET', '/networks', undefined, { cookie, origin: 'https://evil.example' });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('no-store');
  });
});

describe('sign-in limits', () => {
  const attempt = (solmu: RunningSolmu, route: string, email: string, headers: Record<string, string> = {}) =>
    solmu.requestAs(undefined, 'POST', route, { email, password: 'a wrong password' }, headers);

  it('are shared by every sign-in route, per address, with Retry-After and the error shape', async () => {
    const solmu = await startSolmu({ withoutAdmin: true, env: { SOLMU_SIGNINS_PER_MINUTE: '4' } });
    try {
      const answers = [
        await attempt(solmu, '/auth/token', 'a@limits.test'),
        await attempt(solmu, '/auth/login', 'b@limits.test'),
        await attempt(solmu, '/auth/token', 'c@limits.test'),
        await solmu.requestAs(undefined, 'POST', '/setup', { token: 'not the token', email: 'd@limits.test', password: 'a long password', name: 'D' }),
        await attempt(solmu, '/auth/login', 'e@limits.test'),
        await attempt(solmu, '/auth/token', 'f@limits.test'),
      ];
      expect(answers.map((a) => a.status)).toEqual([401, 401, 401, expect.any(Number), 429, 429]);
      expect(answers[3].status).not.toBe(429);
      const limited = answers[4];
      expect(limited.body).toMatchObject({ statusCode: 429, error: 'Too Many Requests', code: 'rate_limited', message: expect.stringMatching(/try again in \d+ seconds/) });
      expect(JSON.stringify(limited.body)).not.toMatch(/Throttler/i);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    } finally {
      await solmu.stop();
    }
  });

  it('are counted per account too, across addresses and routes', async () => {
    const solmu = await startSolmu({ withoutAdmin: true, env: { SOLMU_SIGNINS_PER_MINUTE: '3' } });
    try {
      const statuses: number[] = [];
      for (const [i, route] of ['/auth/token', '/auth/login', '/auth/token', '/auth/login'].entries()) {
        statuses.push((await postFrom(`127.0.0.${10 + i}`, solmu, route, { email: i % 2 ? 'Victim@Solmu.TEST' : 'victim@solmu.test', password: 'a wrong password' })).status);
      }
      const otherAccount = await postFrom('127.0.0.20', solmu, '/auth/token', { email: 'someone.else@solmu.test', password: 'a wrong password' });
      expect(statuses).toEqual([401, 401, 401, 429]);
      expect(otherAccount.status).toBe(401);
    } finally {
      await solmu.stop();
    }
  });
});
