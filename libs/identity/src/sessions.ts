import { Clock, NotFound } from '@solmu/kernel';
import { Account, AccountPrincipal, principalOf, toAccount } from './accounts';
import type { IdentityStore, SessionRecord } from './identity-store.port';
import { hashToken, hmac, looksLike, newToken, randomText, sameSecret } from './secrets';

export interface SessionOptions {
  /** A session ends after this long without use (sliding). Default 7 days. */
  idleTimeoutMs: number;
  /** …and at the latest this long after sign-in, however active. Default 30 days. */
  absoluteLifetimeMs: number;
}

export const DEFAULT_SESSION_OPTIONS: Readonly<SessionOptions> = Object.freeze({
  idleTimeoutMs: 7 * 24 * 3600_000,
  absoluteLifetimeMs: 30 * 24 * 3600_000,
});

/** Sliding the expiry writes at most this often per session, so reads stay cheap. */
export const SESSION_TOUCH_INTERVAL_MS = 60_000;

export interface StartedSession {
  /** The cookie value. Shown once; only its SHA-256 is stored. */
  sessionId: string;
  /** Send back in the `X-CSRF-Token` header with every cookie-authenticated write. */
  csrfToken: string;
  expiresAt: Date;
  /** When the session ends regardless of activity: a good `Expires` for the cookie. */
  absoluteExpiresAt: Date;
}

export interface ActiveSession {
  principal: AccountPrincipal;
  account: Account;
  csrfToken: string;
  expiresAt: Date;
  absoluteExpiresAt: Date;
}

const CSRF_CONTEXT = 'solmu-csrf-v1';

/**
 * Browser sessions: an opaque random id in a cookie, stored only as its hash, with a sliding idle
 * expiry under an absolute cap. Each session has its own CSRF secret; its token is
 * HMAC(secret, "solmu-csrf-v1"), so it is stable for the session's life and worthless for any
 * other session. The HTTP layer checks it on every cookie-authenticated write
 * ({@link csrfTokenMatches}); bearer-token requests need no CSRF check.
 */
export class Sessions {
  private readonly options: SessionOptions;

  constructor(
    private readonly store: IdentityStore,
    private readonly clock: Clock,
    options: Partial<SessionOptions> = {},
  ) {
    this.options = { ...DEFAULT_SESSION_OPTIONS, ...options };
  }

  /** Opens a new session (call at every sign-in: a fresh id, never a reused one). */
  async start(accountId: string): Promise<StartedSession> {
    const account = await this.store.getAccount(accountId);
    if (!account) throw new NotFound('account', accountId);
    const now = this.clock.now();
    const sessionId = newToken('session');
    const record: SessionRecord = {
      idHash: hashToken(sessionId),
      accountId,
      csrfSecret: randomText(),
      createdAt: now,
      lastSeenAt: now,
      expiresAt: this.slidExpiry(now, now),
    };
    await this.store.createSession(record);
    return { sessionId, csrfToken: csrfTokenOf(record.csrfSecret), expiresAt: record.expiresAt, absoluteExpiresAt: this.absoluteExpiry(record) };
  }

  /**
   * The signed-in account behind a session cookie, or undefined when the cookie is missing, unknown
   * or expired. Slides the idle expiry (writing at most once a minute). Reads the account each time,
   * so a withdrawn administrator right or a deleted account takes effect at the next request.
   */
  async resume(sessionId: string | undefined): Promise<ActiveSession | undefined> {
    if (!looksLike('session', sessionId)) return undefined;
    const idHash = hashToken(sessionId);
    const session = await this.store.getSession(idHash);
    if (!session) return undefined;
    const now = this.clock.now();
    if (session.expiresAt.getTime() <= now.getTime()) {
      await this.store.deleteSession(idHash);
      return undefined;
    }
    const record = await this.store.getAccount(session.accountId);
    if (!record) {
      await this.store.deleteSession(idHash);
      return undefined;
    }
    let expiresAt = session.expiresAt;
    if (now.getTime() - session.lastSeenAt.getTime() >= SESSION_TOUCH_INTERVAL_MS) {
      expiresAt = this.slidExpiry(session.createdAt, now);
      await this.store.touchSession(idHash, now, expiresAt);
    }
    const account = toAccount(record);
    return {
      principal: principalOf(account),
      account,
      csrfToken: csrfTokenOf(session.csrfSecret),
      expiresAt,
      absoluteExpiresAt: this.absoluteExpiry(session),
    };
  }

  /** Constant-time check of the CSRF token a request presented against its session's. */
  csrfTokenMatches(session: Pick<ActiveSession, 'csrfToken'>, presented: string | undefined): boolean {
    return typeof presented === 'string' && presented.length > 0 && sameSecret(session.csrfToken, presented);
  }

  /** Signs out: the session id stops working at once. Unknown ids are ignored. */
  async end(sessionId: string | undefined): Promise<void> {
    if (looksLike('session', sessionId)) await this.store.deleteSession(hashToken(sessionId));
  }

  /** Signs the account out everywhere (except, optionally, the current session). */
  async endAll(accountId: string, exceptSessionId?: string): Promise<number> {
    return this.store.deleteSessionsOfAccount(accountId, exceptSessionId === undefined ? undefined : hashToken(exceptSessionId));
  }

  private slidExpiry(createdAt: Date, now: Date): Date {
    return new Date(Math.min(now.getTime() + this.options.idleTimeoutMs, createdAt.getTime() + this.options.absoluteLifetimeMs));
  }

  private absoluteExpiry(session: Pick<SessionRecord, 'createdAt'>): Date {
    return new Date(session.createdAt.getTime() + this.options.absoluteLifetimeMs);
  }
}

function csrfTokenOf(csrfSecret: string): string {
  return hmac(csrfSecret, CSRF_CONTEXT);
}
