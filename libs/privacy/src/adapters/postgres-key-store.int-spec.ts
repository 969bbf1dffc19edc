import { createTestDatabase, TestDatabase } from '@solmu/testing';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { ERASED } from '../key-store.port';
import { describeKeyStoreContract } from '../testing/key-store.contract';
import { LATEST_POSTGRES_KEY_STORE_SCHEMA_VERSION, PostgresKeyStore } from './postgres-key-store';

describeKeyStoreContract('PostgreSQL', async () => {
  const db = await createTestDatabase('keys');
  return { keys: await PostgresKeyStore.open({ connectionString: db.url }), cleanup: () => db.drop() };
});

describe('PostgresKeyStore', () => {
  let db: TestDatabase;

  beforeEach(async () => {
    db = await createTestDatabase('keys');
  });

  afterEach(() => db.drop());

  it('gives two instances the same key for a new subject, and an erasure in one holds in the other', async () => {
    const [one, two] = await Promise.all([PostgresKeyStore.open({ connectionString: db.url }), PostgresKeyStore.open({ connectionString: db.url })]);
    const subject = `member-${randomUUID()}`;

    const [a, b] = await Promise.all([one.getOrCreateKeys([subject]), two.getOrCreateKeys([subject])]);
    await one.destroyKeys([subject]);

    expect((a.get(subject) as Buffer).equals(b.get(subject) as Buffer)).toBe(true);
    expect((await two.getOrCreateKeys([subject])).get(subject)).toBe(ERASED);
    await Promise.all([one.close(), two.close()]);
  });

  it('an erasure waits for a creation of the same key in flight in another instance, then destroys that key too', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    let reached: () => void = () => undefined;
    const atCommit = new Promise<void>((resolve) => (reached = resolve));
    const creator = await PostgresKeyStore.open({
      connectionString: db.url,
      beforeCommit: async () => {
        reached();
        await held;
      },
    });
    const eraser = await PostgresKeyStore.open({ connectionString: db.url });
    const subject = `member-${randomUUID()}`;

    const creating = creator.getOrCreateKeys([subject]);
    await atCommit; // the key row is written, not yet committed
    const erasing = eraser.destroyKeys([subject]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    release();
    await Promise.all([creating, erasing]);

    const admin = new Client({ connectionString: db.url });
    await admin.connect();
    const { rows } = await admin.query('SELECT count(*)::int AS n FROM subject_keys WHERE subject_id = $1', [subject]);
    await admin.end();
    expect(rows[0].n).toBe(0);
    expect((await eraser.getOrCreateKeys([subject])).get(subject)).toBe(ERASED);
    await Promise.all([creator.close(), eraser.close()]);
  });

  it('records its schema version and refuses a database written by a newer Solmu', async () => {
    await (await PostgresKeyStore.open({ connectionString: db.url })).close();
    const admin = new Client({ connectionString: db.url });
    await admin.connect();
    const { rows } = await admin.query(`SELECT version FROM solmu_schema_versions WHERE store = 'keys'`);
    expect(rows).toEqual([{ version: LATEST_POSTGRES_KEY_STORE_SCHEMA_VERSION }]);
    await admin.query(`UPDATE solmu_schema_versions SET version = version + 1 WHERE store = 'keys'`);
    await admin.end();

    await expect(PostgresKeyStore.open({ connectionString: db.url })).rejects.toThrow(/newer than this Solmu understands/);
  });

  it('refuses work once closed', async () => {
    const keys = await PostgresKeyStore.open({ connectionString: db.url });
    await keys.close();

    await expect(keys.getOrCreateKeys(['member-1'])).rejects.toThrow(/closed/);
    await expect(keys.destroyKeys(['member-1'])).rejects.toThrow(/closed/);
  });
});
