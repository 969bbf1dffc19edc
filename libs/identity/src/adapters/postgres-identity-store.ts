import { listenToPostgres, openMigratedPool, PostgresListener } from '@solmu/event-store';
import { Pool } from 'pg';
import type { TokenScope } from '@solmu/kernel';
import type {
  AccountChanges,
  AccountRecord,
  ApiTokenRecord,
  BearerTokenRecord,
  IdentityStore,
  InvitationRecord,
  RevocationWatch,
  OidcLinkRecord,
  OidcLoginRecord,
  SessionRecord,
  SetupTokenRecord,
} from '../identity-store.port';
import { POSTGRES_IDENTITY_MIGRATIONS } from './postgres-identity-migrations';

/** Where revoked API tokens' ids are announced to every process sharing the database. */
const REVOKED_CHANNEL = 'solmu_api_token_revoked';

export interface PostgresIdentityStoreOptions {
  /** `postgres://…`; usually the same database as the events (its own tables). */
  connectionString: string;
  /** Connections. Default 5. */
  poolSize?: number;
}

interface AccountRow {
  id: string;
  email: string;
  display_name: string;
  admin: boolean;
  password_hash: string | null;
  created_at: Date;
}
interface OidcLinkRow {
  issuer: string;
  subject: string;
  account_id: string;
  created_at: Date;
}
interface OidcLoginRow {
  id_hash: string;
  state: string;
  nonce: string;
  code_verifier: string;
  return_to: string | null;
  link_account_id: string | null;
  created_at: Date;
  expires_at: Date;
}
interface SessionRow {
  id_hash: string;
  account_id: string;
  csrf_secret: string;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
}
interface BearerTokenRow {
  token_hash: string;
  account_id: string;
  created_at: Date;
  expires_at: Date;
}
interface ApiTokenRow {
  id: string;
  token_hash: string;
  network_id: string;
  name: string;
  scopes: string[];
  created_at: Date;
  created_by: string;
  last_used_at: Date | null;
  expires_at: Date | null;
}
interface InvitationRow {
  id: string;
  token_hash: string;
  network_id: string;
  member_id: string;
  email: string | null;
  created_by: string;
  created_at: Date;
  expires_at: Date;
}

/**
 * Accounts and credentials in PostgreSQL, shared by every Solmu instance on the database, so a
 * session or token issued by one is honoured by all. Single-use records are taken with
 * `DELETE … RETURNING`, which only one of two concurrent callers can win. Writes are acknowledged
 * after commit with `synchronous_commit=on`.
 *
 * Erasure: deleting an account removes its rows (and, by cascade, everything linked) from every
 * query at once and VACUUMs the tables so the space is reused. Unlike the SQLite file, PostgreSQL
 * does not zero freed bytes: they may persist in free space, WAL segments and backups until
 * overwritten or rotated. The README says so.
 */
export class PostgresIdentityStore implements IdentityStore {
  private closed = false;
  private readonly listeners: PostgresListener[] = [];

  private constructor(
    private readonly pool: Pool,
    private readonly connectionString: string,
  ) {}

  static async open(options: PostgresIdentityStoreOptions): Promise<PostgresIdentityStore> {
    const pool = await openMigratedPool({ connectionString: options.connectionString, max: options.poolSize ?? 5, application_name: 'solmu-identity' }, 'identity', POSTGRES_IDENTITY_MIGRATIONS);
    return new PostgresIdentityStore(pool, options.connectionString);
  }

  private async rows<Row>(sql: string, values: unknown[] = []): Promise<Row[]> {
    return (await this.pool.query(sql, values)).rows as Row[];
  }

  private async count(sql: string, values: unknown[] = []): Promise<number> {
    return (await this.pool.query(sql, values)).rowCount ?? 0;
  }

  async createAccount(a: AccountRecord): Promise<'created' | 'email_taken'> {
    const inserted = await this.count(
      'INSERT INTO accounts (id, email, display_name, admin, password_hash, created_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (email) DO NOTHING',
      [a.id, a.email, a.displayName, a.admin, a.passwordHash ?? null, a.createdAt],
    );
    return inserted === 1 ? 'created' : 'email_taken';
  }

  async getAccount(id: string): Promise<AccountRecord | undefined> {
    return toAccount((await this.rows<AccountRow>('SELECT * FROM accounts WHERE id = $1', [id]))[0]);
  }

  async findAccountByEmail(email: string): Promise<AccountRecord | undefined> {
    return toAccount((await this.rows<AccountRow>('SELECT * FROM accounts WHERE email = $1', [email]))[0]);
  }

  async listAccounts(): Promise<AccountRecord[]> {
    return (await this.rows<AccountRow>('SELECT * FROM accounts ORDER BY created_at, id')).map((row) => toAccount(row)!);
  }

  async countAccounts(): Promise<{ accounts: number; admins: number }> {
    const [row] = await this.rows<{ accounts: number; admins: number }>(
      'SELECT count(*)::int AS accounts, count(*) FILTER (WHERE admin)::int AS admins FROM accounts',
    );
    return { accounts: row.accounts, admins: row.admins };
  }

  async updateAccount(id: string, changes: AccountChanges): Promise<boolean> {
    const columns: Array<[string, unknown]> = [];
    if (changes.displayName !== undefined) columns.push(['display_name', changes.displayName]);
    if (changes.admin !== undefined) columns.push(['admin', changes.admin]);
    if (changes.passwordHash !== undefined) columns.push(['password_hash', changes.passwordHash]);
    if (columns.length === 0) return (await this.getAccount(id)) !== undefined;
    const assignments = columns.map(([column], i) => `${column} = $${i + 2}`).join(', ');
    return (await this.count(`UPDATE accounts SET ${assignments} WHERE id = $1`, [id, ...columns.map(([, value]) => value)])) === 1;
  }

  async deleteAccount(id: string): Promise<boolean> {
    // Linked rows go by ON DELETE CASCADE.
    const deleted = (await this.count('DELETE FROM accounts WHERE id = $1', [id])) === 1;
    // Dead row versions (with the email) stay in the table until vacuumed; do it now, not some day.
    if (deleted) await this.pool.query('VACUUM accounts, oidc_links, oidc_logins, sessions, bearer_tokens');
    return deleted;
  }

  async createOidcLink(l: OidcLinkRecord): Promise<'created' | 'exists'> {
    const inserted = await this.count(
      'INSERT INTO oidc_links (issuer, subject, account_id, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING',
      [l.issuer, l.subject, l.accountId, l.createdAt],
    );
    return inserted === 1 ? 'created' : 'exists';
  }

  async findOidcLink(issuer: string, subject: string): Promise<OidcLinkRecord | undefined> {
    const [row] = await this.rows<OidcLinkRow>('SELECT * FROM oidc_links WHERE issuer = $1 AND subject = $2', [issuer, subject]);
    return row && toLink(row);
  }

  async listOidcLinks(accountId: string): Promise<OidcLinkRecord[]> {
    return (await this.rows<OidcLinkRow>('SELECT * FROM oidc_links WHERE account_id = $1 ORDER BY created_at', [accountId])).map(toLink);
  }

  async createOidcLogin(l: OidcLoginRecord): Promise<void> {
    await this.pool.query(
      `INSERT INTO oidc_logins (id_hash, state, nonce, code_verifier, return_to, link_account_id, created_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [l.idHash, l.state, l.nonce, l.codeVerifier, l.returnTo ?? null, l.linkAccountId ?? null, l.createdAt, l.expiresAt],
    );
  }

  async consumeOidcLogin(idHash: string): Promise<OidcLoginRecord | undefined> {
    const [row] = await this.rows<OidcLoginRow>('DELETE FROM oidc_logins WHERE id_hash = $1 RETURNING *', [idHash]);
    if (!row) return undefined;
    return {
      idHash: row.id_hash,
      state: row.state,
      nonce: row.nonce,
      codeVerifier: row.code_verifier,
      ...(row.return_to !== null && { returnTo: row.return_to }),
      ...(row.link_account_id !== null && { linkAccountId: row.link_account_id }),
      createdAt: row.created_at,
      expiresAt: row.expires_at,
    };
  }

  async createSession(s: SessionRecord): Promise<void> {
    await this.pool.query(
      'INSERT INTO sessions (id_hash, account_id, csrf_secret, created_at, last_seen_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)',
      [s.idHash, s.accountId, s.csrfSecret, s.createdAt, s.lastSeenAt, s.expiresAt],
    );
  }

  async getSession(idHash: string): Promise<SessionRecord | undefined> {
    const [row] = await this.rows<SessionRow>('SELECT * FROM sessions WHERE id_hash = $1', [idHash]);
    return (
      row && {
        idHash: row.id_hash,
        accountId: row.account_id,
        csrfSecret: row.csrf_secret,
        createdAt: row.created_at,
        lastSeenAt: row.last_seen_at,
        expiresAt: row.expires_at,
      }
    );
  }

  async touchSession(idHash: string, lastSeenAt: Date, expiresAt: Date): Promise<void> {
    await this.pool.query('UPDATE sessions SET last_seen_at = $2, expires_at = $3 WHERE id_hash = $1', [idHash, lastSeenAt, expiresAt]);
  }

  async deleteSession(idHash: string): Promise<void> {
    await this.pool.query('DELETE FROM sessions WHERE id_hash = $1', [idHash]);
  }

  async deleteSessionsOfAccount(accountId: string, exceptIdHash?: string): Promise<number> {
    return this.count('DELETE FROM sessions WHERE account_id = $1 AND id_hash <> $2', [accountId, exceptIdHash ?? '']);
  }

  async createBearerToken(t: BearerTokenRecord): Promise<void> {
    await this.pool.query('INSERT INTO bearer_tokens (token_hash, account_id, created_at, expires_at) VALUES ($1, $2, $3, $4)', [
      t.tokenHash,
      t.accountId,
      t.createdAt,
      t.expiresAt,
    ]);
  }

  async getBearerToken(tokenHash: string): Promise<BearerTokenRecord | undefined> {
    const [row] = await this.rows<BearerTokenRow>('SELECT * FROM bearer_tokens WHERE token_hash = $1', [tokenHash]);
    return row && { tokenHash: row.token_hash, accountId: row.account_id, createdAt: row.created_at, expiresAt: row.expires_at };
  }

  async deleteBearerToken(tokenHash: string): Promise<void> {
    await this.pool.query('DELETE FROM bearer_tokens WHERE token_hash = $1', [tokenHash]);
  }

  async deleteBearerTokensOfAccount(accountId: string): Promise<number> {
    return this.count('DELETE FROM bearer_tokens WHERE account_id = $1', [accountId]);
  }

  async createApiToken(t: ApiTokenRecord): Promise<void> {
    await this.pool.query(
      `INSERT INTO api_tokens (id, token_hash, network_id, name, scopes, created_at, created_by, last_used_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [t.id, t.tokenHash, t.networkId, t.name, t.scopes, t.createdAt, t.createdBy, t.lastUsedAt ?? null, t.expiresAt ?? null],
    );
  }

  async findApiTokenByHash(tokenHash: string): Promise<ApiTokenRecord | undefined> {
    const [row] = await this.rows<ApiTokenRow>('SELECT * FROM api_tokens WHERE token_hash = $1', [tokenHash]);
    return row && toApiToken(row);
  }

  async listApiTokens(networkId: string): Promise<ApiTokenRecord[]> {
    return (await this.rows<ApiTokenRow>('SELECT * FROM api_tokens WHERE network_id = $1 ORDER BY created_at, id', [networkId])).map(toApiToken);
  }

  async touchApiToken(id: string, lastUsedAt: Date): Promise<void> {
    await this.pool.query('UPDATE api_tokens SET last_used_at = $2 WHERE id = $1', [id, lastUsedAt]);
  }

  /** Tells every process sharing the database, with the delete (a notification is sent on commit). */
  async deleteApiToken(networkId: string, id: string): Promise<boolean> {
    const deleted = await this.rows<{ id: string }>(
      `WITH gone AS (DELETE FROM api_tokens WHERE network_id = $1 AND id = $2 RETURNING id)
       SELECT id, pg_notify('${REVOKED_CHANNEL}', id) FROM gone`,
      [networkId, id],
    );
    return deleted.length === 1;
  }

  watchApiTokenRevocations(forget: (tokenId?: string) => void): RevocationWatch {
    const listener = listenToPostgres({
      connectionString: this.connectionString,
      channel: REVOKED_CHANNEL,
      applicationName: 'solmu-identity-listen',
      onNotification: (tokenId) => forget(tokenId),
      // Revocations made while nobody listened are unknown: forget everything verified before.
      onListening: () => forget(),
      onLost: () => forget(),
    });
    this.listeners.push(listener);
    return { heard: () => listener.listening };
  }

  async createInvitation(i: InvitationRecord): Promise<void> {
    await this.pool.query(
      `INSERT INTO invitations (id, token_hash, network_id, member_id, email, created_by, created_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [i.id, i.tokenHash, i.networkId, i.memberId, i.email ?? null, i.createdBy, i.createdAt, i.expiresAt],
    );
  }

  async findInvitation(tokenHash: string): Promise<InvitationRecord | undefined> {
    const [row] = await this.rows<InvitationRow>('SELECT * FROM invitations WHERE token_hash = $1', [tokenHash]);
    return row && toInvitation(row);
  }

  async consumeInvitation(tokenHash: string): Promise<InvitationRecord | undefined> {
    const [row] = await this.rows<InvitationRow>('DELETE FROM invitations WHERE token_hash = $1 RETURNING *', [tokenHash]);
    return row && toInvitation(row);
  }

  async listInvitations(networkId: string): Promise<InvitationRecord[]> {
    return (await this.rows<InvitationRow>('SELECT * FROM invitations WHERE network_id = $1 ORDER BY created_at, id', [networkId])).map(toInvitation);
  }

  async deleteInvitation(networkId: string, id: string): Promise<boolean> {
    return (await this.count('DELETE FROM invitations WHERE network_id = $1 AND id = $2', [networkId, id])) === 1;
  }

  async deleteInvitationsOfMember(networkId: string, memberId: string): Promise<number> {
    return this.count('DELETE FROM invitations WHERE network_id = $1 AND member_id = $2', [networkId, memberId]);
  }

  async replaceSetupToken(token: SetupTokenRecord | undefined): Promise<void> {
    // One statement, so it is atomic without a transaction: the old token goes, the new one comes.
    if (token) {
      await this.pool.query(
        `INSERT INTO setup_token (singleton, token_hash, created_at) VALUES (1, $1, $2)
         ON CONFLICT (singleton) DO UPDATE SET token_hash = excluded.token_hash, created_at = excluded.created_at`,
        [token.tokenHash, token.createdAt],
      );
    } else {
      await this.pool.query('DELETE FROM setup_token');
    }
  }

  async findSetupToken(tokenHash: string): Promise<SetupTokenRecord | undefined> {
    const [row] = await this.rows<{ token_hash: string; created_at: Date }>('SELECT * FROM setup_token WHERE token_hash = $1', [tokenHash]);
    return row && { tokenHash: row.token_hash, createdAt: row.created_at };
  }

  async consumeSetupToken(tokenHash: string): Promise<SetupTokenRecord | undefined> {
    const [row] = await this.rows<{ token_hash: string; created_at: Date }>('DELETE FROM setup_token WHERE token_hash = $1 RETURNING *', [tokenHash]);
    return row && { tokenHash: row.token_hash, createdAt: row.created_at };
  }

  async purgeExpired(now: Date): Promise<number> {
    // One statement: the four deletions commit together.
    const [row] = await this.rows<{ purged: number }>(
      `WITH s AS (DELETE FROM sessions WHERE expires_at <= $1 RETURNING 1),
            b AS (DELETE FROM bearer_tokens WHERE expires_at <= $1 RETURNING 1),
            i AS (DELETE FROM invitations WHERE expires_at <= $1 RETURNING 1),
            l AS (DELETE FROM oidc_logins WHERE expires_at <= $1 RETURNING 1)
       SELECT ((SELECT count(*) FROM s) + (SELECT count(*) FROM b) + (SELECT count(*) FROM i) + (SELECT count(*) FROM l))::int AS purged`,
      [now],
    );
    return row.purged;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all(this.listeners.map((listener) => listener.stop()));
    await this.pool.end();
  }
}

function toAccount(row: AccountRow | undefined): AccountRecord | undefined {
  if (!row) return undefined;
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    admin: row.admin,
    ...(row.password_hash !== null && { passwordHash: row.password_hash }),
    createdAt: row.created_at,
  };
}

function toLink(row: OidcLinkRow): OidcLinkRecord {
  return { issuer: row.issuer, subject: row.subject, accountId: row.account_id, createdAt: row.created_at };
}

function toApiToken(row: ApiTokenRow): ApiTokenRecord {
  return {
    id: row.id,
    tokenHash: row.token_hash,
    networkId: row.network_id,
    name: row.name,
    scopes: row.scopes as TokenScope[],
    createdAt: row.created_at,
    createdBy: row.created_by,
    ...(row.last_used_at !== null && { lastUsedAt: row.last_used_at }),
    ...(row.expires_at !== null && { expiresAt: row.expires_at }),
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
    createdAt: row.created_at,
    expiresAt: row.expires_at,
  };
}
