import { Logger } from '@nestjs/common';
import { followProviderRedirects, startOidcProvider, TestOidcProvider, TEST_OIDC_USERS } from '../support/oidc-provider/start';
import { ADMIN, aNetworkWithMembers, freePort, RunningSolmu, startSolmu } from './support/solmu-app';

const cookieOf = (headers: Headers, name: string) =>
  headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .find((c) => c.startsWith(`${name}=`));

describe('signing in with a password: session cookie, CSRF, bearer tokens', () => {
  let solmu: RunningSolmu;
  beforeAll(async () => (solmu = await startSolmu()));
  afterAll(() => solmu.stop());

  it('refuses every non-public endpoint without credentials, naming what to send', async () => {
    const answer = await solmu.requestAs(undefined, 'GET', '/networks');
    expect(answer.status).toBe(401);
    expect(answer.body.problems[0].field).toBe('Authorization');
  });

  it('a browser signs in, gets an HTTP-only SameSite cookie, and must send the CSRF token to write', async () => {
    const login = await solmu.requestAs(undefined, 'POST', '/auth/login', { email: ADMIN.email, password: ADMIN.password });
    const setCookie = login.headers.getSetCookie().join('\n');
    const cookie = cookieOf(login.headers, 'solmu_session')!;

    const read = await solmu.requestAs(undefined, 'GET', '/networks', undefined, { cookie });
    const writeWithoutCsrf = await solmu.requestAs(undefined, 'POST', '/networks', { name: 'By cookie' }, { cookie });
    const writeWithCsrf = await solmu.requestAs(undefined, 'POST', '/networks', { name: 'By cookie' }, { cookie, 'x-csrf-token': login.body.csrfToken });
    const session = await solmu.requestAs(undefined, 'GET', '/auth/session', undefined, { cookie });

    expect(login.status).toBe(200);
    expect(setCookie).toMatch(/solmu_session=[^;]+;.*HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(read.status).toBe(200);
    expect(writeWithoutCsrf.status).toBe(403);
    expect(writeWithoutCsrf.body.problems[0].field).toBe('X-CSRF-Token');
    expect(writeWithCsrf.status).toBe(201);
    expect(session.body).toMatchObject({ account: { email: ADMIN.email, admin: true }, csrfToken: login.body.csrfToken });
  });

  it('signing out ends the session', async () => {
    const login = await solmu.requestAs(undefined, 'POST', '/auth/login', { email: ADMIN.email, password: ADMIN.password });
    const cookie = cookieOf(login.headers, 'solmu_session')!;
    const logout = await solmu.requestAs(undefined, 'POST', '/auth/logout', undefined, { cookie, 'x-csrf-token': login.body.csrfToken });
    expect(logout.status).toBe(200);
    expect((await solmu.requestAs(undefined, 'GET', '/networks', undefined, { cookie })).status).toBe(401);
  });

  it('a wrong password is a 401 that does not say which part was wrong', async () => {
    const wrong = await solmu.requestAs(undefined, 'POST', '/auth/token', { email: ADMIN.email, password: 'not the password' });
    const unknown = await solmu.requestAs(undefined, 'POST', '/auth/token', { email: 'nobody@solmu.test', password: 'not the password' });
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect(wrong.body.message).toBe(unknown.body.message);
  });

  it('a revoked bearer token stops working', async () => {
    const { body } = await solmu.requestAs(undefined, 'POST', '/auth/token', { email: ADMIN.email, password: ADMIN.password });
    expect((await solmu.requestAs(body.token, 'GET', '/networks')).status).toBe(200);
    await solmu.requestAs(body.token, 'DELETE', '/auth/token');
    expect((await solmu.requestAs(body.token, 'GET', '/networks')).status).toBe(401);
  });

  it('sets security headers', async () => {
    const answer = await solmu.requestAs(undefined, 'GET', '/health');
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
    expect(answer.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(answer.headers.get('x-frame-options')).toBe('SAMEORIGIN');
  });
});

describe('API tokens for integrations', () => {
  let solmu: RunningSolmu;
  beforeAll(async () => (solmu = await startSolmu()));
  afterAll(() => solmu.stop());

  it('are shown once, stored as a hash, listed with their last use, and stop working when revoked', async () => {
    const { networkId, members } = await aNetworkWithMembers(solmu, ['A', 'B']);
    const created = await solmu.request('POST', `/networks/${networkId}/tokens`, { name: 'Slack workspace', scopes: ['interactions:write'] });
    const token: string = created.body.token;

    const logged = await solmu.requestAs(token, 'POST', `/networks/${networkId}/interactions`, { kind: 'discussed', participants: members, occurredAt: '2024-02-01T00:00:00Z' });
    const listed = await solmu.request('GET', `/networks/${networkId}/tokens`);
    const events = await solmu.request('GET', `/networks/${networkId}/events?limit=1000`);
    await solmu.request('DELETE', `/networks/${networkId}/tokens/${created.body.id}`);
    const afterRevoke = await solmu.requestAs(token, 'POST', `/networks/${networkId}/interactions`, { kind: 'discussed', participants: members, occurredAt: '2024-02-02T00:00:00Z' });

    expect(created.status).toBe(201);
    expect(token).toMatch(/^solmu_pat_/);
    expect(logged.status).toBe(201);
    expect(listed.body).toEqual([expect.objectContaining({ id: created.body.id, name: 'Slack workspace', scopes: ['interactions:write'], lastUsedAt: expect.any(String) })]);
    expect(JSON.stringify(listed.body)).not.toContain(token);
    expect(events.body.events.at(-1).metadata.actor).toBe(`token:${created.body.id}`);
    expect(afterRevoke.status).toBe(401);
    const { readFileSync, readdirSync } = await import('node:fs');
    const files = readdirSync(solmu.dir).map((f) => readFileSync(`${solmu.dir}/${f}`));
    expect(files.some((bytes) => bytes.includes(token))).toBe(false);
  });

  it('refuses unknown scopes, naming the field', async () => {
    const { networkId } = await aNetworkWithMembers(solmu, []);
    const answer = await solmu.request('POST', `/networks/${networkId}/tokens`, { name: 'x', scopes: ['everything'] });
    expect(answer.status).toBe(400);
    expect(answer.body.problems[0].field).toBe('scopes');
  });
});

describe('first run without an administrator', () => {
  it('prints a one-time set-up link that creates the first administrator', async () => {
    const warnings: string[] = [];
    const spy = jest.spyOn(Logger.prototype, 'warn').mockImplementation((message: unknown) => void warnings.push(String(message)));
    const solmu = await startSolmu({ withoutAdmin: true });
    spy.mockRestore();
    try {
      const link = warnings.map((w) => /https?:\/\/\S+\?token=(\S+)/.exec(w)).find(Boolean);
      expect(link).toBeTruthy();
      const token = decodeURIComponent(link![1]);

      const page = await fetch(link![0].replace(/^https?:\/\/[^/]+/, solmu.url));
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<form id="setup">');
      const status = await solmu.requestAs(undefined, 'GET', '/setup');
      const created = await solmu.requestAs(undefined, 'POST', '/setup', { token, email: 'first@solmu.test', password: 'first admin password', name: 'First Admin' });
      const again = await solmu.requestAs(undefined, 'POST', '/setup', { token, email: 'second@solmu.test', password: 'second admin password', name: 'Second' });
      const signIn = await solmu.requestAs(undefined, 'POST', '/auth/token', { email: 'first@solmu.test', password: 'first admin password' });

      expect(status.body).toEqual({ setupRequired: true });
      expect(created.status).toBe(201);
      expect(created.body.account).toMatchObject({ email: 'first@solmu.test', admin: true });
      expect(again.status).toBeGreaterThanOrEqual(400);
      expect(signIn.status).toBe(201);
    } finally {
      await solmu.stop();
    }
  });
});

describe('rate limits', () => {
  it('limits sign-in attempts per address with a 429', async () => {
    const solmu = await startSolmu({ env: { SOLMU_SIGNINS_PER_MINUTE: '3' } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i += 1) statuses.push((await solmu.requestAs(undefined, 'POST', '/auth/token', { email: ADMIN.email, password: 'guess number ' + i })).status);
      expect(statuses).toEqual([401, 401, 429, 429, 429]);
    } finally {
      await solmu.stop();
    }
  });
});

describe('OpenID Connect sign-in against a real provider', () => {
  let provider: TestOidcProvider;
  let solmu: RunningSolmu;
  let base: string;

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    provider = await startOidcProvider({ redirectUris: [`${base}/api/auth/oidc/callback`] });
    solmu = await startSolmu({
      port,
      env: { SOLMU_PUBLIC_URL: base, SOLMU_OIDC_ISSUER: provider.issuer, SOLMU_OIDC_CLIENT_ID: provider.clientId, SOLMU_OIDC_CLIENT_SECRET: provider.clientSecret },
    });
  }, 60_000);
  afterAll(async () => {
    await solmu?.stop();
    await provider?.stop();
  });

  async function signInThroughProvider(loginHint: string): Promise<string | undefined> {
    const start = await fetch(`${base}/api/auth/oidc/login?returnTo=/networks`, { redirect: 'manual' });
    const pending = cookieOf(start.headers, 'solmu_oidc')!;
    const callback = await followProviderRedirects(start.headers.get('location')!, `${base}/api/auth/oidc/callback`, loginHint);
    const back = await fetch(callback, { redirect: 'manual', headers: { cookie: pending } });
    expect(back.status).toBe(302);
    expect(back.headers.get('location')).toBe('/networks');
    return cookieOf(back.headers, 'solmu_session');
  }

  it('redirects to the provider, and the callback starts a session for the provider’s user', async () => {
    const cookie = await signInThroughProvider(TEST_OIDC_USERS.pauliina.email);

    const session = await solmu.requestAs(undefined, 'GET', '/auth/session', undefined, { cookie: cookie! });

    expect(session.body.account).toMatchObject({ email: TEST_OIDC_USERS.pauliina.email, name: TEST_OIDC_USERS.pauliina.name, hasPassword: false });
  }, 30_000);

  it('a second sign-in finds the same account', async () => {
    const first = await solmu.requestAs(undefined, 'GET', '/auth/session', undefined, { cookie: (await signInThroughProvider(TEST_OIDC_USERS.pauliina.email))! });
    const second = await solmu.requestAs(undefined, 'GET', '/auth/session', undefined, { cookie: (await signInThroughProvider(TEST_OIDC_USERS.pauliina.email))! });
    expect(second.body.account.id).toBe(first.body.account.id);
  }, 30_000);

  it('a callback without the pending-login cookie is refused', async () => {
    const start = await fetch(`${base}/api/auth/oidc/login`, { redirect: 'manual' });
    const callback = await followProviderRedirects(start.headers.get('location')!, `${base}/api/auth/oidc/callback`, TEST_OIDC_USERS.pauliina.email);
    const back = await fetch(callback, { redirect: 'manual' });
    expect(back.status).toBe(401);
  }, 30_000);
});
