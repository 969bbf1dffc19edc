import { Clock, IdGenerator, NotFound, StateConflict, ValidationFailed } from '@solmu/kernel';
import { normaliseEmail, validDisplayName } from '../account-rules';
import { Account, AccountPrincipal, emailTaken, principalOf, toAccount } from '../accounts';
import { AuthenticationFailed, OidcProviderUnavailable } from '../identity.errors';
import type { AccountRecord, IdentityStore } from '../identity-store.port';
import { hashToken, looksLike, newToken, pkceChallenge, randomText } from '../secrets';
import type { OidcClaims, OidcRelyingParty } from './oidc-relying-party';

/** A pending sign-in lives this long between the redirect to the provider and its callback. Default 10 minutes. */
export const DEFAULT_OIDC_LOGIN_TTL_MS = 10 * 60_000;

export interface BeginOidcLogin {
  /** A local path to land on afterwards (`/networks/…`); anything else is ignored. */
  returnTo?: string;
  /** Pre-fills the provider's sign-in form. */
  loginHint?: string;
  /** Set when a signed-in person links this provider to their existing account. */
  linkAccountId?: string;
}

export interface StartedOidcLogin {
  /** Put in a short-lived HttpOnly cookie (`solmu_oidc`); the callback needs it back. */
  loginId: string;
  /** Redirect the browser here (302/303). */
  authorizationUrl: string;
  expiresAt: Date;
}

export interface CompletedOidcLogin {
  account: Account;
  principal: AccountPrincipal;
  /** How the provider identity found its account. */
  outcome: 'linked_before' | 'linked_by_verified_email' | 'linked_to_signed_in_account' | 'account_created';
  returnTo?: string;
}

/**
 * Sign-in through an organisation's OpenID provider (Entra ID, Google, Keycloak…).
 *
 * {@link begin} keeps the PKCE verifier, state and nonce server-side under a random login id
 * (stored hashed, single use, 10 minutes) and returns the provider URL. {@link complete} takes that
 * id back from the browser's cookie together with the callback's query, lets the relying party
 * validate everything, then finds the account:
 *  1. the account already linked to (issuer, sub);
 *  2. else, when the provider vouches for the email (`email_verified: true`), the account with that
 *     email, which gets linked — an unverified email never takes over an account;
 *  3. else a new account (no password) with the provider's email and name, linked.
 * An unverified email that belongs to an existing account is refused: its owner signs in locally
 * and links the provider from their session (`begin({ linkAccountId })`).
 */
export class OidcLogin {
  constructor(
    private readonly store: IdentityStore,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly relyingParty: OidcRelyingParty | undefined,
    private readonly ttlMs = DEFAULT_OIDC_LOGIN_TTL_MS,
  ) {}

  /** Whether an OpenID provider is configured (to show the "Sign in with…" button). */
  get enabled(): boolean {
    return this.relyingParty !== undefined;
  }

  /** Starts a sign-in. OidcProviderUnavailable when discovery fails (it is retried at the next call). */
  async begin(request: BeginOidcLogin = {}): Promise<StartedOidcLogin> {
    const relyingParty = this.require();
    if (request.linkAccountId !== undefined && !(await this.store.getAccount(request.linkAccountId))) {
      throw new NotFound('account', request.linkAccountId);
    }
    const now = this.clock.now();
    const loginId = newToken('oidcLogin');
    const state = randomText();
    const nonce = randomText();
    const codeVerifier = randomText();
    const expiresAt = new Date(now.getTime() + this.ttlMs);
    let authorizationUrl: URL;
    try {
      authorizationUrl = await relyingParty.authorizationUrl({
        state,
        nonce,
        codeChallenge: pkceChallenge(codeVerifier),
        ...(request.loginHint && { loginHint: request.loginHint }),
      });
    } catch (error) {
      throw new OidcProviderUnavailable(describe(error));
    }
    const returnTo = safeReturnPath(request.returnTo);
    await this.store.createOidcLogin({
      idHash: hashToken(loginId),
      state,
      nonce,
      codeVerifier,
      ...(returnTo && { returnTo }),
      ...(request.linkAccountId !== undefined && { linkAccountId: request.linkAccountId }),
      createdAt: now,
      expiresAt,
    });
    return { loginId, authorizationUrl: authorizationUrl.toString(), expiresAt };
  }

  /**
   * Finishes a sign-in. `callback` is the full callback URL, or just its query (the part after
   * `?`, or the parsed query object), which is then put on the configured redirect URI.
   * AuthenticationFailed (`oidc_failed`) for a missing, expired or replayed login id, a state
   * that does not match, and anything the provider's answer fails.
   */
  async complete(loginId: string | undefined, callback: URL | string | Record<string, string | string[] | undefined>): Promise<CompletedOidcLogin> {
    const relyingParty = this.require();
    const pending = looksLike('oidcLogin', loginId) ? await this.store.consumeOidcLogin(hashToken(loginId)) : undefined;
    if (!pending || pending.expiresAt.getTime() <= this.clock.now().getTime()) {
      throw new AuthenticationFailed('oidc_failed', 'This sign-in has expired or was already used; please start again.');
    }
    let claims: OidcClaims;
    try {
      claims = await relyingParty.exchange(this.callbackUrl(callback), {
        state: pending.state,
        nonce: pending.nonce,
        codeVerifier: pending.codeVerifier,
      });
    } catch (error) {
      throw new AuthenticationFailed('oidc_failed', `The identity provider's answer was refused: ${describe(error)}`);
    }
    const { account, outcome } = await this.accountFor(claims, pending.linkAccountId);
    return { account, principal: principalOf(account), outcome, ...(pending.returnTo && { returnTo: pending.returnTo }) };
  }

  private async accountFor(claims: OidcClaims, linkAccountId: string | undefined): Promise<Pick<CompletedOidcLogin, 'account' | 'outcome'>> {
    const link = await this.store.findOidcLink(claims.issuer, claims.subject);
    if (link) {
      if (linkAccountId !== undefined && link.accountId !== linkAccountId) {
        throw new StateConflict('oidc_identity_taken', 'This identity provider account is already linked to another Solmu account.');
      }
      const account = await this.store.getAccount(link.accountId);
      if (account) return { account: toAccount(account), outcome: 'linked_before' };
    }
    if (linkAccountId !== undefined) {
      const account = await this.store.getAccount(linkAccountId);
      if (!account) throw new NotFound('account', linkAccountId);
      await this.link(claims, account.id);
      return { account: toAccount(account), outcome: 'linked_to_signed_in_account' };
    }
    if (claims.email === undefined) {
      throw ValidationFailed.field('email', 'the identity provider did not share an email address (ask for the `email` scope)', 'oidc_email_missing');
    }
    const email = normaliseEmail(claims.email);
    const existing = await this.store.findAccountByEmail(email);
    if (existing) {
      if (!claims.emailVerified) throw emailTaken();
      await this.link(claims, existing.id);
      return { account: toAccount(existing), outcome: 'linked_by_verified_email' };
    }
    const record: AccountRecord = {
      id: this.ids.next(),
      email,
      displayName: displayNameFrom(claims.name, email),
      admin: false,
      createdAt: this.clock.now(),
    };
    if ((await this.store.createAccount(record)) === 'email_taken') throw emailTaken();
    await this.link(claims, record.id);
    return { account: toAccount(record), outcome: 'account_created' };
  }

  private async link(claims: OidcClaims, accountId: string): Promise<void> {
    const created = await this.store.createOidcLink({ issuer: claims.issuer, subject: claims.subject, accountId, createdAt: this.clock.now() });
    if (created === 'exists') {
      const link = await this.store.findOidcLink(claims.issuer, claims.subject);
      if (link?.accountId !== accountId) {
        throw new StateConflict('oidc_identity_taken', 'This identity provider account is already linked to another Solmu account.');
      }
    }
  }

  private callbackUrl(callback: URL | string | Record<string, string | string[] | undefined>): URL {
    if (callback instanceof URL) return callback;
    const url = new URL(this.require().redirectUri);
    if (typeof callback === 'string') {
      if (/^https?:\/\//i.test(callback)) return new URL(callback);
      url.search = callback.startsWith('?') ? callback.slice(1) : callback;
      return url;
    }
    for (const [key, value] of Object.entries(callback)) {
      for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) url.searchParams.append(key, v);
    }
    return url;
  }

  private require(): OidcRelyingParty {
    if (!this.relyingParty) throw new StateConflict('oidc_not_configured', 'Sign-in with an identity provider is not configured.');
    return this.relyingParty;
  }
}

/** Only same-site absolute paths: `/x`, never `//evil.example` or `https://…` (no open redirect). */
export function safeReturnPath(returnTo: string | undefined): string | undefined {
  if (typeof returnTo !== 'string' || !returnTo.startsWith('/') || returnTo.startsWith('//') || returnTo.includes('\\')) return undefined;
  return returnTo.length <= 2000 ? returnTo : undefined;
}

function displayNameFrom(name: string | undefined, email: string): string {
  try {
    return validDisplayName(name);
  } catch {
    return email.slice(0, email.indexOf('@'));
  }
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return 'unknown error';
  // openid-client wraps the precise reason (e.g. 'unexpected "state" response parameter value') in `cause`.
  const cause = error.cause instanceof Error && error.cause.message !== error.message ? `: ${error.cause.message}` : '';
  const code = (error as { error?: unknown }).error ?? (error as { code?: unknown }).code;
  return `${error.message}${cause}${typeof code === 'string' ? ` (${code})` : ''}`;
}
