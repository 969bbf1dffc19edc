import type { Database } from 'better-sqlite3';

/**
 * Versioned schema migrations, tracked in SQLite's `user_version`. Append new steps; never edit
 * a step that has shipped.
 *
 * The schema is lean on purpose (the append path is the hot path): the global position is the
 * rowid, streams are numbered so the (stream, revision) index holds small integer keys, and event
 * ids are 16-byte blobs. Idempotent retries are found through the (stream, revision) index, so
 * there is no index on event ids to maintain on every insert.
 */
export interface SqliteMigration {
  version: number;
  description: string;
  sql: string;
}

const MIGRATIONS: ReadonlyArray<SqliteMigration> = [
  {
    version: 1,
    description: 'streams and events',
    sql: `
      CREATE TABLE streams (
        stream_no INTEGER PRIMARY KEY,
        stream_id TEXT NOT NULL UNIQUE,
        revision  INTEGER NOT NULL
      );
      CREATE TABLE events (
        position    INTEGER PRIMARY KEY,
        stream_no   INTEGER NOT NULL REFERENCES streams (stream_no),
        revision    INTEGER NOT NULL,
        event_id    BLOB NOT NULL,
        type        TEXT NOT NULL,
        data        TEXT NOT NULL,
        metadata    TEXT NOT NULL,
        recorded_at INTEGER NOT NULL
      );
      CREATE UNIQUE INDEX events_by_stream_revision ON events (stream_no, revision);
    `,
  },
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;

/** Brings the event store's schema up to date. */
export function migrate(db: Database): void {
  applySqliteMigrations(db, MIGRATIONS, 'event store');
}

/**
 * Applies the steps newer than the file's `user_version`, in one transaction; refuses a file written
 * by a newer Solmu. Shared by every SQLite file Solmu keeps (events, keys, identity).
 */
export function applySqliteMigrations(db: Database, migrations: ReadonlyArray<SqliteMigration>, what: string): void {
  const latest = migrations[migrations.length - 1].version;
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > latest) {
    throw new Error(`The ${what} schema is version ${current}, newer than this Solmu understands (${latest}).`);
  }
  const apply = db.transaction(() => {
    for (const step of migrations) {
      if (step.version <= current) continue;
      db.exec(step.sql);
      db.pragma(`user_version = ${step.version}`);
    }
  });
  apply.immediate();
}
