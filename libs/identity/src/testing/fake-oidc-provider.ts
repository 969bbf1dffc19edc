import { randomUUID } from 'node:crypto';
import type { AuthorizationRequest, CallbackChecks, OidcClaims, OidcRelyingParty } from '../oidc/oidc-relying-party';
import { pkceChallenge } from '../secrets';

type Person = Omit<OidcClaims, 'issuer'>;

/**
 * An in-process stand-in for an OpenID provider *and* the relying party, for unit tests of the
 * account rules. It keeps the protocol's checks that matter to OidcLogin: the callback's state
 * must match, the code is single use, and the PKCE verifier must match the challenge.
 * The real protocol is covered by oidc-login.int-spec.ts against oidc-provider.
 */
export class FakeOidcProvider implements OidcRelyingParty {
  readonly redirectUri = 'https://solmu.example/api/auth/oidc/callback';
  private readonly requests = new Map<string, AuthorizationRequest>();
  private readonly codes = new Map<string, { request: AuthorizationRequest; person: Person }>();

  constructor(readonly issuer = 'https://idp.example') {}

  async authorizationUrl(request: AuthorizationRequest): Promise<URL> {
    const url = new URL(`${this.issuer}/authorize`);
    url.searchParams.set('state', request.state);
    this.requests.set(request.state, request);
    return url;
  }

  /** The person signs in at the provider, which redirects back with a code and the state. */
  signIn(authorizationUrl: string, person: Person): URL {
    const state = new URL(authorizationUrl).searchParams.get('state')!;
    const request = this.requests.get(state);
    if (!request) throw new Error('unknown authorization request');
    const code = randomUUID();
    this.codes.set(code, { request, person });
    const callback = new URL(this.redirectUri);
    callback.searchParams.set('code', code);
    callback.searchParams.set('state', state);
    return callback;
  }

  async exchange(callback: URL, checks: CallbackChecks): Promise<OidcClaims> {
    if (callback.searchParams.get('state') !== checks.state) throw new Error('unexpected "state" response parameter value');
    const code = callback.searchParams.get('code') ?? '';
    const issued = this.codes.get(code);
    this.codes.delete(code);
    if (!issued) throw new Error('invalid_grant');
    if (pkceChallenge(checks.codeVerifier) !== issued.request.codeChallenge) throw new Error('PKCE verification failed');
    if (checks.nonce !== issued.request.nonce) throw new Error('unexpected ID Token "nonce" claim value');
    return { issuer: this.issuer, ...issued.person };
  }
}
