import type { PostgresMigration } from '@solmu/event-store';

/**
 * Versioned schema of the identity store on PostgreSQL, applied by the shared runner
 * (`applyPostgresMigrations`, tracked as store 'identity'). Append new steps; never edit a step that
 * has shipped. The same tables as the SQLite file, with PostgreSQL's own types: times are
 * `timestamptz`, the admin flag a boolean, scopes a text array.
 */
export const POSTGRES_IDENTITY_MIGRATIONS: ReadonlyArray<PostgresMigration> = [
  {
    version: 1,
    description: 'accounts, OIDC links, sessions, bearer and API tokens, invitations, set-up token',
    sql: `
      CREATE TABLE accounts (
        id            text PRIMARY KEY,
        email         text NOT NULL UNIQUE,
        display_name  text NOT NULL,
        admin         boolean NOT NULL DEFAULT false,
        password_hash text,
        created_at    timestamptz NOT NULL
      );
      CREATE TABLE oidc_links (
        issuer     text NOT NULL,
        subject    text NOT NULL,
        account_id text NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL,
        PRIMARY KEY (issuer, subject)
      );
      CREATE INDEX oidc_links_by_account ON oidc_links (account_id);
      CREATE TABLE oidc_logins (
        id_hash         text PRIMARY KEY,
        state           text NOT NULL,
        nonce           text NOT NULL,
        code_verifier   text NOT NULL,
        return_to       text,
        link_account_id text REFERENCES accounts (id) ON DELETE CASCADE,
        created_at      timestamptz NOT NULL,
        expires_at      timestamptz NOT NULL
      );
      CREATE TABLE sessions (
        id_hash      text PRIMARY KEY,
        account_id   text NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        csrf_secret  text NOT NULL,
        created_at   timestamptz NOT NULL,
        last_seen_at timestamptz NOT NULL,
        expires_at   timestamptz NOT NULL
      );
      CREATE INDEX sessions_by_account ON sessions (account_id);
      CREATE INDEX sessions_by_expiry ON sessions (expires_at);
      CREATE TABLE bearer_tokens (
        token_hash text PRIMARY KEY,
        account_id text NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL
      );
      CREATE INDEX bearer_tokens_by_account ON bearer_tokens (account_id);
      CREATE INDEX bearer_tokens_by_expiry ON bearer_tokens (expires_at);
      CREATE TABLE api_tokens (
        id           text PRIMARY KEY,
        token_hash   text NOT NULL UNIQUE,
        network_id   text NOT NULL,
        name         text NOT NULL,
        scopes       text[] NOT NULL,
        created_at   timestamptz NOT NULL,
        created_by   text NOT NULL,
        last_used_at timestamptz,
        expires_at   timestamptz
      );
      CREATE INDEX api_tokens_by_network ON api_tokens (network_id);
      CREATE TABLE invitations (
        id         text PRIMARY KEY,
        token_hash text NOT NULL UNIQUE,
        network_id text NOT NULL,
        member_id  text NOT NULL,
        email      text,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL
      );
      CREATE INDEX invitations_by_member ON invitations (network_id, member_id);
      CREATE TABLE setup_token (
        singleton  integer PRIMARY KEY CHECK (singleton = 1),
        token_hash text NOT NULL,
        created_at timestamptz NOT NULL
      );
    `,
  },
];

export const LATEST_POSTGRES_IDENTITY_SCHEMA_VERSION = POSTGRES_IDENTITY_MIGRATIONS[POSTGRES_IDENTITY_MIGRATIONS.length - 1].version;
