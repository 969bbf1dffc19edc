import { createTestDatabase, TestDatabase } from '@solmu/testing';
import { Client } from 'pg';
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
});
