import { applySqliteMigrations, openPrivateDatabase, SqliteMigration } from '@solmu/event-store';
import type Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { assertSubjectId, DATA_KEY_BYTES, ERASED, KeyStore, SubjectKey } from '../key-store.port';

export interface SqliteKeyStoreOptions {
  /**
   * The key file, or `:memory:`. Keep it apart from the event store (its own file, ideally its own
   * backup policy): keys must not travel with the data they protect.
   */
  path: string;
}

interface PendingCreate {
  subjectIds: readonly string[];
  resolve: (keys: Map<string, SubjectKey>) => void;
  reject: (error: unknown) => void;
}

/**
 * Versioned schema migrations, tracked in `user_version`. Append new steps; never edit one that has
 * shipped. Kept in this file because it is the one file of the library allowed to use SQLite.
 */
const MIGRATIONS: ReadonlyArray<SqliteMigration> = [
  {
    version: 1,
    description: 'subject keys and erased subjects',
    sql: `
      CREATE TABLE subject_keys (
        subject_id TEXT PRIMARY KEY,
        key        BLOB NOT NULL CHECK (length(key) = ${DATA_KEY_BYTES}),
        created_at INTEGER NOT NULL
      ) WITHOUT ROWID;
      CREATE TABLE erased_subjects (
        subject_id TEXT PRIMARY KEY,
        erased_at  INTEGER NOT NULL
      ) WITHOUT ROWID;
    `,
  },
];

export const LATEST_KEY_STORE_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;

/**
 * Per-subject data keys in their own SQLite file, built so that a destroyed key leaves no readable
 * copy in the file, its WAL or its free pages:
 *
 * - `secure_delete=ON`: SQLite overwrites deleted content, freed pages and the slack that B-tree
 *   rebalancing leaves behind with zeros (without it, thousands of stale key copies linger in pages);
 * - after each erasure `wal_checkpoint(TRUNCATE)` copies the zeroed pages into the file and empties
 *   the WAL, which otherwise keeps old page images (with the key) until they happen to be reused;
 * - temporary tables and indices stay in memory (`temp_store=MEMORY`), never in a temp file;
 * - WAL with `synchronous=FULL`: a new key is on disk before the caller may encrypt with it.
 *
 * New keys are group-committed: every creation requested in one turn of the event loop shares one
 * transaction and one fsync, so a burst of new members or notes costs one fsync, not one each.
 * Looking up keys that exist needs no transaction. One process owns the file.
 */
export class SqliteKeyStore implements KeyStore {
  private readonly db: Database.Database;
  private pending: PendingCreate[] = [];
  private flushScheduled = false;
  private closed = false;
  private commits = 0;
  private readonly statements;
  private readonly createBatch: (batch: PendingCreate[]) => void;
  private readonly destroy: (subjectIds: readonly string[], at: number) => void;

  constructor(options: SqliteKeyStoreOptions) {
    this.db = openPrivateDatabase(options.path);
    try {
      this.db.pragma('secure_delete = ON');
      this.db.pragma('temp_store = MEMORY');
      migrate(this.db);
    } catch (error) {
      this.db.close();
      throw error;
    }
    this.statements = {
      key: this.db.prepare<[string], { key: Buffer }>('SELECT key FROM subject_keys WHERE subject_id = ?'),
      erased: this.db.prepare<[string], { erased_at: number }>('SELECT erased_at FROM erased_subjects WHERE subject_id = ?'),
      insertKey: this.db.prepare<[string, Buffer, number]>('INSERT INTO subject_keys (subject_id, key, created_at) VALUES (?, ?, ?)'),
      deleteKey: this.db.prepare<[string]>('DELETE FROM subject_keys WHERE subject_id = ?'),
      markErased: this.db.prepare<[string, number]>('INSERT OR IGNORE INTO erased_subjects (subject_id, erased_at) VALUES (?, ?)'),
    };
    const create = this.db.transaction((batch: PendingCreate[]) => {
      const now = Date.now();
      for (const { subjectIds } of batch) {
        for (const subject of subjectIds) {
          if (!this.statements.erased.get(subject) && !this.statements.key.get(subject)) {
            this.statements.insertKey.run(subject, randomBytes(DATA_KEY_BYTES), now);
          }
        }
      }
    });
    this.createBatch = create.immediate.bind(create);
    const destroy = this.db.transaction((subjectIds: readonly string[], at: number) => {
      for (const subject of subjectIds) {
        this.statements.markErased.run(subject, at);
        this.statements.deleteKey.run(subject);
      }
    });
    this.destroy = destroy.immediate.bind(destroy);
  }

  getOrCreateKeys(subjectIds: readonly string[]): Promise<Map<string, SubjectKey>> {
    try {
      this.assertOpen();
      subjectIds.forEach(assertSubjectId);
      const known = this.lookup(subjectIds);
      if (known.size === new Set(subjectIds).size) return Promise.resolve(known);
    } catch (error) {
      return Promise.reject(error);
    }
    return new Promise((resolve, reject) => {
      this.pending.push({ subjectIds, resolve, reject });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  async getKeys(subjectIds: readonly string[]): Promise<Map<string, SubjectKey>> {
    this.assertOpen();
    return this.lookup(subjectIds);
  }

  async destroyKeys(subjectIds: readonly string[]): Promise<void> {
    this.assertOpen();
    subjectIds.forEach(assertSubjectId);
    if (subjectIds.length === 0) return;
    this.flush();
    this.destroy(subjectIds, Date.now());
    this.scrub();
  }

  async erasedAt(subjectIds: readonly string[]): Promise<Map<string, Date>> {
    this.assertOpen();
    const found = new Map<string, Date>();
    for (const subject of subjectIds) {
      const row = this.statements.erased.get(subject);
      if (row) found.set(subject, new Date(row.erased_at));
    }
    return found;
  }

  /** How many transactions created keys: shows group commit at work. */
  stats(): { keyCommits: number } {
    return { keyCommits: this.commits };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.flush();
    this.closed = true;
    this.db.close();
  }

  /** Creates every queued key in one transaction, then answers each request. */
  private flush(): void {
    this.flushScheduled = false;
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    try {
      this.createBatch(batch);
    } catch (error) {
      batch.forEach((request) => request.reject(error));
      return;
    }
    this.commits += 1;
    batch.forEach((request) => request.resolve(this.lookup(request.subjectIds)));
  }

  /** Moves the zeroed pages into the file and empties the WAL, so no old page image keeps a key. */
  private scrub(): void {
    const [result] = this.db.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number; log: number; checkpointed: number }>;
    if (result && result.busy !== 0) {
      throw new Error('The key store could not empty its WAL after an erasure (another connection is reading it); erasure is recorded, retry destroyKeys to scrub.');
    }
  }

  private lookup(subjectIds: readonly string[]): Map<string, SubjectKey> {
    const found = new Map<string, SubjectKey>();
    for (const subject of subjectIds) {
      const row = this.statements.key.get(subject);
      if (row) found.set(subject, row.key);
      else if (this.statements.erased.get(subject)) found.set(subject, ERASED);
    }
    return found;
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('The key store is closed');
  }
}

/** Brings the key store's schema up to date. */
function migrate(db: Database.Database): void {
  applySqliteMigrations(db, MIGRATIONS, 'key store');
}
