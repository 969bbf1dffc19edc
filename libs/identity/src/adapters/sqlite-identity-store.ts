import type Database from 'better-sqlite3';
import { openPrivateDatabase } from '@solmu/event-store';
import type { TokenScope } from '@solmu/kernel';
import type {
  AccountChanges,
  AccountRecord,
  ApiTokenRecord,
  BearerTokenRecord,
  IdentityStore,
  InvitationRecord,
  OidcLinkRecord,
  OidcLoginRecord,
  SessionRecord,
  SetupTokenRecord,
} from '../identity-store.port';
import { migrateIdentitySchema } from './sqlite-identity-migrations';

export interface SqliteIdentityStoreOptions {
  /** File path, or `:memory:`. Its own file, separate from the event store. */
  path: string;
}

interface AccountRow {
  id: string;
  email: string;
  display_name: string;
  admin: number;
  password_hash: string | null;
  created_at: number;
}
interface OidcLinkRow {
  issuer: string;
  subject: string;
  account_id: string;
  created_at: number;
}
interface OidcLoginRow {
  id_hash: string;
  state: string;
  nonce: string;
  code_verifier: string;
  return_to: string | null;
  link_account_id: string | null;
  created_at: number;
  expires_at: number;
}
interface SessionRow {
  id_hash: string;
  account_id: string;
  csrf_secret: string;
  created_at: number;
  last_seen_at: number;
  expires_at: number;
}
interface BearerTokenRow {
  token_hash: string;
  account_id: string;
  created_at: number;
  expires_at: number;
}
interface ApiTokenRow {
  id: string;
  token_hash: string;
  network_id: string;
  name: string;
  scopes: string;
  created_at: number;
  created_by: string;
  last_used_at: number | null;
  expires_at: number | null;
}
interface InvitationRow {
  id: string;
  token_hash: string;
  network_id: string;
  member_id: string;
  email: string | null;
  created_by: string;
  created_at: number;
  expires_at: number;
}

/**
 * Accounts and credentials in their own SQLite file (WAL, `synchronous=FULL`).
 *
 * Erasure is real: `secure_delete=ON` makes SQLite overwrite deleted rows with zeros, and after an
 * account is deleted the WAL is checkpointed and truncated, so the old page images that still
 * held the email do not linger in the `-wal` file either.
 */
export class SqliteIdentityStore implements IdentityStore {
  private readonly db: Database.Database;
  private readonly sql;
  private closed = false;

  constructor(options: SqliteIdentityStoreOptions) {
    // Password hashes live here: owner-only.
    this.db = openPrivateDatabase(options.path);
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('secure_delete = ON');
    migrateIdentitySchema(this.db);
    const db = this.db;
    this.sql = {
      insertAccount: db.prepare<[string, string, string, number, string | null, number]>(
        'INSERT INTO accounts (id, email, display_name, admin, password_hash, created_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (email) DO NOTHING',
      ),
      account: db.prepare<[string], AccountRow>('SELECT * FROM accounts WHERE id = ?'),
      accountByEmail: db.prepare<[string], AccountRow>('SELECT * FROM accounts WHERE email = ?'),
      accounts: db.prepare<[], AccountRow>('SELECT * FROM accounts ORDER BY created_at, id'),
      countAccounts: db.prepare<[], { accounts: number; admins: number | null }>('SELECT count(*) AS accounts, sum(admin) AS admins FROM accounts'),
      deleteAccount: db.prepare<[string]>('DELETE FROM accounts WHERE id = ?'),

      insertLink: db.prepare<[string, string, string, number]>(
        'INSERT INTO oidc_links (issuer, subject, account_id, created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
      ),
      link: db.prepare<[string, string], OidcLinkRow>('SELECT * FROM oidc_links WHERE issuer = ? AND subject = ?'),
      linksOf: db.prepare<[string], OidcLinkRow>('SELECT * FROM oidc_links WHERE account_id = ? ORDER BY created_at'),

      insertLogin: db.prepare<[string, string, string, string, string | null, string | null, number, number]>(
        'INSERT INTO oidc_logins (id_hash, state, nonce, code_verifier, return_to, link_account_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      takeLogin: db.prepare<[string], OidcLoginRow>('DELETE FROM oidc_logins WHERE id_hash = ? RETURNING *'),

      insertSession: db.prepare<[string, string, string, number, number, number]>(
        'INSERT INTO sessions (id_hash, account_id, csrf_secret, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      session: db.prepare<[string], SessionRow>('SELECT * FROM sessions WHERE id_hash = ?'),
      touchSession: db.prepare<[number, number, string]>('UPDATE sessions SET last_seen_at = ?, expires_at = ? WHERE id_hash = ?'),
      deleteSession: db.prepare<[string]>('DELETE FROM sessions WHERE id_hash = ?'),
      deleteSessionsOf: db.prepare<[string, string]>('DELETE FROM sessions WHERE account_id = ? AND id_hash <> ?'),

      insertBearer: db.prepare<[string, string, number, number]>(
        'INSERT INTO bearer_tokens (token_hash, account_id, created_at, expires_at) VALUES (?, ?, ?, ?)',
      ),
      bearer: db.prepare<[string], BearerTokenRow>('SELECT * FROM bearer_tokens WHERE token_hash = ?'),
      deleteBearer: db.prepare<[string]>('DELETE FROM bearer_tokens WHERE token_hash = ?'),
      deleteBearersOf: db.prepare<[string]>('DELETE FROM bearer_tokens WHERE account_id = ?'),

      insertApiToken: db.prepare<[string, string, string, string, string, number, string, number | null, number | null]>(
        'INSERT INTO api_tokens (id, token_hash, network_id, name, scopes, created_at, created_by, last_used_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      apiTokenByHash: db.prepare<[string], ApiTokenRow>('SELECT * FROM api_tokens WHERE token_hash = ?'),
      apiTokensOf: db.prepare<[string], ApiTokenRow>('SELECT * FROM api_tokens WHERE network_id = ? ORDER BY created_at, id'),
      touchApiToken: db.prepare<[number, string]>('UPDATE api_tokens SET last_used_at = ? WHERE id = ?'),
      deleteApiToken: db.prepare<[string, string]>('DELETE FROM api_tokens WHERE network_id = ? AND id = ?'),

      insertInvitation: db.prepare<[string, string, string, string, string | null, string, number, number]>(
        'INSERT INTO invitations (id, token_hash, network_id, member_id, email, created_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      invitation: db.prepare<[string], InvitationRow>('SELECT * FROM invitations WHERE token_hash = ?'),
      takeInvitation: db.prepare<[string], InvitationRow>('DELETE FROM invitations WHERE token_hash = ? RETURNING *'),
      invitationsOf: db.prepare<[string], InvitationRow>('SELECT * FROM invitations WHERE network_id = ? ORDER BY created_at, id'),
      deleteInvitation: db.prepare<[string, string]>('DELETE FROM invitations WHERE network_id = ? AND id = ?'),
      deleteInvitationsOfMember: db.prepare<[string, string]>('DELETE FROM invitations WHERE network_id = ? AND member_id = ?'),

      clearSetupToken: db.prepare('DELETE FROM setup_token'),
      insertSetupToken: db.prepare<[string, number]>('INSERT INTO setup_token (singleton, token_hash, created_at) VALUES (1, ?, ?)'),
      setupToken: db.prepare<[string], { token_hash: string; created_at: number }>('SELECT * FROM setup_token WHERE token_hash = ?'),
      takeSetupToken: db.prepare<[string], { token_hash: string; created_at: number }>('DELETE FROM setup_token WHERE token_hash = ? RETURNING *'),

      purgeSessions: db.prepare<[number]>('DELETE FROM sessions WHERE expires_at <= ?'),
      purgeBearers: db.prepare<[number]>('DELETE FROM bearer_tokens WHERE expires_at <= ?'),
      purgeInvitations: db.prepare<[number]>('DELETE FROM invitations WHERE expires_at <= ?'),
      purgeLogins: db.prepare<[number]>('DELETE FROM oidc_logins WHERE expires_at <= ?'),
    };
  }

  async createAccount(a: AccountRecord): Promise<'created' | 'email_taken'> {
    const { changes } = this.sql.insertAccount.run(a.id, a.email, a.displayName, a.admin ? 1 : 0, a.passwordHash ?? null, a.createdAt.getTime());
    return changes === 1 ? 'created' : 'email_taken';
  }

  async getAccount(id: string): Promise<AccountRecord | undefined> {
    return toAccount(this.sql.account.get(id));
  }

  async findAccountByEmail(email: string): Promise<AccountRecord | undefined> {
    return toAccount(this.sql.accountByEmail.get(email));
  }

  async listAccounts(): Promise<AccountRecord[]> {
    return this.sql.accounts.all().map((row) => toAccount(row)!);
  }

  async countAccounts(): Promise<{ accounts: number; admins: number }> {
    const row = this.sql.countAccounts.get()!;
    return { accounts: row.accounts, admins: row.admins ?? 0 };
  }

  async updateAccount(id: string, changes: AccountChanges): Promise<boolean> {
    const columns: Array<[string, string | number | null]> = [];
    if (changes.displayName !== undefined) columns.push(['display_name', changes.displayName]);
    if (changes.admin !== undefined) columns.push(['admin', changes.admin ? 1 : 0]);
    if (changes.passwordHash !== undefined) columns.push(['password_hash', changes.passwordHash]);
    if (columns.length === 0) return this.sql.account.get(id) !== undefined;
    const assignments = columns.map(([column]) => `${column} = ?`).join(', ');
    return this.db.prepare(`UPDATE accounts SET ${assignments} WHERE id = ?`).run(...columns.map(([, value]) => value), id).changes === 1;
  }

  async deleteAccount(id: string): Promise<boolean> {
    // Linked rows go by ON DELETE CASCADE; secure_delete zeroes every freed cell.
    const deleted = this.sql.deleteAccount.run(id).changes === 1;
    // Old page images holding the email live on in the WAL until it is checkpointed and reset.
    if (deleted) this.db.pragma('wal_checkpoint(TRUNCATE)');
    return deleted;
  }

  async createOidcLink(l: OidcLinkRecord): Promise<'created' | 'exists'> {
    return this.sql.insertLink.run(l.issuer, l.subject, l.accountId, l.createdAt.getTime()).changes === 1 ? 'created' : 'exists';
  }

  async findOidcLink(issuer: string, subject: string): Promise<OidcLinkRecord | undefined> {
    const row = this.sql.link.get(issuer, subject);
    return row && toLink(row);
  }

  async listOidcLinks(accountId: string): Promise<OidcLinkRecord[]> {
    return this.sql.linksOf.all(accountId).map(toLink);
  }

  async createOidcLogin(l: OidcLoginRecord): Promise<void> {
    this.sql.insertLogin.run(
      l.idHash,
      l.state,
      l.nonce,
      l.codeVerifier,
      l.returnTo ?? null,
      l.linkAccountId ?? null,
      l.createdAt.getTime(),
      l.expiresAt.getTime(),
    );
  }

  async consumeOidcLogin(idHash: string): Promise<OidcLoginRecord | undefined> {
    const row = this.sql.takeLogin.get(idHash);
    if (!row) return undefined;
    return {
      idHash: row.id_hash,
      state: row.state,
      nonce: row.nonce,
      codeVerifier: row.code_verifier,
      ...(row.return_to !== null && { returnTo: row.return_to }),
      ...(row.link_account_id !== null && { linkAccountId: row.link_account_id }),
      createdAt: new Date(row.created_at),
      expiresAt: new Date(row.expires_at),
    };
  }

  async createSession(s: SessionRecord): Promise<void> {
    this.sql.insertSession.run(s.idHash, s.accountId, s.csrfSecret, s.createdAt.getTime(), s.lastSeenAt.getTime(), s.expiresAt.getTime());
  }

  async getSession(idHash: string): Promise<SessionRecord | undefined> {
    const row = this.sql.session.get(idHash);
    return (
      row && {
        idHash: row.id_hash,
        accountId: row.account_id,
        csrfSecret: row.csrf_secret,
        createdAt: new Date(row.created_at),
        lastSeenAt: new Date(row.last_seen_at),
        expiresAt: new Date(row.expires_at),
      }
    );
  }

  async touchSession(idHash: string, lastSeenAt: Date, expiresAt: Date): Promise<void> {
    this.sql.touchSession.run(lastSeenAt.getTime(), expiresAt.getTime(), idHash);
  }

  async deleteSession(idHash: string): Promise<void> {
    this.sql.deleteSession.run(idHash);
  }

  async deleteSessionsOfAccount(accountId: string, exceptIdHash?: string): Promise<number> {
    return this.sql.deleteSessionsOf.run(accountId, exceptIdHash ?? '').changes;
  }

  async createBearerToken(t: BearerTokenRecord): Promise<void> {
    this.sql.insertBearer.run(t.tokenHash, t.accountId, t.createdAt.getTime(), t.expiresAt.getTime());
  }

  async getBearerToken(tokenHash: string): Promise<BearerTokenRecord | undefined> {
    const row = this.sql.bearer.get(tokenHash);
    return row && { tokenHash: row.token_hash, accountId: row.account_id, createdAt: new Date(row.created_at), expiresAt: new Date(row.expires_at) };
  }

  async deleteBearerToken(tokenHash: string): Promise<void> {
    this.sql.deleteBearer.run(tokenHash);
  }

  async deleteBearerTokensOfAccount(accountId: string): Promise<number> {
    return this.sql.deleteBearersOf.run(accountId).changes;
  }

  async createApiToken(t: ApiTokenRecord): Promise<void> {
    this.sql.insertApiToken.run(
      t.id,
      t.tokenHash,
      t.networkId,
      t.name,
      JSON.stringify(t.scopes),
      t.createdAt.getTime(),
      t.createdBy,
      t.lastUsedAt?.getTime() ?? null,
      t.expiresAt?.getTime() ?? null,
    );
  }

  async findApiTokenByHash(tokenHash: string): Promise<ApiTokenRecord | undefined> {
    const row = this.sql.apiTokenByHash.get(tokenHash);
    return row && toApiToken(row);
  }

  async listApiTokens(networkId: string): Promise<ApiTokenRecord[]> {
    return this.sql.apiTokensOf.all(networkId).map(toApiToken);
  }

  async touchApiToken(id: string, lastUsedAt: Date): Promise<void> {
    this.sql.touchApiToken.run(lastUsedAt.getTime(), id);
  }

  async deleteApiToken(networkId: string, id: string): Promise<boolean> {
    return this.sql.deleteApiToken.run(networkId, id).changes === 1;
  }

  async createInvitation(i: InvitationRecord): Promise<void> {
    this.sql.insertInvitation.run(i.id, i.tokenHash, i.networkId, i.memberId, i.email ?? null, i.createdBy, i.createdAt.getTime(), i.expiresAt.getTime());
  }

  async findInvitation(tokenHash: string): Promise<InvitationRecord | undefined> {
    const row = this.sql.invitation.get(tokenHash);
    return row && toInvitation(row);
  }

  async consumeInvitation(tokenHash: string): Promise<InvitationRecord | undefined> {
    const row = this.sql.takeInvitation.get(tokenHash);
    return row && toInvitation(row);
  }

  async listInvitations(networkId: string): Promise<InvitationRecord[]> {
    return this.sql.invitationsOf.all(networkId).map(toInvitation);
  }

  async deleteInvitation(networkId: string, id: string): Promise<boolean> {
    return this.sql.deleteInvitation.run(networkId, id).changes === 1;
  }

  async deleteInvitationsOfMember(networkId: string, memberId: string): Promise<number> {
    return this.sql.deleteInvitationsOfMember.run(networkId, memberId).changes;
  }

  async replaceSetupToken(token: SetupTokenRecord | undefined): Promise<void> {
    this.db.transaction(() => {
      this.sql.clearSetupToken.run();
      if (token) this.sql.insertSetupToken.run(token.tokenHash, token.createdAt.getTime());
    })();
  }

  async findSetupToken(tokenHash: string): Promise<SetupTokenRecord | undefined> {
    const row = this.sql.setupToken.get(tokenHash);
    return row && { tokenHash: row.token_hash, createdAt: new Date(row.created_at) };
  }

  async consumeSetupToken(tokenHash: string): Promise<SetupTokenRecord | undefined> {
    const row = this.sql.takeSetupToken.get(tokenHash);
    return row && { tokenHash: row.token_hash, createdAt: new Date(row.created_at) };
  }

  async purgeExpired(now: Date): Promise<number> {
    const t = now.getTime();
    return this.db.transaction(
      () =>
        this.sql.purgeSessions.run(t).changes +
        this.sql.purgeBearers.run(t).changes +
        this.sql.purgeInvitations.run(t).changes +
        this.sql.purgeLogins.run(t).changes,
    )();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.db.close();
  }
}

function toAccount(row: AccountRow | undefined): AccountRecord | undefined {
  if (!row) return undefined;
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    admin: row.admin === 1,
    ...(row.password_hash !== null && { passwordHash: row.password_hash }),
    createdAt: new Date(row.created_at),
  };
}

function toLink(row: OidcLinkRow): OidcLinkRecord {
  return { issuer: row.issuer, subject: row.subject, accountId: row.account_id, createdAt: new Date(row.created_at) };
}

function toApiToken(row: ApiTokenRow): ApiTokenRecord {
  return {
    id: row.id,
    tokenHash: row.token_hash,
    networkId: row.network_id,
    name: row.name,
    scopes: JSON.parse(row.scopes) as TokenScope[],
    createdAt: new Date(row.created_at),
    createdBy: row.created_by,
    ...(row.last_used_at !== null && { lastUsedAt: new Date(row.last_used_at) }),
    ...(row.expires_at !== null && { expiresAt: new Date(row.expires_at) }),
  };
}

function toInvitation(row: InvitationRow): InvitationRecord {
  return {
    id: row.id,
    tokenHash: row.token_hash,
    networkId: row.network_id,
    memberId: row.member_id,
    ...(row.email !== null && { email: row.email }),
    createdBy: row.created_by,
    createdAt: new Date(row.created_at),
    expiresAt: new Date(row.expires_at),
  };
}
