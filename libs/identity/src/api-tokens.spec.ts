import { NotFound, ValidationFailed } from '@solmu/kernel';
import { LAST_USED_RESOLUTION_MS, VERIFIED_TOKEN_CACHE_MS } from './api-tokens';
import { hashToken } from './secrets';
import { identityFixture } from './testing/identity-fixture';
import { InMemoryIdentityStore } from './adapters/in-memory-identity-store';

const COORDINATOR = '00000000-0000-7000-8000-00000000c00d';

describe('ApiTokens', () => {
  it('shows the token once and stores only its hash', async () => {
    const { apiTokens, store } = identityFixture();
    const { token, apiToken } = await apiTokens.create({ networkId: 'n1', name: ' Slack ', scopes: ['interactions:write', 'network:read'], createdBy: COORDINATOR });

    expect(token).toMatch(/^solmu_pat_[A-Za-z0-9_-]{43}$/);
    expect(apiToken).toEqual({
      id: expect.any(String),
      networkId: 'n1',
      name: 'Slack',
      scopes: ['network:read', 'interactions:write'],
      createdAt: new Date('2025-03-01T10:00:00.000Z'),
      createdBy: COORDINATOR,
    });
    const dump = JSON.stringify(store.dump());
    expect(dump).not.toContain(token);
    expect(dump).toContain(hashToken(token));
    expect(JSON.stringify(await apiTokens.list('n1'))).not.toContain(hashToken(token));
  });

  it('verifies into a token principal limited to its network and scopes', async () => {
    const { apiTokens } = identityFixture();
    const { token, apiToken } = await apiTokens.create({ networkId: 'n1', name: 'Teams', scopes: ['network:read', 'analysis:read'], createdBy: COORDINATOR });
    expect(await apiTokens.verify(token)).toEqual({ kind: 'token', tokenId: apiToken.id, networkId: 'n1', scopes: ['network:read', 'analysis:read'] });
  });

  it('lists a network’s tokens with name, scopes, creation and last use', async () => {
    const { apiTokens, clock } = identityFixture();
    const slack = await apiTokens.create({ networkId: 'n1', name: 'Slack', scopes: ['network:read'], createdBy: COORDINATOR });
    clock.advance(1000);
    await apiTokens.create({ networkId: 'n1', name: 'Script', scopes: ['members:write'], createdBy: COORDINATOR });
    await apiTokens.create({ networkId: 'n2', name: 'Elsewhere', scopes: ['members:write'], createdBy: COORDINATOR });
    clock.advance(1000);
    await apiTokens.verify(slack.token);

    const listed = await apiTokens.list('n1');
    expect(listed.map((t) => [t.name, t.scopes, t.lastUsedAt])).toEqual([
      ['Slack', ['network:read'], new Date('2025-03-01T10:00:02.000Z')],
      ['Script', ['members:write'], undefined],
    ]);
  });

  it('records the last use at most once a minute', async () => {
    const { apiTokens, clock, store } = identityFixture();
    const { token } = await apiTokens.create({ networkId: 'n1', name: 'Slack', scopes: ['network:read'], createdBy: COORDINATOR });
    const lastUsed = async () => (await store.findApiTokenByHash(hashToken(token)))?.lastUsedAt;
    const touch = jest.spyOn(store, 'touchApiToken');

    await apiTokens.verify(token);
    expect(await lastUsed()).toEqual(new Date('2025-03-01T10:00:00.000Z'));
    clock.advance(LAST_USED_RESOLUTION_MS - 1);
    await apiTokens.verify(token);
    await apiTokens.verify(token);
    expect(await lastUsed()).toEqual(new Date('2025-03-01T10:00:00.000Z'));
    // A verified token is trusted for a few seconds without a lookup, so the touch comes then.
    clock.advance(1 + VERIFIED_TOKEN_CACHE_MS);
    await apiTokens.verify(token);
    expect(await lastUsed()).toEqual(new Date('2025-03-01T10:01:05.000Z'));
    expect(touch).toHaveBeenCalledTimes(2);
  });

  it('looks a busy token up once per few seconds, and forgets it at once when revoked', async () => {
    const { apiTokens, clock, store } = identityFixture();
    const { token, apiToken } = await apiTokens.create({ networkId: 'n1', name: 'Slack', scopes: ['interactions:write'], createdBy: COORDINATOR });
    const lookups = jest.spyOn(store, 'findApiTokenByHash');

    for (let i = 0; i < 10; i += 1) await apiTokens.verify(token);
    clock.advance(VERIFIED_TOKEN_CACHE_MS);
    await apiTokens.verify(token);
    await apiTokens.revoke('n1', apiToken.id);

    expect(lookups).toHaveBeenCalledTimes(2);
    expect(await apiTokens.verify(token)).toBeUndefined();
  });

  it('on a store shared by several processes, trusts its cache only while revocations are heard, and forgets what they name', async () => {
    let heard = true;
    let forget: (tokenId?: string) => void = () => undefined;
    /** A store other processes share, as PostgreSQL is: it hears their revocations (or not). */
    const store = new (class extends InMemoryIdentityStore {
      watchApiTokenRevocations(callback: (tokenId?: string) => void) {
        forget = callback;
        return { heard: () => heard };
      }
    })();
    const { apiTokens } = identityFixture({ store });
    const { token, apiToken } = await apiTokens.create({ networkId: 'n1', name: 'Slack', scopes: ['interactions:write'], createdBy: COORDINATOR });
    const other = await apiTokens.create({ networkId: 'n1', name: 'Teams', scopes: ['interactions:write'], createdBy: COORDINATOR });
    const lookups = jest.spyOn(store, 'findApiTokenByHash');

    await apiTokens.verify(token);
    await apiTokens.verify(token);
    expect(lookups).toHaveBeenCalledTimes(1);
    heard = false;
    await apiTokens.verify(token);
    await apiTokens.verify(token);
    expect(lookups).toHaveBeenCalledTimes(3);
    heard = true;

    // Another process revoked it: the store deleted it there and names it here.
    await apiTokens.verify(other.token);
    await store.deleteApiToken('n1', apiToken.id);
    forget(apiToken.id);
    expect(await apiTokens.verify(token)).toBeUndefined();
    lookups.mockClear();
    await apiTokens.verify(other.token);
    expect(lookups).toHaveBeenCalledTimes(0);
    forget();
    await apiTokens.verify(other.token);
    expect(lookups).toHaveBeenCalledTimes(1);
  });

  it('refuses a revoked token at once', async () => {
    const { apiTokens } = identityFixture();
    const { token, apiToken } = await apiTokens.create({ networkId: 'n1', name: 'Slack', scopes: ['network:read'], createdBy: COORDINATOR });
    await expect(apiTokens.revoke('n2', apiToken.id)).rejects.toBeInstanceOf(NotFound);
    await apiTokens.revoke('n1', apiToken.id);
    expect(await apiTokens.verify(token)).toBeUndefined();
    expect(await apiTokens.list('n1')).toEqual([]);
    await expect(apiTokens.revoke('n1', apiToken.id)).rejects.toBeInstanceOf(NotFound);
  });

  it('refuses an expired token but keeps listing it', async () => {
    const { apiTokens, clock } = identityFixture();
    const expiresAt = new Date('2025-03-02T10:00:00.000Z');
    const { token } = await apiTokens.create({ networkId: 'n1', name: 'Temp', scopes: ['network:read'], createdBy: COORDINATOR, expiresAt });
    clock.advance(24 * 3600_000 - 1);
    expect(await apiTokens.verify(token)).toBeDefined();
    clock.advance(1);
    expect(await apiTokens.verify(token)).toBeUndefined();
    expect(await apiTokens.list('n1')).toEqual([expect.objectContaining({ name: 'Temp', expiresAt })]);
  });

  it('refuses tampered tokens and tokens of other kinds', async () => {
    const { apiTokens } = identityFixture();
    const { token } = await apiTokens.create({ networkId: 'n1', name: 'Slack', scopes: ['network:read'], createdBy: COORDINATOR });
    expect(await apiTokens.verify(token.slice(0, -2) + 'xx')).toBeUndefined();
    expect(await apiTokens.verify(token.replace('solmu_pat_', 'solmu_at_'))).toBeUndefined();
    expect(await apiTokens.verify('')).toBeUndefined();
  });

  it.each([
    ['no scopes', { scopes: [] }, 'scopes'],
    ['an unknown scope', { scopes: ['network:read', 'admin:everything'] }, 'scopes'],
    ['an empty name', { name: '  ' }, 'name'],
    ['an expiry in the past', { expiresAt: new Date('2025-03-01T09:00:00.000Z') }, 'expiresAt'],
  ])('refuses %s, naming the field', async (_, change, field) => {
    const { apiTokens, store } = identityFixture();
    const error = await apiTokens.create({ networkId: 'n1', name: 'Slack', scopes: ['network:read'], createdBy: COORDINATOR, ...change }).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationFailed);
    expect(error.problems.map((p: { field: string }) => p.field)).toEqual([field]);
    expect(store.dump().apiTokens).toEqual([]);
  });
});
