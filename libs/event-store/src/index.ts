export * from './event-store.port';
export * from './event-store.tokens';
export * from './event-store.module';
export * from './aggregate-repository';
export { InMemoryEventStore } from './adapters/in-memory/in-memory-event-store';
export { applySqliteMigrations } from './adapters/sqlite/migrations';
export type { SqliteMigration } from './adapters/sqlite/migrations';
export { applyPostgresMigrations } from './adapters/postgres/postgres-migrations';
export type { PostgresMigration, PostgresQueryable } from './adapters/postgres/postgres-migrations';
