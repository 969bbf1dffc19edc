/**
 * The protocol half of an OpenID Connect sign-in, behind a port so that the account rules in
 * OidcLogin are tested without a provider, and so only one file knows `openid-client`.
 */
export interface OidcRelyingParty {
  /** Where the provider sends the browser back (the registered redirect URI). */
  readonly redirectUri: string;
  /** The URL to send the browser to. PKCE (S256), state and nonce are always used. */
  authorizationUrl(request: AuthorizationRequest): Promise<URL>;
  /**
   * Validates the provider's redirect back (state, issuer, code), redeems the code with the PKCE
   * verifier, validates the ID token (signature, issuer, audience, expiry, nonce) and returns its
   * claims, completed from the UserInfo endpoint when the ID token lacks email or name. Throws on
   * any failure.
   */
  exchange(callback: URL, checks: CallbackChecks): Promise<OidcClaims>;
}

export interface AuthorizationRequest {
  state: string;
  nonce: string;
  codeChallenge: string;
  /** Pre-fills the provider's sign-in form (`login_hint`). */
  loginHint?: string;
}

export interface CallbackChecks {
  state: string;
  nonce: string;
  codeVerifier: string;
}

/** The claims Solmu uses, from a validated ID token (and UserInfo). */
export interface OidcClaims {
  /** The issuer exactly as in the ID token's `iss`. */
  issuer: string;
  subject: string;
  email?: string;
  /** True only when the provider says so (`email_verified: true`). */
  emailVerified: boolean;
  name?: string;
}

export interface OidcSettings {
  /** Issuer URL, e.g. `https://login.microsoftonline.com/<tenant-id>/v2.0`. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Where the provider sends the browser back: `<SOLMU_PUBLIC_URL>/api/auth/oidc/callback`. */
  redirectUri: string;
  /** Default `openid email profile`. */
  scope?: string;
  /**
   * Allows plain-HTTP issuers. Loopback issuers (127.0.0.1, ::1, localhost) are allowed without it,
   * for development and tests; never enable it for a real provider.
   */
  allowInsecureHttp?: boolean;
}
