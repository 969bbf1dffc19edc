import { AuthenticationFailed } from './identity.errors';
import { hashToken } from './secrets';
import { identityFixture } from './testing/identity-fixture';

const PASSWORD = 'skriptin salasana';

async function withAccount() {
  const fixture = identityFixture();
  const account = await fixture.accounts.register({ email: 'cli@example.test', password: PASSWORD, displayName: 'CLI user' });
  return { ...fixture, account };
}

describe('BearerTokens', () => {
  it('exchanges email and password for a one-hour token that acts as the account', async () => {
    const { bearerTokens, account, store } = await withAccount();
    const issued = await bearerTokens.exchange('CLI@example.test', PASSWORD);

    expect(issued.token).toMatch(/^solmu_at_[A-Za-z0-9_-]{43}$/);
    expect(issued.expiresAt).toEqual(new Date('2025-03-01T11:00:00.000Z'));
    expect(await bearerTokens.verify(issued.token)).toEqual({ kind: 'account', accountId: account.id, admin: false });
    expect(JSON.stringify(store.dump())).not.toContain(issued.token);
    expect(await store.getBearerToken(hashToken(issued.token))).toBeDefined();
  });

  it('issues nothing for a wrong password', async () => {
    const { bearerTokens, store } = await withAccount();
    await expect(bearerTokens.exchange('cli@example.test', 'väärä salasana')).rejects.toBeInstanceOf(AuthenticationFailed);
    expect(store.dump().bearerTokens).toEqual([]);
  });

  it('stops working after an hour', async () => {
    const { bearerTokens, account, clock } = await withAccount();
    const { token } = await bearerTokens.issueFor(account.id);
    clock.advance(3600_000 - 1);
    expect(await bearerTokens.verify(token)).toBeDefined();
    clock.advance(1);
    expect(await bearerTokens.verify(token)).toBeUndefined();
  });

  it('stops working when revoked', async () => {
    const { bearerTokens, account } = await withAccount();
    const { token } = await bearerTokens.issueFor(account.id);
    await bearerTokens.revoke(token);
    expect(await bearerTokens.verify(token)).toBeUndefined();
  });

  it('refuses tampered tokens and tokens of other kinds', async () => {
    const { bearerTokens, apiTokens, account } = await withAccount();
    const { token } = await bearerTokens.issueFor(account.id);
    const tampered = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
    const apiToken = await apiTokens.create({ networkId: 'n', name: 'x', scopes: ['network:read'], createdBy: account.id });
    expect(await bearerTokens.verify(tampered)).toBeUndefined();
    expect(await bearerTokens.verify(apiToken.token)).toBeUndefined();
    expect(await bearerTokens.verify(undefined)).toBeUndefined();
  });
});
