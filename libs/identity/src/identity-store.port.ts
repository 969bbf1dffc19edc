import type { TokenScope } from '@solmu/kernel';

/**
 * Where accounts and credentials live. Deliberately not event-sourced: an event log keeps
 * everything forever, and a person's email and password hash must be erasable on request. The
 * event store records only account ids (as `actor`), never emails.
 *
 * Every credential is stored as the SHA-256 of its text (`*Hash` fields); no record holds a
 * usable secret except a session's CSRF secret, which is worthless without the session cookie.
 * Times are `Date`s; adapters store them as epoch milliseconds.
 *
 * Operations named `consume…` are single-use: they remove the record and return it atomically, so
 * two concurrent attempts cannot both succeed.
 */
export interface IdentityStore {
  // Accounts
  /** Adds an account; `'email_taken'` when another account has the same (normalised) email. */
  createAccount(account: AccountRecord): Promise<'created' | 'email_taken'>;
  getAccount(id: string): Promise<AccountRecord | undefined>;
  findAccountByEmail(email: string): Promise<AccountRecord | undefined>;
  /** Every account, oldest first. */
  listAccounts(): Promise<AccountRecord[]>;
  countAccounts(): Promise<{ accounts: number; admins: number }>;
  /** Changes the given fields; false when there is no such account. */
  updateAccount(id: string, changes: AccountChanges): Promise<boolean>;
  /**
   * Removes the account and everything that belongs to it: OIDC links, sessions, bearer tokens
   * and pending OIDC sign-ins that would link to it. Adapters must leave no trace of its email or
   * name readable in their files. False when there was no such account.
   */
  deleteAccount(id: string): Promise<boolean>;

  // OpenID Connect links: (issuer, subject) → account
  /** Adds a link; `'exists'` when this (issuer, subject) is already linked (to any account). */
  createOidcLink(link: OidcLinkRecord): Promise<'created' | 'exists'>;
  findOidcLink(issuer: string, subject: string): Promise<OidcLinkRecord | undefined>;
  listOidcLinks(accountId: string): Promise<OidcLinkRecord[]>;

  // Pending OpenID Connect sign-ins (between the redirect to the provider and its callback)
  createOidcLogin(login: OidcLoginRecord): Promise<void>;
  consumeOidcLogin(idHash: string): Promise<OidcLoginRecord | undefined>;

  // Browser sessions
  createSession(session: SessionRecord): Promise<void>;
  getSession(idHash: string): Promise<SessionRecord | undefined>;
  /** Slides a session's expiry. */
  touchSession(idHash: string, lastSeenAt: Date, expiresAt: Date): Promise<void>;
  deleteSession(idHash: string): Promise<void>;
  /** Ends every session of the account, except the one given (e.g. the one changing the password). */
  deleteSessionsOfAccount(accountId: string, exceptIdHash?: string): Promise<number>;

  // Short-lived bearer tokens for scripts and the CLI
  createBearerToken(token: BearerTokenRecord): Promise<void>;
  getBearerToken(tokenHash: string): Promise<BearerTokenRecord | undefined>;
  deleteBearerToken(tokenHash: string): Promise<void>;
  deleteBearerTokensOfAccount(accountId: string): Promise<number>;

  // API tokens for integrations, one network each
  createApiToken(token: ApiTokenRecord): Promise<void>;
  findApiTokenByHash(tokenHash: string): Promise<ApiTokenRecord | undefined>;
  /** The network's tokens, oldest first. */
  listApiTokens(networkId: string): Promise<ApiTokenRecord[]>;
  touchApiToken(id: string, lastUsedAt: Date): Promise<void>;
  /** False when the network has no token with this id. */
  deleteApiToken(networkId: string, id: string): Promise<boolean>;
  /**
   * Only for a store that several processes share (PostgreSQL): tells `forget` the id of every API
   * token revoked by any of them, as it happens, or no id when revocations may have been missed
   * (the connection that hears them dropped). `heard()` is true while revocations are heard; a
   * process may trust a token it verified a moment ago only then. A store used by one process
   * leaves this out: its own ApiTokens sees every revocation.
   */
  watchApiTokenRevocations?(forget: (tokenId?: string) => void): RevocationWatch;

  // Invitations: a member record waiting for its person's account
  createInvitation(invitation: InvitationRecord): Promise<void>;
  findInvitation(tokenHash: string): Promise<InvitationRecord | undefined>;
  consumeInvitation(tokenHash: string): Promise<InvitationRecord | undefined>;
  /** The network's open invitations, oldest first. */
  listInvitations(networkId: string): Promise<InvitationRecord[]>;
  /** False when the network has no invitation with this id. */
  deleteInvitation(networkId: string, id: string): Promise<boolean>;
  /** Withdraws every open invitation to this member (a new invitation supersedes the old ones). */
  deleteInvitationsOfMember(networkId: string, memberId: string): Promise<number>;

  // The first-run set-up token (at most one exists)
  /** Stores a new set-up token in place of any previous one, or removes it (`undefined`). */
  replaceSetupToken(token: SetupTokenRecord | undefined): Promise<void>;
  findSetupToken(tokenHash: string): Promise<SetupTokenRecord | undefined>;
  consumeSetupToken(tokenHash: string): Promise<SetupTokenRecord | undefined>;

  /**
   * Removes expired sessions, bearer tokens, invitations and pending OIDC sign-ins (API tokens are
   * kept, so coordinators see them as expired). Returns how many records went.
   */
  purgeExpired(now: Date): Promise<number>;

  close(): Promise<void>;
}

export interface AccountRecord {
  /** UUID v7. */
  id: string;
  /** Trimmed and lowercased; unique. */
  email: string;
  displayName: string;
  /** An administrator of this Solmu installation. */
  admin: boolean;
  /** PHC-style scrypt hash (see PasswordHasher); absent for accounts that sign in only through OIDC. */
  passwordHash?: string;
  createdAt: Date;
}

export type AccountChanges = Partial<Pick<AccountRecord, 'displayName' | 'admin'>> & {
  /** `null` removes the password. */
  passwordHash?: string | null;
};

export interface OidcLinkRecord {
  /** The provider's issuer identifier, exactly as it appears in its ID tokens' `iss`. */
  issuer: string;
  /** The provider's stable `sub` for this person. */
  subject: string;
  accountId: string;
  createdAt: Date;
}

export interface OidcLoginRecord {
  /** Hash of the random id the browser holds in a cookie between redirect and callback. */
  idHash: string;
  state: string;
  nonce: string;
  codeVerifier: string;
  /** A local path to return to after sign-in. */
  returnTo?: string;
  /** When a signed-in person links a provider identity to their account. */
  linkAccountId?: string;
  createdAt: Date;
  expiresAt: Date;
}

export interface SessionRecord {
  idHash: string;
  accountId: string;
  /** Key of the session's CSRF token (see Sessions.csrfToken). */
  csrfSecret: string;
  createdAt: Date;
  lastSeenAt: Date;
  /** Slides forward with use, never past createdAt + the absolute lifetime. */
  expiresAt: Date;
}

export interface BearerTokenRecord {
  tokenHash: string;
  accountId: string;
  createdAt: Date;
  expiresAt: Date;
}

export interface ApiTokenRecord {
  /** UUID v7; what lists, revocation and event metadata (`token:<id>`) use. */
  id: string;
  tokenHash: string;
  networkId: string;
  name: string;
  scopes: TokenScope[];
  createdAt: Date;
  /** Account id of the coordinator who created it. */
  createdBy: string;
  /** Updated at most once a minute. */
  lastUsedAt?: Date;
  expiresAt?: Date;
}

export interface InvitationRecord {
  id: string;
  tokenHash: string;
  networkId: string;
  memberId: string;
  /** Where the invitation was (or will be) sent, if the coordinator gave an address. */
  email?: string;
  createdBy: string;
  createdAt: Date;
  expiresAt: Date;
}

export interface SetupTokenRecord {
  tokenHash: string;
  createdAt: Date;
}

/** What watchApiTokenRevocations answers: whether revocations are being heard now (the store's close() stops the watch). */
export interface RevocationWatch {
  heard(): boolean;
}
