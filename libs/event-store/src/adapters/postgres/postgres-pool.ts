import { Client, Pool, PoolConfig } from 'pg';
import { translatePostgresError } from './postgres-errors';
import { applyPostgresMigrations, PostgresMigration } from './postgres-migrations';

const rethrow = (error: unknown): never => {
  throw translatePostgresError(error);
};

/**
 * A connection whose failed statements report a lost server as StoreUnavailableError (promise form,
 * which the stores use). A lost connection also emits 'error' on the client; while it is idle the
 * pool hears that, but while a store holds it (a transaction, a claim) nobody would, and an unheard
 * 'error' ends the process. The statement in flight already fails with the same error, and the pool
 * drops the broken connection when it is released, so the event itself needs no handling here.
 */
class StoreClient extends Client {
  constructor(...args: ConstructorParameters<typeof Client>) {
    super(...args);
    this.on('error', () => undefined);
  }

  override query(...args: unknown[]): any {
    const result = (super.query as (...a: unknown[]) => unknown)(...args);
    return result instanceof Promise ? result.catch(rethrow) : result;
  }
}

/** A pool that reports a server it cannot reach (or lost mid-statement) as StoreUnavailableError. */
class StorePool extends Pool {
  override connect(...args: unknown[]): any {
    const result = (super.connect as (...a: unknown[]) => unknown)(...args);
    return result instanceof Promise ? result.catch(rethrow) : result;
  }

  override query(...args: unknown[]): any {
    const result = (super.query as (...a: unknown[]) => unknown)(...args);
    return result instanceof Promise ? result.catch(rethrow) : result;
  }
}

/**
 * A connection pool for one of Solmu's PostgreSQL stores (events, identity, keys), with its schema
 * migrated before anything uses it. Every connection acknowledges only what is on disk
 * (`synchronous_commit=on`, whatever the server's default); `extraOptions` adds server settings.
 *
 * While the server is down or restarting, statements fail with StoreUnavailableError (the API
 * answers 503 with Retry-After) and the pool reconnects on the next use once it is back; a new
 * connection is given up after `connectionTimeoutMillis` (default 5 s) so a request never hangs
 * on a server that does not answer. An idle connection the server drops emits 'error' on the
 * pool; unheard, that event would crash the process, so it is heard here (the pool discards the
 * connection itself).
 */
export async function openMigratedPool(
  config: Omit<PoolConfig, 'options'> & { extraOptions?: string },
  store: string,
  migrations: ReadonlyArray<PostgresMigration>,
): Promise<Pool> {
  const { extraOptions, ...rest } = config;
  const pool = new StorePool({
    connectionTimeoutMillis: 5000,
    ...rest,
    Client: StoreClient,
    options: ['-c synchronous_commit=on', extraOptions].filter(Boolean).join(' '),
  });
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
