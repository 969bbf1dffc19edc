import { Pool, PoolConfig } from 'pg';
import { applyPostgresMigrations, PostgresMigration } from './postgres-migrations';

/**
 * A connection pool for one of Solmu's PostgreSQL stores (events, identity, keys), with its schema
 * migrated before anything uses it. Every connection acknowledges only what is on disk
 * (`synchronous_commit=on`, whatever the server's default); `extraOptions` adds server settings. An
 * idle connection the server drops must not crash the process: the pool replaces it.
 */
export async function openMigratedPool(
  config: Omit<PoolConfig, 'options'> & { extraOptions?: string },
  store: string,
  migrations: ReadonlyArray<PostgresMigration>,
): Promise<Pool> {
  const { extraOptions, ...rest } = config;
  const pool = new Pool({ ...rest, options: ['-c synchronous_commit=on', extraOptions].filter(Boolean).join(' ') });
  pool.on('error', () => undefined);
  try {
    const client = await pool.connect();
    try {
      await applyPostgresMigrations(client, store, migrations);
    } finally {
      client.release();
    }
  } catch (error) {
    await pool.end();
    throw error;
  }
  return pool;
}
