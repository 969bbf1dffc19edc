import { dirname, join } from 'node:path';
import type { EventStoreOptions } from './event-store.module';
import type { SnapshotStore } from './snapshot-store.port';
import { InMemorySnapshotStore } from './adapters/in-memory/in-memory-snapshot-store';

/**
 * The snapshot store that goes with an event store: the file beside a SQLite store
 * (`solmu.db` → `solmu-snapshots.db`), the same PostgreSQL database, or memory for the in-memory
 * store and EventStoreDB (whose projections then replay the log at every start, as before).
 */
export async function openSnapshotStore(options: EventStoreOptions): Promise<SnapshotStore> {
  switch (options.kind) {
    case 'sqlite': {
      if (options.path === ':memory:') return new InMemorySnapshotStore();
      const { SqliteSnapshotStore } = await import('./adapters/sqlite/sqlite-snapshot-store');
      return new SqliteSnapshotStore(join(dirname(options.path), 'solmu-snapshots.db'));
    }
    case 'postgres': {
      const { PostgresSnapshotStore } = await import('./adapters/postgres/postgres-snapshot-store');
      return PostgresSnapshotStore.open(options.connectionString);
    }
    default:
      return new InMemorySnapshotStore();
  }
}
