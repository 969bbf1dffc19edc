import type * as OpenIdClient from 'openid-client';
import type { AuthorizationRequest, CallbackChecks, OidcClaims, OidcRelyingParty, OidcSettings } from './oidc-relying-party';

export const DEFAULT_OIDC_SCOPE = 'openid email profile';

/**
 * `openid-client` 6.x is ESM-only: it is loaded with a dynamic import on first use, so the rest of
 * Solmu (and every test that never signs in through OIDC) does not load it at all.
 */
const loadClient = (): Promise<typeof OpenIdClient> => import('openid-client');

const LOOPBACK = new Set(['127.0.0.1', '[::1]', 'localhost']);

/**
 * The OidcRelyingParty on `openid-client` 6.x: discovery (`/.well-known/openid-configuration`,
 * with the issuer checked against the configured one), authorization code flow with PKCE,
 * `client_secret_post` authentication (the library's default for a client secret).
 *
 * Discovery happens on first use and is retried after a failure, so Solmu starts even when the
 * provider is briefly unreachable.
 */
export class OpenIdClientRelyingParty implements OidcRelyingParty {
  private configuration?: Promise<OpenIdClient.Configuration>;

  constructor(private readonly settings: OidcSettings) {
    const issuer = new URL(settings.issuer);
    if (issuer.protocol !== 'https:' && !settings.allowInsecureHttp && !LOOPBACK.has(issuer.hostname)) {
      throw new Error(`The OIDC issuer must use https: ${settings.issuer}`);
    }
  }

  get redirectUri(): string {
    return this.settings.redirectUri;
  }

  async authorizationUrl(request: AuthorizationRequest): Promise<URL> {
    const [client, config] = await Promise.all([loadClient(), this.config()]);
    return client.buildAuthorizationUrl(config, {
      redirect_uri: this.settings.redirectUri,
      scope: this.settings.scope ?? DEFAULT_OIDC_SCOPE,
      response_type: 'code',
      state: request.state,
      nonce: request.nonce,
      code_challenge: request.codeChallenge,
      code_challenge_method: 'S256',
      ...(request.loginHint && { login_hint: request.loginHint }),
    });
  }

  async exchange(callback: URL, checks: CallbackChecks): Promise<OidcClaims> {
    const [client, config] = await Promise.all([loadClient(), this.config()]);
    const tokens = await client.authorizationCodeGrant(config, callback, {
      pkceCodeVerifier: checks.codeVerifier,
      expectedState: checks.state,
      expectedNonce: checks.nonce,
      idTokenExpected: true,
    });
    const idToken = tokens.claims();
    if (!idToken) throw new Error('The provider returned no ID token');
    let source: Record<string, unknown> = idToken;
    // Some providers (and oidc-provider by default) put profile claims only in UserInfo.
    if ((idToken.email === undefined || idToken.name === undefined) && config.serverMetadata().userinfo_endpoint) {
      const userInfo = await client.fetchUserInfo(config, tokens.access_token, idToken.sub);
      source = { ...userInfo, ...definedOnly(idToken) };
    }
    const email = typeof source.email === 'string' ? source.email : undefined;
    return {
      issuer: idToken.iss,
      subject: idToken.sub,
      ...(email !== undefined && { email }),
      emailVerified: email !== undefined && (source.email_verified === true || source.email_verified === 'true'),
      ...(typeof source.name === 'string' && source.name.trim() !== '' && { name: source.name }),
    };
  }

  private config(): Promise<OpenIdClient.Configuration> {
    this.configuration ??= this.discover().catch((error: unknown) => {
      this.configuration = undefined;
      throw error;
    });
    return this.configuration;
  }

  private async discover(): Promise<OpenIdClient.Configuration> {
    const client = await loadClient();
    const insecure = new URL(this.settings.issuer).protocol === 'http:';
    return client.discovery(
      new URL(this.settings.issuer),
      this.settings.clientId,
      { client_secret: this.settings.clientSecret, redirect_uris: [this.settings.redirectUri], response_types: ['code'] },
      client.ClientSecretPost(this.settings.clientSecret),
      insecure ? { execute: [client.allowInsecureRequests] } : undefined,
    );
  }
}

function definedOnly(claims: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(claims).filter(([, value]) => value !== undefined));
}
