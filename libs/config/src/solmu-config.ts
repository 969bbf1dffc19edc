import type { EventStoreOptions } from '@solmu/event-store';
import { dirname, join } from 'node:path';
import { Environment } from './environment';

/** A file next to the event store's (`./data/solmu.db` → `./data/solmu-keys.db`), or in memory with it. */
function sibling(db: string, name: string): string {
  return db === ':memory:' ? ':memory:' : join(dirname(db), name);
}

/** Typed access to the validated settings; the only thing the rest of the app injects. */
export class SolmuConfig {
  constructor(private readonly env: Environment) {}

  get port(): number {
    return this.env.PORT;
  }

  get host(): string {
    return this.env.HOST;
  }

  get bodyLimit(): number {
    return this.env.SOLMU_BODY_LIMIT;
  }

  get logLevel(): Environment['LOG_LEVEL'] {
    return this.env.LOG_LEVEL;
  }

  /** EventStoreDB when a connection string is set, otherwise the embedded SQLite file. */
  get eventStore(): EventStoreOptions {
    if (this.env.EVENTSTORE_CONNECTION_STRING) return { kind: 'esdb', connectionString: this.env.EVENTSTORE_CONNECTION_STRING };
    return { kind: 'sqlite', path: this.env.SOLMU_DB };
  }

  /** Keys of personal data live apart from the events they protect. */
  get keyStore(): { kind: 'sqlite'; path: string } | { kind: 'memory' } {
    const path = this.env.SOLMU_KEYS_DB ?? sibling(this.env.SOLMU_DB, 'solmu-keys.db');
    return path === ':memory:' ? { kind: 'memory' } : { kind: 'sqlite', path };
  }

  /** One line for the start-up log; never prints credentials in a connection string. */
  describeStore(): string {
    const store = this.eventStore;
    if (store.kind === 'sqlite') return `SQLite file ${store.path}`;
    if (store.kind === 'esdb') return `EventStoreDB ${store.connectionString.replace(/\/\/[^@/]*@/, '//***@')}`;
    return 'in-memory store (nothing is kept)';
  }
}
