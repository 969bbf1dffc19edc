import { Clock, NotFound } from '@solmu/kernel';
import { AccountPrincipal, Accounts, principalOf } from './accounts';
import type { IdentityStore } from './identity-store.port';
import { hashToken, looksLike, newToken } from './secrets';

export interface BearerTokenOptions {
  /** Default 1 hour. */
  lifetimeMs: number;
}

export const DEFAULT_BEARER_TOKEN_LIFETIME_MS = 3600_000;

export interface IssuedBearerToken {
  /** `solmu_at_…`; shown once, only its hash is stored. */
  token: string;
  accountId: string;
  expiresAt: Date;
}

/**
 * Short-lived bearer tokens for scripts and the CLI: `POST /api/auth/token {email, password}`
 * exchanges credentials for one, sent as `Authorization: Bearer solmu_at_…` until it expires.
 * They act as the account (same rights as its browser session) and need no CSRF token.
 */
export class BearerTokens {
  private readonly lifetimeMs: number;

  constructor(
    private readonly store: IdentityStore,
    private readonly accounts: Accounts,
    private readonly clock: Clock,
    options: Partial<BearerTokenOptions> = {},
  ) {
    this.lifetimeMs = options.lifetimeMs ?? DEFAULT_BEARER_TOKEN_LIFETIME_MS;
  }

  /** Checks the email and password (AuthenticationFailed when wrong) and issues a token. */
  async exchange(email: unknown, password: unknown): Promise<IssuedBearerToken> {
    const account = await this.accounts.authenticate(email, password);
    return this.issueFor(account.id);
  }

  /** Issues a token for an account already authenticated some other way (e.g. a browser session). */
  async issueFor(accountId: string): Promise<IssuedBearerToken> {
    if (!(await this.store.getAccount(accountId))) throw new NotFound('account', accountId);
    const now = this.clock.now();
    const token = newToken('bearer');
    const expiresAt = new Date(now.getTime() + this.lifetimeMs);
    await this.store.createBearerToken({ tokenHash: hashToken(token), accountId, createdAt: now, expiresAt });
    return { token, accountId, expiresAt };
  }

  /** The account a token stands for, or undefined when it is unknown, revoked or expired. */
  async verify(token: string | undefined): Promise<AccountPrincipal | undefined> {
    if (!looksLike('bearer', token)) return undefined;
    const tokenHash = hashToken(token);
    const record = await this.store.getBearerToken(tokenHash);
    if (!record) return undefined;
    if (record.expiresAt.getTime() <= this.clock.now().getTime()) {
      await this.store.deleteBearerToken(tokenHash);
      return undefined;
    }
    const account = await this.store.getAccount(record.accountId);
    return account && principalOf(account);
  }

  /** Ends a token before its time (`solmu logout`). Unknown tokens are ignored. */
  async revoke(token: string | undefined): Promise<void> {
    if (looksLike('bearer', token)) await this.store.deleteBearerToken(hashToken(token));
  }
}
