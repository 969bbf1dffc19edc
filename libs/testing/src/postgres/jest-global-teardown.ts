import type { ThrowawayPostgres } from './postgres-server';

/** Stops and removes the server the global set-up started (none when SOLMU_TEST_DATABASE_URL was given). */
export default async function stopPostgresForTests(): Promise<void> {
  const holder = globalThis as { solmuPostgres?: ThrowawayPostgres };
  if (!holder.solmuPostgres) return;
  holder.solmuPostgres.stop();
  holder.solmuPostgres = undefined;
  delete process.env.SOLMU_TEST_DATABASE_URL;
}
