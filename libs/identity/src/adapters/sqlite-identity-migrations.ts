import { applySqliteMigrations, SqliteMigration } from '@solmu/event-store';
import type { Database } from 'better-sqlite3';

/**
 * Versioned schema of the identity database, tracked in SQLite's `user_version` (as the event
 * store does). Append new steps; never edit a step that has shipped.
 *
 * Times are epoch milliseconds. Credentials are stored as hex SHA-256 hashes. Rows that belong to
 * an account go with it (`ON DELETE CASCADE`, with `foreign_keys=ON` per connection).
 */
const MIGRATIONS: ReadonlyArray<SqliteMigration> = [
  {
    version: 1,
    description: 'accounts, OIDC links, sessions, bearer and API tokens, invitations, set-up token',
    sql: `
      CREATE TABLE accounts (
        id            TEXT PRIMARY KEY,
        email         TEXT NOT NULL UNIQUE,
        display_name  TEXT NOT NULL,
        admin         INTEGER NOT NULL DEFAULT 0,
        password_hash TEXT,
        created_at    INTEGER NOT NULL
      );
      CREATE TABLE oidc_links (
        issuer     TEXT NOT NULL,
        subject    TEXT NOT NULL,
        account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        created_at INTEGER NOT NULL,
        PRIMARY KEY (issuer, subject)
      );
      CREATE INDEX oidc_links_by_account ON oidc_links (account_id);
      CREATE TABLE oidc_logins (
        id_hash         TEXT PRIMARY KEY,
        state           TEXT NOT NULL,
        nonce           TEXT NOT NULL,
        code_verifier   TEXT NOT NULL,
        return_to       TEXT,
        link_account_id TEXT REFERENCES accounts (id) ON DELETE CASCADE,
        created_at      INTEGER NOT NULL,
        expires_at      INTEGER NOT NULL
      );
      CREATE TABLE sessions (
        id_hash      TEXT PRIMARY KEY,
        account_id   TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        csrf_secret  TEXT NOT NULL,
        created_at   INTEGER NOT NULL,
        last_seen_at INTEGER NOT NULL,
        expires_at   INTEGER NOT NULL
      );
      CREATE INDEX sessions_by_account ON sessions (account_id);
      CREATE INDEX sessions_by_expiry ON sessions (expires_at);
      CREATE TABLE bearer_tokens (
        token_hash TEXT PRIMARY KEY,
        account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL
      );
      CREATE INDEX bearer_tokens_by_account ON bearer_tokens (account_id);
      CREATE INDEX bearer_tokens_by_expiry ON bearer_tokens (expires_at);
      CREATE TABLE api_tokens (
        id           TEXT PRIMARY KEY,
        token_hash   TEXT NOT NULL UNIQUE,
        network_id   TEXT NOT NULL,
        name         TEXT NOT NULL,
        scopes       TEXT NOT NULL,
        created_at   INTEGER NOT NULL,
        created_by   TEXT NOT NULL,
        last_used_at INTEGER,
        expires_at   INTEGER
      );
      CREATE INDEX api_tokens_by_network ON api_tokens (network_id);
      CREATE TABLE invitations (
        id         TEXT PRIMARY KEY,
        token_hash TEXT NOT NULL UNIQUE,
        network_id TEXT NOT NULL,
        member_id  TEXT NOT NULL,
        email      TEXT,
        created_by TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL
      );
      CREATE INDEX invitations_by_member ON invitations (network_id, member_id);
      CREATE TABLE setup_token (
        singleton  INTEGER PRIMARY KEY CHECK (singleton = 1),
        token_hash TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );
    `,
  },
];

export const LATEST_IDENTITY_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;

/** Brings the identity store's schema up to date. */
export function migrateIdentitySchema(db: Database): void {
  applySqliteMigrations(db, MIGRATIONS, 'identity database');
}
