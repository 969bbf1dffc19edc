import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/**
 * A database of its own for one test suite (or one test), on the server the test run uses, so
 * suites can run in parallel without seeing each other's rows.
 */
export interface TestDatabase {
  url: string;
  name: string;
  /** Drops the database, ending any connection still open to it. */
  drop(): Promise<void>;
}

/** The server the run uses: SOLMU_TEST_DATABASE_URL, set by the caller or by the Jest global set-up. */
export function testServerUrl(): string {
  const url = process.env.SOLMU_TEST_DATABASE_URL;
  if (!url) {
    throw new Error(
      'SOLMU_TEST_DATABASE_URL is not set: run the PostgreSQL tests through Jest (its global set-up starts a throwaway server) or point it at a test server.',
    );
  }
  return url;
}

/** Creates `solmu_test_<label>_<random>`; the only databases the tests ever create or drop. */
export async function createTestDatabase(label = 'db'): Promise<TestDatabase> {
  const server = testServerUrl();
  const name = `solmu_test_${label.replace(/[^a-z0-9]/gi, '_').toLowerCase()}_${randomBytes(4).toString('hex')}`;
  await withClient(server, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: () => withClient(server, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
