/**
 * Versioned schema migrations for everything Solmu keeps in PostgreSQL: the event store, the
 * identity store and the key store each bring their own list of steps; this one runner applies
 * them. Append new steps; never edit a step that has shipped.
 *
 * Versions are tracked per store in `solmu_schema_versions`. The steps of one store run in one
 * transaction under an advisory lock, so several Solmu instances starting at once against one
 * database migrate it once, and a failed step leaves the schema as it was.
 */
export interface PostgresMigration {
  version: number;
  description: string;
  sql: string;
}

/** What the runner needs of a `pg` client; declared here so this file does not load `pg` itself. */
export interface PostgresQueryable {
  query<Row = Record<string, unknown>>(sql: string, values?: unknown[]): Promise<{ rows: Row[] }>;
}

/** Key of the advisory lock migrations hold ('Solm', 1); appends use ('Solm', 2). */
const MIGRATION_LOCK = [0x536f6c6d, 1] as const;

/**
 * Brings `store`'s schema up to the newest of `migrations`; refuses a database written by a newer
 * Solmu. `client` must be one connection (not a pool), held for the duration.
 */
export async function applyPostgresMigrations(client: PostgresQueryable, store: string, migrations: ReadonlyArray<PostgresMigration>): Promise<void> {
  const latest = migrations[migrations.length - 1].version;
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1, $2)', [...MIGRATION_LOCK]);
    await client.query(`
      CREATE TABLE IF NOT EXISTS solmu_schema_versions (
        store      text PRIMARY KEY,
        version    integer NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    const { rows } = await client.query<{ version: number }>('SELECT version FROM solmu_schema_versions WHERE store = $1', [store]);
    const current = rows[0]?.version ?? 0;
    if (current > latest) {
      throw new Error(`The ${store} schema is version ${current}, newer than this Solmu understands (${latest}).`);
    }
    for (const step of migrations) {
      if (step.version <= current) continue;
      await client.query(step.sql);
    }
    if (latest > current) {
      await client.query(
        `INSERT INTO solmu_schema_versions (store, version) VALUES ($1, $2)
         ON CONFLICT (store) DO UPDATE SET version = excluded.version, updated_at = now()`,
        [store, latest],
      );
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
