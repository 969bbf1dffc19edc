import { openMigratedPool, PostgresMigration } from '@solmu/event-store';
import { randomBytes } from 'node:crypto';
import { Pool, PoolClient } from 'pg';
import { assertSubjectId, DATA_KEY_BYTES, ERASED, KeyStore, SubjectKey } from '../key-store.port';

export interface PostgresKeyStoreOptions {
  /** `postgres://…`. Ideally not the events' database, so keys do not travel in the same backups. */
  connectionString: string;
  /** Connections. Default 5. */
  poolSize?: number;
  /** A seam for tests: runs inside each key-creating transaction just before COMMIT. */
  beforeCommit?: () => Promise<void>;
}

/**
 * Versioned schema (shared runner, tracked as store 'keys'). Append new steps; never edit one that
 * has shipped. Kept in this file because it is the one file of the library allowed to use `pg`.
 */
const MIGRATIONS: ReadonlyArray<PostgresMigration> = [
  {
    version: 1,
    description: 'subject keys and erased subjects',
    sql: `
      CREATE TABLE subject_keys (
        subject_id text PRIMARY KEY,
        key        bytea NOT NULL CHECK (length(key) = ${DATA_KEY_BYTES}),
        created_at timestamptz NOT NULL
      );
      CREATE TABLE erased_subjects (
        subject_id text PRIMARY KEY,
        erased_at  timestamptz NOT NULL
      );
    `,
  },
];

export const LATEST_POSTGRES_KEY_STORE_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;

/**
 * Key ('Solm', 3) of the advisory lock between creating keys (shared: creations run side by side)
 * and erasing subjects (exclusive). Without it, an erasure could commit while another instance's
 * creation of the same subject's key is still in flight, and that key would land after the erasure.
 */
const KEY_LOCK = [0x536f6c6d, 3] as const;

interface KeyRow {
  subject_id: string;
  key: Buffer | null;
  erased: boolean;
}

/**
 * Per-subject data keys in PostgreSQL, shared by every Solmu instance on the database. A key is
 * committed with `synchronous_commit=on` before anyone may encrypt with it. An erased subject stays
 * erased: its erasure is recorded and wins over any key.
 *
 * Destroying a key deletes its row and VACUUMs the table at once, so it is gone from every query
 * and its space is reused. PostgreSQL does not zero freed bytes, though: until overwritten, a
 * destroyed key may survive in free space, in WAL segments and in backups. Where that matters, keep
 * the keys in the SQLite key file (SOLMU_KEYS_DB), which is zeroed on erasure.
 */
export class PostgresKeyStore implements KeyStore {
  private closed = false;

  private constructor(
    private readonly pool: Pool,
    private readonly options: PostgresKeyStoreOptions,
  ) {}

  static async open(options: PostgresKeyStoreOptions): Promise<PostgresKeyStore> {
    const pool = await openMigratedPool({ connectionString: options.connectionString, max: options.poolSize ?? 5, application_name: 'solmu-keys' }, 'keys', MIGRATIONS);
    return new PostgresKeyStore(pool, options);
  }

  async getOrCreateKeys(subjectIds: readonly string[]): Promise<Map<string, SubjectKey>> {
    this.assertOpen();
    subjectIds.forEach(assertSubjectId);
    const known = await this.lookup(subjectIds);
    const missing = [...new Set(subjectIds)].filter((subject) => !known.has(subject));
    if (missing.length === 0) return known;
    await this.inTransaction(async (client) => {
      await client.query('SELECT pg_advisory_xact_lock_shared($1, $2)', [...KEY_LOCK]);
      // Another instance may create the same subject's key meanwhile: the first one stays.
      await client.query(
        `INSERT INTO subject_keys (subject_id, key, created_at)
         SELECT t.subject_id, t.key, now() FROM unnest($1::text[], $2::bytea[]) AS t (subject_id, key)
          WHERE NOT EXISTS (SELECT 1 FROM erased_subjects e WHERE e.subject_id = t.subject_id)
         ON CONFLICT (subject_id) DO NOTHING`,
        [missing, missing.map(() => randomBytes(DATA_KEY_BYTES))],
      );
      await this.options.beforeCommit?.();
    });
    return this.lookup(subjectIds);
  }

  async getKeys(subjectIds: readonly string[]): Promise<Map<string, SubjectKey>> {
    this.assertOpen();
    return this.lookup(subjectIds);
  }

  async destroyKeys(subjectIds: readonly string[]): Promise<void> {
    this.assertOpen();
    subjectIds.forEach(assertSubjectId);
    if (subjectIds.length === 0) return;
    const subjects = [...new Set(subjectIds)];
    await this.inTransaction(async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1, $2)', [...KEY_LOCK]);
      await client.query(
        'INSERT INTO erased_subjects (subject_id, erased_at) SELECT s, now() FROM unnest($1::text[]) AS s ON CONFLICT (subject_id) DO NOTHING',
        [subjects],
      );
      await client.query('DELETE FROM subject_keys WHERE subject_id = ANY($1::text[])', [subjects]);
    });
    // The deleted row versions hold the keys until vacuumed: now, not whenever autovacuum comes by.
    await this.pool.query('VACUUM subject_keys');
  }

  async erasedAt(subjectIds: readonly string[]): Promise<Map<string, Date>> {
    this.assertOpen();
    const { rows } = await this.pool.query<{ subject_id: string; erased_at: Date }>(
      'SELECT subject_id, erased_at FROM erased_subjects WHERE subject_id = ANY($1::text[])',
      [[...subjectIds]],
    );
    return new Map(rows.map((row) => [row.subject_id, row.erased_at]));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }

  /**
   * Runs `work` in a transaction on one connection. A connection that dies between statements
   * reports it as an 'error' event, which would crash the process unheard; the next statement
   * fails with it instead, and the connection is not reused.
   */
  private async inTransaction(work: (client: PoolClient) => Promise<void>): Promise<void> {
    const client = await this.pool.connect();
    let broken: unknown;
    const onError = (error: Error) => (broken = error);
    client.on('error', onError);
    try {
      await client.query('BEGIN');
      await work(client);
      await client.query('COMMIT');
    } catch (error) {
      broken = error;
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.off('error', onError);
      client.release(broken === undefined ? undefined : true);
    }
  }

  /** Keys and erasures of these subjects; an erasure wins over a key. */
  private async lookup(subjectIds: readonly string[]): Promise<Map<string, SubjectKey>> {
    const { rows } = await this.pool.query<KeyRow>(
      `SELECT s.subject_id, k.key, e.subject_id IS NOT NULL AS erased
         FROM unnest($1::text[]) AS s (subject_id)
         LEFT JOIN subject_keys k ON k.subject_id = s.subject_id
         LEFT JOIN erased_subjects e ON e.subject_id = s.subject_id`,
      [[...subjectIds]],
    );
    const found = new Map<string, SubjectKey>();
    for (const row of rows) {
      if (row.erased) found.set(row.subject_id, ERASED);
      else if (row.key) found.set(row.subject_id, row.key);
    }
    return found;
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('The key store is closed');
  }
}
