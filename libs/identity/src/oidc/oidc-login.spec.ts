import { StateConflict, ValidationFailed } from '@solmu/kernel';
import { AuthenticationFailed, OidcProviderUnavailable } from '../identity.errors';
import { hashToken } from '../secrets';
import { FakeOidcProvider } from '../testing/fake-oidc-provider';
import { identityFixture } from '../testing/identity-fixture';
import { BeginOidcLogin, safeReturnPath } from './oidc-login';
import type { OidcClaims } from './oidc-relying-party';

const PAULIINA = { subject: 'sub-pauliina', email: 'Pauliina@Example.test', emailVerified: true, name: 'Pauliina Pelkonen' };

function withProvider() {
  const provider = new FakeOidcProvider();
  return { provider, ...identityFixture({ relyingParty: provider }) };
}

/** begin → the person signs in at the provider → complete. */
async function signInThroughProvider(fixture: ReturnType<typeof withProvider>, person: Omit<OidcClaims, 'issuer'> = PAULIINA, begin: BeginOidcLogin = {}) {
  const started = await fixture.oidcLogin.begin(begin);
  const callback = fixture.provider.signIn(started.authorizationUrl, person);
  return fixture.oidcLogin.complete(started.loginId, callback);
}

describe('OidcLogin', () => {
  it('keeps the pending sign-in server-side under a random id, storing only its hash', async () => {
    const fixture = withProvider();
    const started = await fixture.oidcLogin.begin();
    expect(started.loginId).toMatch(/^solmu_oidc_[A-Za-z0-9_-]{43}$/);
    expect(started.expiresAt).toEqual(new Date('2025-03-01T10:10:00.000Z'));
    const dump = JSON.stringify(fixture.store.dump());
    expect(dump).not.toContain(started.loginId);
    expect(dump).toContain(hashToken(started.loginId));
  });

  it('creates an account from the provider’s claims on first sign-in, and finds it again by (issuer, sub)', async () => {
    const fixture = withProvider();
    const first = await signInThroughProvider(fixture);

    expect(first.outcome).toBe('account_created');
    expect(first.account).toMatchObject({ email: 'pauliina@example.test', displayName: 'Pauliina Pelkonen', admin: false, hasPassword: false });
    expect(first.principal).toEqual({ kind: 'account', accountId: first.account.id, admin: false });

    const second = await signInThroughProvider(fixture, { ...PAULIINA, email: 'changed@example.test' });
    expect(second.outcome).toBe('linked_before');
    expect(second.account.id).toBe(first.account.id);
    expect(await fixture.store.listOidcLinks(first.account.id)).toEqual([expect.objectContaining({ issuer: 'https://idp.example', subject: 'sub-pauliina' })]);
  });

  it('links to an existing account with the same email when the provider has verified it', async () => {
    const fixture = withProvider();
    const local = await fixture.accounts.register({ email: 'pauliina@example.test', password: 'paikallinen salasana', displayName: 'Pauliina' });
    const result = await signInThroughProvider(fixture);
    expect(result.outcome).toBe('linked_by_verified_email');
    expect(result.account.id).toBe(local.id);
    expect((await signInThroughProvider(fixture)).outcome).toBe('linked_before');
  });

  it('never takes over an existing account by an unverified email', async () => {
    const fixture = withProvider();
    const local = await fixture.accounts.register({ email: 'pauliina@example.test', password: 'paikallinen salasana', displayName: 'Pauliina' });
    const error = await signInThroughProvider(fixture, { ...PAULIINA, emailVerified: false }).catch((e) => e);
    expect(error).toBeInstanceOf(StateConflict);
    expect(error.code).toBe('email_taken');
    expect(await fixture.store.listOidcLinks(local.id)).toEqual([]);
  });

  it('creates an account for an unverified email nobody uses', async () => {
    const fixture = withProvider();
    const result = await signInThroughProvider(fixture, { ...PAULIINA, emailVerified: false });
    expect(result).toMatchObject({ outcome: 'account_created', account: { email: 'pauliina@example.test' } });
  });

  it('links the provider to the signed-in account that asked for it, whatever the email', async () => {
    const fixture = withProvider();
    const local = await fixture.accounts.register({ email: 'work@example.test', password: 'paikallinen salasana', displayName: 'Pauliina' });
    const result = await signInThroughProvider(fixture, { ...PAULIINA, emailVerified: false }, { linkAccountId: local.id });
    expect(result).toMatchObject({ outcome: 'linked_to_signed_in_account', account: { id: local.id } });
    expect((await signInThroughProvider(fixture)).account.id).toBe(local.id);
  });

  it('refuses to link a provider identity that already belongs to another account', async () => {
    const fixture = withProvider();
    await signInThroughProvider(fixture);
    const other = await fixture.accounts.register({ email: 'other@example.test', password: 'toinen salasana', displayName: 'Other' });
    await expect(signInThroughProvider(fixture, PAULIINA, { linkAccountId: other.id })).rejects.toMatchObject({ code: 'oidc_identity_taken' });
  });

  it('refuses a sign-in without an email claim', async () => {
    const fixture = withProvider();
    const { email: _, ...noEmail } = PAULIINA;
    const error = await signInThroughProvider(fixture, { ...noEmail, emailVerified: false }).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationFailed);
    expect(error.code).toBe('oidc_email_missing');
  });

  it('names the account after the email when the provider gives no name', async () => {
    const fixture = withProvider();
    const { name: _, ...noName } = PAULIINA;
    expect((await signInThroughProvider(fixture, noName)).account.displayName).toBe('pauliina');
  });

  it('refuses a tampered state, and the sign-in cannot be retried', async () => {
    const fixture = withProvider();
    const started = await fixture.oidcLogin.begin();
    const callback = fixture.provider.signIn(started.authorizationUrl, PAULIINA);
    const tampered = new URL(callback);
    tampered.searchParams.set('state', 'attacker-state');

    const error = await fixture.oidcLogin.complete(started.loginId, tampered).catch((e) => e);
    expect(error).toBeInstanceOf(AuthenticationFailed);
    expect(error.code).toBe('oidc_failed');
    expect(error.message).toMatch(/state/);
    await expect(fixture.oidcLogin.complete(started.loginId, callback)).rejects.toBeInstanceOf(AuthenticationFailed);
    expect(fixture.store.dump().accounts).toEqual([]);
  });

  it('refuses a callback without the browser’s login id, or with another browser’s', async () => {
    const fixture = withProvider();
    const victim = await fixture.oidcLogin.begin();
    const attacker = await fixture.oidcLogin.begin();
    const callback = fixture.provider.signIn(attacker.authorizationUrl, PAULIINA);
    await expect(fixture.oidcLogin.complete(undefined, callback)).rejects.toBeInstanceOf(AuthenticationFailed);
    await expect(fixture.oidcLogin.complete(victim.loginId, callback)).rejects.toMatchObject({ code: 'oidc_failed' });
  });

  it('expires a pending sign-in after 10 minutes', async () => {
    const fixture = withProvider();
    const started = await fixture.oidcLogin.begin();
    const callback = fixture.provider.signIn(started.authorizationUrl, PAULIINA);
    fixture.clock.advance(10 * 60_000);
    await expect(fixture.oidcLogin.complete(started.loginId, callback)).rejects.toMatchObject({ code: 'oidc_failed' });
  });

  it('accepts the callback as a URL, a query string or a parsed query, and returns the safe return path', async () => {
    const fixture = withProvider();
    for (const shape of [(u: URL) => u, (u: URL) => u.search, (u: URL) => u.toString(), (u: URL) => Object.fromEntries(u.searchParams)]) {
      const started = await fixture.oidcLogin.begin({ returnTo: '/networks/n1' });
      const callback = fixture.provider.signIn(started.authorizationUrl, PAULIINA);
      expect(await fixture.oidcLogin.complete(started.loginId, shape(callback))).toMatchObject({ returnTo: '/networks/n1' });
    }
  });

  it('reports an unreachable provider as unavailable, not as a failed sign-in', async () => {
    const provider = new FakeOidcProvider();
    provider.authorizationUrl = async () => {
      throw new Error('connect ECONNREFUSED 127.0.0.1:1');
    };
    const { oidcLogin, store } = identityFixture({ relyingParty: provider });
    const error = await oidcLogin.begin().catch((e) => e);
    expect(error).toBeInstanceOf(OidcProviderUnavailable);
    expect(error.message).toMatch(/ECONNREFUSED/);
    expect(store.dump().oidcLogins).toEqual([]);
  });

  it('says when no provider is configured', async () => {
    const { oidcLogin } = identityFixture();
    expect(oidcLogin.enabled).toBe(false);
    await expect(oidcLogin.begin()).rejects.toMatchObject({ code: 'oidc_not_configured' });
  });

  it('keeps only same-site return paths', () => {
    expect(safeReturnPath('/networks/1?tab=graph')).toBe('/networks/1?tab=graph');
    for (const unsafe of ['//evil.example/x', 'https://evil.example', '/\\evil.example', 'relative', undefined]) {
      expect(safeReturnPath(unsafe)).toBeUndefined();
    }
  });
});
