export { createTestDatabase, testServerUrl } from './test-database';
export type { TestDatabase } from './test-database';
export { startThrowawayPostgres, findPostgresBinaries } from './postgres-server';
export type { ThrowawayPostgres, ThrowawayPostgresOptions } from './postgres-server';
