import { followProviderRedirects, startOidcProvider, TEST_OIDC_USERS, TestOidcProvider } from '../../../../test/support/oidc-provider/start';
import { SqliteIdentityStore } from '../adapters/sqlite-identity-store';
import { AuthenticationFailed } from '../identity.errors';
import { identityFixture } from '../testing/identity-fixture';
import { OpenIdClientRelyingParty } from './openid-client-relying-party';

/**
 * OpenID Connect sign-in end to end against a real provider (oidc-provider 9.x in a child
 * process): discovery, PKCE, state, nonce, ID token and UserInfo validation by openid-client,
 * then the account rules of OidcLogin on the SQLite store.
 */
describe.each([
  ['claims from UserInfo (oidc-provider default)', false],
  ['claims in the ID token', true],
])('OIDC sign-in against a real provider: %s', (_, idTokenClaims) => {
  let provider: TestOidcProvider;

  beforeAll(async () => {
    provider = await startOidcProvider({ idTokenClaims });
  }, 30_000);

  afterAll(async () => provider?.stop());

  function fixture() {
    const relyingParty = new OpenIdClientRelyingParty({
      issuer: provider.issuer,
      clientId: provider.clientId,
      clientSecret: provider.clientSecret,
      redirectUri: provider.redirectUri,
    });
    return identityFixture({ store: new SqliteIdentityStore({ path: ':memory:' }), relyingParty });
  }

  async function signIn(f: ReturnType<typeof fixture>, loginHint: string) {
    const started = await f.oidcLogin.begin({ returnTo: '/networks' });
    const callback = await followProviderRedirects(started.authorizationUrl, provider.redirectUri, loginHint);
    return f.oidcLogin.complete(started.loginId, callback);
  }

  it('discovers the provider and asks for the code with PKCE (S256), state and nonce', async () => {
    const f = fixture();
    const { authorizationUrl } = await f.oidcLogin.begin();
    const url = new URL(authorizationUrl);
    expect(url.origin).toBe(provider.issuer);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: provider.clientId,
      redirect_uri: provider.redirectUri,
      scope: 'openid email profile',
      response_type: 'code',
      state: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      nonce: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      code_challenge: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      code_challenge_method: 'S256',
    });
    await f.store.close();
  });

  it('signs in through the provider into an account with its email and name, and the same account the next time', async () => {
    const f = fixture();
    const first = await signIn(f, TEST_OIDC_USERS.pauliina.email);

    expect(first.outcome).toBe('account_created');
    expect(first.account).toMatchObject({ email: TEST_OIDC_USERS.pauliina.email, displayName: TEST_OIDC_USERS.pauliina.name, hasPassword: false });
    expect(first.returnTo).toBe('/networks');
    expect(await f.store.listOidcLinks(first.account.id)).toEqual([
      expect.objectContaining({ issuer: provider.issuer, subject: TEST_OIDC_USERS.pauliina.sub }),
    ]);

    const second = await signIn(f, TEST_OIDC_USERS.pauliina.email);
    expect(second.outcome).toBe('linked_before');
    expect(second.account.id).toBe(first.account.id);
    expect(await f.accounts.list()).toHaveLength(1);
    await f.store.close();
  });

  it('links a verified email to the existing local account, and refuses an unverified one', async () => {
    const f = fixture();
    const pauliina = await f.accounts.register({ email: TEST_OIDC_USERS.pauliina.email, password: 'paikallinen salasana', displayName: 'P' });
    await f.accounts.register({ email: TEST_OIDC_USERS.ulla.email, password: 'paikallinen salasana', displayName: 'U' });

    expect(await signIn(f, TEST_OIDC_USERS.pauliina.email)).toMatchObject({ outcome: 'linked_by_verified_email', account: { id: pauliina.id } });
    await expect(signIn(f, TEST_OIDC_USERS.ulla.email)).rejects.toMatchObject({ code: 'email_taken' });
    await f.store.close();
  });

  it('refuses a tampered state', async () => {
    const f = fixture();
    const started = await f.oidcLogin.begin();
    const callback = await followProviderRedirects(started.authorizationUrl, provider.redirectUri, TEST_OIDC_USERS.pauliina.email);
    callback.searchParams.set('state', 'tampered-state');

    const error = await f.oidcLogin.complete(started.loginId, callback).catch((e) => e);

    expect(error).toBeInstanceOf(AuthenticationFailed);
    expect(error.code).toBe('oidc_failed');
    expect(error.message).toMatch(/state/);
    expect(await f.accounts.list()).toEqual([]);
    await f.store.close();
  });

  it('refuses a code redeemed with another sign-in’s PKCE verifier and nonce', async () => {
    const f = fixture();
    const mine = await f.oidcLogin.begin();
    const theirs = await f.oidcLogin.begin();
    const callback = await followProviderRedirects(theirs.authorizationUrl, provider.redirectUri, TEST_OIDC_USERS.pauliina.email);
    await expect(f.oidcLogin.complete(mine.loginId, callback)).rejects.toBeInstanceOf(AuthenticationFailed);
    await f.store.close();
  });
});
