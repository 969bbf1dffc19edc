import { createTestDatabase, TestDatabase } from '@solmu/testing';
import { Client } from 'pg';
import { SystemClock } from '@solmu/kernel';
import { ApiTokens } from '../api-tokens';
import { anAccount, describeIdentityStoreContract } from '../testing/identity-store.contract';
import { LATEST_POSTGRES_IDENTITY_SCHEMA_VERSION } from './postgres-identity-migrations';
import { PostgresIdentityStore } from './postgres-identity-store';

describeIdentityStoreContract('PostgreSQL', async () => {
  const db = await createTestDatabase('identity');
  return { store: await PostgresIdentityStore.open({ connectionString: db.url }), cleanup: () => db.drop() };
});

describe('PostgresIdentityStore', () => {
  let db: TestDatabase;

  beforeEach(async () => {
    db = await createTestDatabase('identity');
  });

  afterEach(() => db.drop());

  it('shares accounts and sessions between instances, and hands a single-use record to one of them only', async () => {
    const [one, two] = await Promise.all([PostgresIdentityStore.open({ connectionString: db.url }), PostgresIdentityStore.open({ connectionString: db.url })]);
    const account = anAccount();
    await one.createAccount(account);
    const session = { idHash: 'session-hash', accountId: account.id, csrfSecret: 'x', createdAt: new Date(), lastSeenAt: new Date(), expiresAt: new Date(Date.now() + 60_000) };
    await one.createSession(session);
    await one.createInvitation({
      id: 'i1',
      tokenHash: 'invite-hash',
      networkId: 'n1',
      memberId: 'm1',
      createdBy: account.id,
      createdAt: new Date(),
      expiresAt: new Date(Date.now() + 60_000),
    });

    const taken = await Promise.all([one.consumeInvitation('invite-hash'), two.consumeInvitation('invite-hash')]);

    expect(await two.getAccount(account.id)).toEqual(account);
    expect(await two.getSession('session-hash')).toEqual(session);
    expect(taken.filter((t) => t !== undefined)).toHaveLength(1);
    await Promise.all([one.close(), two.close()]);
  });

  it('records its schema version and refuses a database written by a newer Solmu', async () => {
    await (await PostgresIdentityStore.open({ connectionString: db.url })).close();
    const admin = new Client({ connectionString: db.url });
    await admin.connect();
    const { rows } = await admin.query(`SELECT version FROM solmu_schema_versions WHERE store = 'identity'`);
    expect(rows).toEqual([{ version: LATEST_POSTGRES_IDENTITY_SCHEMA_VERSION }]);
    await admin.query(`UPDATE solmu_schema_versions SET version = version + 1 WHERE store = 'identity'`);
    await admin.end();

    await expect(PostgresIdentityStore.open({ connectionString: db.url })).rejects.toThrow(/newer than this Solmu understands/);
  });

  describe('API tokens revoked by another process', () => {
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    async function until(condition: () => boolean | Promise<boolean>, ms = 3000): Promise<number> {
      const started = Date.now();
      while (!(await condition())) {
        if (Date.now() - started > ms) throw new Error(`not within ${ms} ms`);
        await sleep(10);
      }
      return Date.now() - started;
    }
    /** Connections listening for revocations, as the server sees them. */
    async function listeners(terminate = false): Promise<number> {
      const admin = new Client({ connectionString: db.url });
      await admin.connect();
      const { rowCount } = await admin.query(
        `SELECT ${terminate ? 'pg_terminate_backend(pid)' : 'pid'} FROM pg_stat_activity WHERE application_name = 'solmu-identity-listen' AND query LIKE 'LISTEN%' AND datname = current_database()`,
      );
      await admin.end();
      return rowCount ?? 0;
    }

    it('are refused by the other process at once, not after its cache of verified tokens runs out', async () => {
      const stores = await Promise.all([PostgresIdentityStore.open({ connectionString: db.url }), PostgresIdentityStore.open({ connectionString: db.url })]);
      let n = 0;
      const ids = { next: () => `00000000-0000-7000-8000-${String(++n).padStart(12, '0')}` };
      const [one, two] = stores.map((store) => new ApiTokens(store, new SystemClock(), ids));
      await until(async () => (await listeners()) === 2);
      const { token, apiToken } = await one.create({ networkId: 'n1', name: 'Slack', scopes: ['interactions:write'], createdBy: 'c1' });
      // Verified on the second process, so it is in that process's cache (trusted for 5 s).
      expect(await two.verify(token)).toMatchObject({ tokenId: apiToken.id });

      await one.revoke('n1', apiToken.id);

      const took = await until(async () => (await two.verify(token)) === undefined, 1000);
      expect(took).toBeLessThan(1000);
      await Promise.all(stores.map((store) => store.close()));
    });

    it('says revocations are not heard while the listening connection is down, and forgets everything when it is back', async () => {
      const store = await PostgresIdentityStore.open({ connectionString: db.url });
      const forgotten: Array<string | undefined> = [];
      const watch = store.watchApiTokenRevocations((tokenId) => forgotten.push(tokenId));
      await until(() => watch.heard());
      forgotten.length = 0;

      expect(await listeners(true)).toBe(1);
      await until(() => !watch.heard());
      expect(forgotten).toEqual([undefined]);
      await until(() => watch.heard());

      expect(forgotten).toEqual([undefined, undefined]);
      await store.close();
    });
  });
});
