import { Client } from 'pg';
import { createTestDatabase, TestDatabase } from '@solmu/testing';
import { StoreUnavailableError } from '../../event-store.port';
import { openMigratedPool } from './postgres-pool';

/**
 * A connection the server drops while a store holds it (mid-transaction, mid-claim) emits 'error' on
 * the client, where the pool does not listen; unheard, it ends the whole process. It happened in the
 * fault e2e when PostgreSQL stopped during a snapshot save. Here it is made to happen on purpose.
 */
describe('openMigratedPool: a connection lost while checked out', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('pool');
  });
  afterAll(() => database.drop());

  it('fails the statement in flight with StoreUnavailableError and leaves no unheard error event', async () => {
    const pool = await openMigratedPool({ connectionString: database.url, max: 2 }, 'pool_test', [{ version: 1, description: 'nothing to hold', sql: 'SELECT 1' }]);
    const unheard: unknown[] = [];
    const listener = (error: unknown) => unheard.push(error);
    process.on('uncaughtException', listener);
    try {
      const held = await pool.connect();
      const { rows } = await held.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      const sleeping = held.query('SELECT pg_sleep(10)').then(
        () => undefined,
        (error: unknown) => error,
      );
      const admin = new Client({ connectionString: database.url });
      await admin.connect();
      await new Promise((done) => setTimeout(done, 100));
      await admin.query('SELECT pg_terminate_backend($1)', [rows[0].pid]);
      await admin.end();
      expect(await sleeping).toBeInstanceOf(StoreUnavailableError);
      // The client's own 'error' event comes on the same turn or the next one.
      await new Promise((done) => setTimeout(done, 100));
      held.release(true);
      expect(held.listenerCount('error')).toBeGreaterThan(0);
      // The pool still serves: the broken connection was dropped, a new one made.
      await expect(pool.query('SELECT 1 AS one')).resolves.toMatchObject({ rows: [{ one: 1 }] });
      expect(unheard).toEqual([]);
    } finally {
      process.off('uncaughtException', listener);
      await pool.end();
    }
  });
});
