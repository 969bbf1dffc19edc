import { createTestDatabase, TestDatabase } from '@solmu/testing';
import { readdirSync } from 'node:fs';
import { Client } from 'pg';
import { ADMIN, aNetworkWithMembers, RunningSolmu, startSolmu } from './support/solmu-app';

/** The app on PostgreSQL (SOLMU_DATABASE_URL): events, accounts and keys all in the database. */
describe('Solmu on PostgreSQL', () => {
  let db: TestDatabase;
  let solmu: RunningSolmu;

  beforeAll(async () => {
    db = await createTestDatabase('e2e');
    solmu = await startSolmu({ env: { SOLMU_DATABASE_URL: db.url } });
  });

  afterAll(async () => {
    await solmu.stop();
    await db.drop();
  });

  it('logs an interaction and reads it back, also after a restart, keeping nothing in SQLite files', async () => {
    expect((await solmu.request('GET', '/health')).body).toMatchObject({ status: 'ok', store: 'postgres' });
    const { networkId, members } = await aNetworkWithMembers(solmu, ['Aino', 'Eino']);

    const logged = await solmu.request('POST', `/networks/${networkId}/interactions`, {
      kind: 'co_developed',
      participants: members,
      occurredAt: '2024-03-01T10:00:00Z',
      note: 'Kick-off on PostgreSQL',
    });

    expect(logged.status).toBe(201);
    const read = await solmu.request('GET', `/networks/${networkId}/interactions/${logged.body.id}`);
    expect(read).toMatchObject({ status: 200, body: { id: logged.body.id, participants: members, note: 'Kick-off on PostgreSQL' } });

    solmu = await solmu.restart();
    const signIn = await solmu.requestAs(undefined, 'POST', '/auth/token', { email: ADMIN.email, password: ADMIN.password });
    expect(signIn.status).toBe(201);
    const again = await solmu.requestAs(signIn.body.token, 'GET', `/networks/${networkId}/interactions/${logged.body.id}`);
    expect(again).toMatchObject({ status: 200, body: { id: logged.body.id, note: 'Kick-off on PostgreSQL' } });
    expect(readdirSync(solmu.dir).filter((name) => name.endsWith('.db'))).toEqual([]);

    const admin = new Client({ connectionString: db.url });
    await admin.connect();
    const counts = await admin.query(`
      SELECT (SELECT count(*)::int FROM events WHERE type = 'InteractionLogged') AS interactions,
             (SELECT count(*)::int FROM accounts WHERE email = $1) AS admins,
             (SELECT count(*)::int FROM subject_keys) AS keys,
             (SELECT count(*)::int FROM events WHERE data::text LIKE '%Kick-off on PostgreSQL%') AS plaintext_notes`, [ADMIN.email]);
    await admin.end();
    // The note is personal data: encrypted under a key in the key tables, never stored as written.
    expect(counts.rows[0]).toEqual({ interactions: 1, admins: 1, keys: expect.any(Number), plaintext_notes: 0 });
    expect(counts.rows[0].keys).toBeGreaterThan(0);
  });
});
