import { InMemoryKeyStore } from './adapters/in-memory-key-store';
import { KeyStore } from './key-store.port';

/** Which key store to run on; chosen once at start-up from validated configuration. */
export type KeyStoreOptions = { kind: 'sqlite'; path: string } | { kind: 'postgres'; connectionString: string } | { kind: 'memory' };

/** Opens the configured key store. Adapters are required lazily, as the event store's are. */
export async function openKeyStore(options: KeyStoreOptions): Promise<KeyStore> {
  switch (options.kind) {
    case 'sqlite': {
      const { SqliteKeyStore } = await import('./adapters/sqlite-key-store');
      return new SqliteKeyStore({ path: options.path });
    }
    case 'postgres': {
      const { PostgresKeyStore } = await import('./adapters/postgres-key-store');
      return PostgresKeyStore.open({ connectionString: options.connectionString });
    }
    case 'memory':
      return new InMemoryKeyStore();
  }
}
