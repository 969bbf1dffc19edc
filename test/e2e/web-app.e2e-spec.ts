import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { aNetworkWithMembers, aPerson, linkPerson, RunningSolmu, startSolmu } from './support/solmu-app';

/**
 * The API serves the web app on the same port: files as they are, index.html for any other page a
 * browser asks for, and the API's JSON 404 for everything under /api. Also the two reads the web
 * app needs before and after sign-in.
 */
describe('serving the web app', () => {
  let solmu: RunningSolmu;
  let webRoot: string;

  beforeAll(async () => {
    webRoot = mkdtempSync(join(tmpdir(), 'solmu-web-'));
    mkdirSync(join(webRoot, 'assets'));
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>Solmu</title><div id="app"></div>');
    writeFileSync(join(webRoot, 'assets', 'index-abc123.js'), 'console.log(1)');
    solmu = await startSolmu({ webRoot });
  });

  afterAll(async () => {
    await solmu.stop();
    rmSync(webRoot, { recursive: true, force: true });
  });

  const get = (path: string, accept = 'text/html,application/xhtml+xml') => fetch(solmu.url + path, { headers: { accept } });

  it('answers / and any page path with index.html when the browser asks for HTML', async () => {
    for (const path of ['/', '/mine', '/networks/some/page?x=1']) {
      const answer = await get(path);
      expect(answer.status).toBe(200);
      expect(answer.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await answer.text()).toContain('<div id="app">');
    }
  });

  it('serves built files, hashed assets as immutable, under the same strict CSP', async () => {
    const answer = await get('/assets/index-abc123.js', '*/*');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/javascript/);
    expect(answer.headers.get('cache-control')).toContain('immutable');
    expect(answer.headers.get('content-security-policy')).toContain("script-src 'self'");
  });

  it('keeps unknown /api paths a JSON 404, even for a browser', async () => {
    for (const path of ['/api/nope', '/api']) {
      const answer = await get(path);
      expect(answer.status).toBe(404);
      expect(await answer.json()).toMatchObject({ statusCode: 404, code: 'not_found' });
    }
  });

  it('does not answer HTML to requests that do not accept it, nor to other methods', async () => {
    expect((await get('/missing.png', 'image/png')).status).toBe(404);
    const post = await fetch(solmu.url + '/mine', { method: 'POST', headers: { accept: 'text/html' } });
    expect(post.status).toBe(404);
  });

  it('tells the sign-in page how a person can sign in (no single sign-on configured here)', async () => {
    const answer = await solmu.requestAs(undefined, 'GET', '/auth/methods');
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ password: true, oidc: null });
  });

  it("tells a member their own member id in a network, and hides networks they are not in", async () => {
    const { networkId, members } = await aNetworkWithMembers(solmu, ['Aino', 'Bertta']);
    const aino = await aPerson(solmu, 'aino-me@solmu.test');
    const outsider = await aPerson(solmu, 'outsider-me@solmu.test');
    await linkPerson(solmu, networkId, members[0], aino.token);

    const mine = await solmu.requestAs(aino.token, 'GET', `/networks/${networkId}/me`);
    const theirs = await solmu.requestAs(outsider.token, 'GET', `/networks/${networkId}/me`);
    const anonymous = await solmu.requestAs(undefined, 'GET', `/networks/${networkId}/me`);

    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({ networkId, memberId: members[0], role: 'member', canLogForOthers: false });
    expect(theirs.status).toBe(404);
    expect(anonymous.status).toBe(401);
  });
});

describe('sign-in methods with single sign-on configured', () => {
  it('names the identity provider by its host and gives the path that starts sign-in', async () => {
    const solmu = await startSolmu({ env: { SOLMU_OIDC_ISSUER: 'https://login.example.org/tenant/v2.0', SOLMU_OIDC_CLIENT_ID: 'solmu', SOLMU_OIDC_CLIENT_SECRET: 'secret' } });
    try {
      const answer = await solmu.requestAs(undefined, 'GET', '/auth/methods');
      expect(answer.body).toEqual({ password: true, oidc: { provider: 'login.example.org', loginPath: '/api/auth/oidc/login' } });
    } finally {
      await solmu.stop();
    }
  });
});

describe('without a built web app', () => {
  it('still serves the API and answers pages with the JSON 404', async () => {
    const solmu = await startSolmu({ webRoot: join(tmpdir(), 'solmu-no-such-web-app') });
    try {
      expect((await fetch(solmu.url + '/', { headers: { accept: 'text/html' } })).status).toBe(404);
      expect((await solmu.request('GET', '/health')).status).toBe(200);
    } finally {
      await solmu.stop();
    }
  });
});
