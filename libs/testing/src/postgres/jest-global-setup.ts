import { startThrowawayPostgres, ThrowawayPostgres } from './postgres-server';

/**
 * Jest global set-up of the int and e2e tiers: unless SOLMU_TEST_DATABASE_URL names a server
 * already, start a throwaway PostgreSQL for the run and tell the test workers (they inherit this
 * process's environment) where it is. Fails the run, loudly, when no server can be had.
 */
export default async function startPostgresForTests(): Promise<void> {
  if (process.env.SOLMU_TEST_DATABASE_URL) return;
  const server = await startThrowawayPostgres();
  (globalThis as { solmuPostgres?: ThrowawayPostgres }).solmuPostgres = server;
  process.env.SOLMU_TEST_DATABASE_URL = server.url;
  // Should Jest die without running the teardown, the server still goes with it.
  process.once('exit', () => server.stop());
}
