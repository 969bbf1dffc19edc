import { followProviderRedirects, startOidcProvider, TEST_OIDC_USERS } from './start';

describe('test OIDC provider (oidc-provider 9 in a child process)', () => {
  it('starts on 127.0.0.1 at a random port, publishes its discovery document, requires PKCE, and stops', async () => {
    const provider = await startOidcProvider({ clientId: 'probe', redirectUris: ['http://127.0.0.1:9/cb'] });
    try {
      expect(provider.issuer).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const discovery = (await (await fetch(`${provider.issuer}/.well-known/openid-configuration`)).json()) as { authorization_endpoint: string };
      expect(discovery).toMatchObject({ issuer: provider.issuer, code_challenge_methods_supported: ['S256'] });

      const withoutPkce = new URL(discovery.authorization_endpoint);
      for (const [key, value] of Object.entries({ client_id: 'probe', redirect_uri: 'http://127.0.0.1:9/cb', response_type: 'code', scope: 'openid', state: 's' })) {
        withoutPkce.searchParams.set(key, value);
      }
      const refused = await followProviderRedirects(withoutPkce.toString(), 'http://127.0.0.1:9/cb', TEST_OIDC_USERS.pauliina.email);
      expect(refused.searchParams.get('error')).toBe('invalid_request');
      expect(refused.searchParams.get('error_description')).toMatch(/PKCE/);
    } finally {
      await provider.stop();
    }
    expect(() => process.kill(provider.pid, 0)).toThrow(/ESRCH/);
  }, 30_000);
});
