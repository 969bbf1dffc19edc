/**
 * The one error identity adds to the kernel's DomainError family: a credential that does not
 * prove who the caller is. The HTTP layer answers it with 401 and the same message whatever the
 * reason, so a caller cannot tell an unknown email from a wrong password.
 *
 * Other failures use the kernel's errors: ValidationFailed (400, naming the field: a short
 * password, an expired invitation), NotFound (404) and StateConflict (409: email taken, last
 * administrator, set-up already done).
 */
export type AuthenticationFailure = 'invalid_credentials' | 'oidc_failed';

export class AuthenticationFailed extends Error {
  constructor(
    readonly code: AuthenticationFailure,
    message: string,
  ) {
    super(message);
    this.name = 'AuthenticationFailed';
  }
}

/** The OpenID provider could not be reached or its discovery document is unusable: 502/503, not 401. */
export class OidcProviderUnavailable extends Error {
  readonly code = 'oidc_unavailable';
  constructor(reason: string) {
    super(`The identity provider could not be reached: ${reason}`);
    this.name = 'OidcProviderUnavailable';
  }
}
