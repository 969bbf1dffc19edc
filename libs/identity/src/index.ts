/**
 * @solmu/identity — accounts, sign-in and credentials: local accounts with scrypt passwords,
 * browser sessions with CSRF tokens, short-lived bearer tokens, API tokens for integrations,
 * invitations linking members to accounts, the first administrator, and OpenID Connect sign-in.
 * See docs/identity.md.
 */
export * from './identity-store.port';
export * from './identity.tokens';
export * from './identity.errors';
export * from './identity.module';
export { normaliseEmail, PASSWORD_MIN_LENGTH } from './account-rules';
export { DEFAULT_SCRYPT_PARAMS, PasswordHasher, type ScryptParams } from './password-hasher';
export { Accounts, principalOf, type Account, type AccountPrincipal, type RegisterAccount } from './accounts';
export { DEFAULT_SESSION_OPTIONS, Sessions, type ActiveSession, type SessionOptions, type StartedSession } from './sessions';
export { BearerTokens, DEFAULT_BEARER_TOKEN_LIFETIME_MS, type IssuedBearerToken } from './bearer-tokens';
export { ApiTokens, LAST_USED_RESOLUTION_MS, type ApiTokenInfo, type CreateApiToken, type TokenPrincipal } from './api-tokens';
export { DEFAULT_INVITATION_LIFETIME_MS, Invitations, type AcceptedInvitation, type CreateInvitation, type InvitationInfo } from './invitations';
export { FirstRun, setupLink, type FirstRunOutcome, type FirstRunSettings, type SetUpAdministrator } from './first-run';
export { Authenticator, bearerTokenOf } from './authenticator';
export { OidcLogin, safeReturnPath, type BeginOidcLogin, type CompletedOidcLogin, type StartedOidcLogin } from './oidc/oidc-login';
export type { OidcClaims, OidcRelyingParty, OidcSettings } from './oidc/oidc-relying-party';
export { InMemoryIdentityStore } from './adapters/in-memory-identity-store';
export { TOKEN_PREFIXES } from './secrets';
