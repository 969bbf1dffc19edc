import { bearerTokenOf } from './authenticator';
import { identityFixture } from './testing/identity-fixture';

describe('Authenticator', () => {
  it('tells a script’s bearer token from an integration’s API token by prefix', async () => {
    const { authenticator, accounts, bearerTokens, apiTokens } = identityFixture();
    const account = await accounts.register({ email: 'a@example.test', password: 'pitkä salasana', displayName: 'A' });
    const bearer = await bearerTokens.issueFor(account.id);
    const api = await apiTokens.create({ networkId: 'n1', name: 'Slack', scopes: ['network:read'], createdBy: account.id });

    expect(await authenticator.fromBearer(bearer.token)).toEqual({ kind: 'account', accountId: account.id, admin: false });
    expect(await authenticator.fromBearer(api.token)).toEqual({ kind: 'token', tokenId: api.apiToken.id, networkId: 'n1', scopes: ['network:read'] });
    expect(await authenticator.fromBearer('something-else')).toBeUndefined();
    expect(await authenticator.fromBearer(undefined)).toBeUndefined();
  });

  it('resumes a session from its cookie value', async () => {
    const { authenticator, accounts, sessions } = identityFixture();
    const account = await accounts.register({ email: 'a@example.test', password: 'pitkä salasana', displayName: 'A' });
    const { sessionId, csrfToken } = await sessions.start(account.id);
    expect(await authenticator.fromSession(sessionId)).toMatchObject({ principal: { accountId: account.id }, csrfToken });
  });

  it('reads the token of an Authorization: Bearer header', () => {
    expect(bearerTokenOf('Bearer solmu_at_abc')).toBe('solmu_at_abc');
    expect(bearerTokenOf('bearer   solmu_pat_abc ')).toBe('solmu_pat_abc');
    expect(bearerTokenOf('Basic dXNlcjpwYXNz')).toBeUndefined();
    expect(bearerTokenOf(undefined)).toBeUndefined();
  });
});
