import { DynamicModule, Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { EventStore } from './event-store.port';
import { EVENT_STORE } from './event-store.tokens';
import { InMemoryEventStore } from './adapters/in-memory/in-memory-event-store';

/** Which store to run on; chosen once at start-up from validated configuration. */
export type EventStoreOptions =
  | { kind: 'sqlite'; path: string; pollMs?: number }
  | { kind: 'postgres'; connectionString: string; pollMs?: number }
  | { kind: 'esdb'; connectionString: string }
  | { kind: 'memory' };

export interface EventStoreModuleAsyncOptions {
  imports?: DynamicModule['imports'];
  inject?: Array<string | symbol | Function>;
  useFactory: (...args: any[]) => EventStoreOptions | Promise<EventStoreOptions>;
  /** Wraps the opened store (e.g. to encrypt personal data); gets the same injected arguments. */
  decorate?: (store: EventStore, ...args: any[]) => EventStore | Promise<EventStore>;
}

/** Opens the configured adapter. Adapters are required lazily so only the chosen client loads. */
export async function openEventStore(options: EventStoreOptions): Promise<EventStore> {
  switch (options.kind) {
    case 'sqlite': {
      const { SqliteEventStore } = await import('./adapters/sqlite/sqlite-event-store');
      return new SqliteEventStore({ path: options.path, pollMs: options.pollMs });
    }
    case 'postgres': {
      const { PostgresEventStore } = await import('./adapters/postgres/postgres-event-store');
      return PostgresEventStore.open({ connectionString: options.connectionString, pollMs: options.pollMs });
    }
    case 'esdb': {
      const { EsdbEventStore } = await import('./adapters/esdb/esdb-event-store');
      return EsdbEventStore.fromConnectionString(options.connectionString);
    }
    case 'memory':
      return new InMemoryEventStore();
  }
}

class EventStoreCloser implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}
  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}

/** Provides {@link EVENT_STORE} to the whole application and closes it on shutdown. */
@Global()
@Module({})
export class EventStoreModule {
  static forRootAsync(options: EventStoreModuleAsyncOptions): DynamicModule {
    return {
      module: EventStoreModule,
      imports: options.imports ?? [],
      providers: [
        {
          provide: EVENT_STORE,
          inject: options.inject ?? [],
          useFactory: async (...args: unknown[]) => {
            const store = await openEventStore(await options.useFactory(...args));
            return options.decorate ? options.decorate(store, ...args) : store;
          },
        },
        EventStoreCloser,
      ],
      exports: [EVENT_STORE],
    };
  }
}
