import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Snapshot, SnapshotStore } from '../../snapshot-store.port';
import { applySqliteMigrations, SqliteMigration } from './migrations';

const MIGRATIONS: ReadonlyArray<SqliteMigration> = [
  {
    version: 1,
    description: 'projection snapshots',
    sql: `
      CREATE TABLE projection_snapshots (
        name     TEXT PRIMARY KEY,
        version  INTEGER NOT NULL,
        position INTEGER NOT NULL,
        state    BLOB NOT NULL,
        saved_at INTEGER NOT NULL
      );
    `,
  },
];

/**
 * Snapshots in a SQLite file beside the event store's (`solmu.db` → `solmu-snapshots.db`), not in it:
 * a second writer on the events file would contend with the appends' group commit for its lock and
 * WAL. They are derived data, so they are written without waiting for fsync (`synchronous=NORMAL`):
 * a crash may lose the latest one, and the next start catches up from the one before.
 */
export class SqliteSnapshotStore implements SnapshotStore {
  private readonly db: Database.Database;
  private readonly selectOne: Database.Statement;
  private readonly upsert: Database.Statement;
  private readonly remove: Database.Statement;

  constructor(path: string) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    // Snapshots hold decrypted personal data: a replaced or deleted one is overwritten on disk, not left in free pages.
    this.db.pragma('secure_delete = ON');
    applySqliteMigrations(this.db, MIGRATIONS, 'snapshot store');
    this.selectOne = this.db.prepare('SELECT name, version, position, state FROM projection_snapshots WHERE name = ?');
    this.upsert = this.db.prepare(
      `INSERT INTO projection_snapshots (name, version, position, state, saved_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET version = excluded.version, position = excluded.position, state = excluded.state, saved_at = excluded.saved_at`,
    );
    this.remove = this.db.prepare('DELETE FROM projection_snapshots WHERE name = ?');
  }

  async load(name: string): Promise<Snapshot | undefined> {
    const row = this.selectOne.get(name) as { name: string; version: number; position: number; state: Buffer } | undefined;
    return row && { name: row.name, version: row.version, position: row.position, state: row.state };
  }

  async save(snapshots: readonly Snapshot[]): Promise<void> {
    const now = Date.now();
    this.db.transaction(() => {
      for (const s of snapshots) this.upsert.run(s.name, s.version, s.position, Buffer.from(s.state.buffer, s.state.byteOffset, s.state.byteLength), now);
    })();
  }

  async delete(name: string): Promise<void> {
    this.remove.run(name);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
