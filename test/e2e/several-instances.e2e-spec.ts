import { createTestDatabase, TestDatabase } from '@solmu/testing';
import { Client } from 'pg';
import { ADMIN } from './support/solmu-app';
import { SolmuProcess, startSolmuProcess } from './support/solmu-process';

/**
 * Two Solmu processes on one PostgreSQL database serve the same networks. They share nothing but
 * the database: each has its own read models, aggregate cache and token cache, so whatever one
 * must know of the other's writes it has to learn from the store.
 */
describe('Several Solmu instances on one PostgreSQL database', () => {
  let db: TestDatabase;
  let a: SolmuProcess;
  let b: SolmuProcess;
  let tokenA: string;
  let networkId: string;
  let members: string[];

  const onA = (method: string, path: string, body?: unknown, headers?: Record<string, string>) => a.requestAs(tokenA, method, path, body, headers);
  const onB = (method: string, path: string, body?: unknown, headers?: Record<string, string>) => b.requestAs(tokenA, method, path, body, headers);

  beforeAll(async () => {
    db = await createTestDatabase('instances');
    const env = { SOLMU_DATABASE_URL: db.url, SOLMU_ADMIN_EMAIL: ADMIN.email, SOLMU_ADMIN_PASSWORD: ADMIN.password, SOLMU_ADMIN_NAME: ADMIN.name };
    // Started together on an empty database: both migrate and both find no administrator.
    const started = await Promise.allSettled([startSolmuProcess(env), startSolmuProcess(env)]);
    [a, b] = started.map((s) => (s.status === 'fulfilled' ? s.value : undefined!));
    const failed = started.find((s) => s.status === 'rejected');
    if (failed) throw (failed as PromiseRejectedResult).reason;
    // A session issued by A is what the tests below use on B as well.
    const signIn = await a.requestAs(undefined, 'POST', '/auth/token', { email: ADMIN.email, password: ADMIN.password });
    expect(signIn.status).toBe(201);
    tokenA = signIn.body.token;

    const network = await onA('POST', '/networks', { name: 'Two instances', foundedAt: '2024-01-01T00:00:00Z' });
    expect(network.status).toBe(201);
    networkId = network.body.id;
    members = [];
    for (const [i, name] of ['Aino', 'Eino', 'Ilona', 'Oona'].entries()) {
      // Members added alternately on A and B, each read back at once on the other.
      const [write, read] = i % 2 === 0 ? [onA, onB] : [onB, onA];
      const member = await write('POST', `/networks/${networkId}/members`, { name, joinedAt: '2024-01-02T00:00:00Z' });
      expect(member.status).toBe(201);
      expect(await read('GET', `/networks/${networkId}/members/${member.body.id}`)).toMatchObject({ status: 200, body: { name } });
      members.push(member.body.id);
    }
  }, 120_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await db?.drop();
  });

  it('started both on an empty database with one administrator, and both answer from it', async () => {
    expect((await onB('GET', '/health')).body).toMatchObject({ status: 'ok', store: 'postgres' });
    const admins = await query<{ n: number }>('SELECT count(*)::int AS n FROM accounts WHERE email = $1', [ADMIN.email]);
    expect(admins[0].n).toBe(1);
  });

  it('reads on B what was just written on A (the read waits for the store head, not a local counter)', async () => {
    for (let i = 0; i < 10; i += 1) {
      const logged = await onA('POST', `/networks/${networkId}/interactions`, {
        kind: 'co_developed',
        participants: [members[i % 4], members[(i + 1) % 4]],
        occurredAt: `2024-02-${String(i + 1).padStart(2, '0')}T10:00:00Z`,
      });
      expect(logged.status).toBe(201);
      // No pause: B's answer must already include A's acknowledged write.
      expect(await onB('GET', `/networks/${networkId}/interactions/${logged.body.id}`)).toMatchObject({ status: 200, body: { id: logged.body.id } });
      const list = await onB('GET', `/networks/${networkId}/interactions`);
      expect(JSON.stringify(list.body)).toContain(logged.body.id);
    }
  });

  it('lands an Idempotency-Key retried on the other instance on the same event', async () => {
    const body = { kind: 'co_developed', participants: [members[0], members[2]], occurredAt: '2024-03-01T10:00:00Z', note: 'Retried elsewhere' };
    const headers = { 'Idempotency-Key': 'retry-on-b-1' };
    const first = await onA('POST', `/networks/${networkId}/interactions`, body, headers);
    const retried = await onB('POST', `/networks/${networkId}/interactions`, body, headers);
    expect(first.status).toBe(201);
    expect([200, 201]).toContain(retried.status);
    expect(retried.body.id).toBe(first.body.id);

    // The same key sent to both at the same moment: one event, both answers name it.
    const raced = { ...body, occurredAt: '2024-03-02T10:00:00Z', note: 'Raced' };
    const race = { 'Idempotency-Key': 'raced-1' };
    const [onOne, onOther] = await Promise.all([onA('POST', `/networks/${networkId}/interactions`, raced, race), onB('POST', `/networks/${networkId}/interactions`, raced, race)]);
    expect([onOne.status, onOther.status].every((s) => s === 200 || s === 201)).toBe(true);
    expect(onOther.body.id).toBe(onOne.body.id);

    // A different body under a used key is refused on the other instance too.
    const reused = await onB('POST', `/networks/${networkId}/interactions`, { ...body, note: 'Something else' }, headers);
    expect(reused.status).toBe(422);

    const events = await query<{ stream_id: string; n: number }>(
      `SELECT s.stream_id, count(*)::int AS n FROM events e JOIN streams s ON s.stream_no = e.stream_no
        WHERE s.stream_id IN ($1, $2) GROUP BY s.stream_id`,
      [`interaction-${first.body.id}`, `interaction-${onOne.body.id}`],
    );
    expect(events.map((row) => row.n)).toEqual([1, 1]);
  });

  it('lets exactly one of two instances give the same chat identity to different members at once', async () => {
    // Rounds one after another (a later round moves a member to another identity, which would
    // free an earlier one); within a round the two requests race on the network's stream.
    for (let round = 0; round < 8; round += 1) {
      const slack = `T0SAME:U0ROUND${round}`;
      const [fromA, fromB] = await Promise.all([
        onA('PATCH', `/networks/${networkId}/members/${members[0]}`, { externalIds: { slack } }),
        onB('PATCH', `/networks/${networkId}/members/${members[1]}`, { externalIds: { slack } }),
      ]);
      expect([fromA.status, fromB.status].sort()).toEqual([200, 409]);
      expect([fromA, fromB].find((answer) => answer.status === 409)!.body.code).toBe('external_id_taken');
    }
    // The store agrees on both instances: no identity is held by two members.
    for (const read of [onA, onB]) {
      const list = await read('GET', `/networks/${networkId}/members`);
      const held = (list.body.items ?? list.body).map((m: { externalIds?: { slack?: string } }) => m.externalIds?.slack).filter(Boolean);
      expect(new Set(held).size).toBe(held.length);
    }
  });

  it('accepts on B an API token made on A, and refuses it on B within a second of A revoking it', async () => {
    const created = await onA('POST', `/networks/${networkId}/tokens`, { name: 'Script', scopes: ['interactions:write', 'network:read'] });
    expect(created.status).toBe(201);
    const logged = await b.requestAs(created.body.token, 'POST', `/networks/${networkId}/interactions`, {
      kind: 'co_developed',
      participants: [members[1], members[3]],
      occurredAt: '2024-04-01T10:00:00Z',
    });
    expect(logged.status).toBe(201);
    expect((await onA('DELETE', `/networks/${networkId}/tokens/${created.body.id}`)).status).toBe(200);
    // B trusts a token it verified for a few seconds (its cache), but hears of the revocation
    // from PostgreSQL (LISTEN/NOTIFY) at once: well within a second, not after its cache runs out.
    const refusedWithin = Date.now() + 1_000;
    let status = 0;
    while (Date.now() < refusedWithin) {
      status = (await b.requestAs(created.body.token, 'GET', `/networks/${networkId}/interactions`)).status;
      if (status === 401) break;
      await new Promise((done) => setTimeout(done, 50));
    }
    expect(status).toBe(401);
  }, 30_000);

  it('ends on B a session signed out on A', async () => {
    const signIn = await b.requestAs(undefined, 'POST', '/auth/token', { email: ADMIN.email, password: ADMIN.password });
    expect((await a.requestAs(signIn.body.token, 'GET', `/networks/${networkId}`)).status).toBe(200);
    expect((await a.requestAs(signIn.body.token, 'DELETE', '/auth/token')).status).toBeLessThan(300);
    expect((await b.requestAs(signIn.body.token, 'GET', `/networks/${networkId}`)).status).toBe(401);
  });

  it('draws on B the graph and timeline with ties just logged on A', async () => {
    const newcomer = await onA('POST', `/networks/${networkId}/members`, { name: 'Ulla', joinedAt: '2024-04-15T00:00:00Z' });
    expect(newcomer.status).toBe(201);
    const pair = [members[2], newcomer.body.id].sort();
    const tied = (graph: { ties: Array<{ a: string; b: string }> }) => graph.ties.some((t) => [t.a, t.b].sort().join('|') === pair.join('|'));
    const before = await onB('GET', `/networks/${networkId}/graph?window=cumulative`);
    expect(before.body.nodes.map((n: { id: string }) => n.id)).toContain(newcomer.body.id);
    expect(tied(before.body)).toBe(false);
    const logged = await onA('POST', `/networks/${networkId}/interactions`, { kind: 'co_developed', participants: pair, occurredAt: '2024-05-01T10:00:00Z' });
    expect(logged.status).toBe(201);
    const after = await onB('GET', `/networks/${networkId}/graph?window=cumulative`);
    expect(after.status).toBe(200);
    expect(tied(after.body)).toBe(true);
    const timeline = await onB('GET', `/networks/${networkId}/timeline?interval=month&window=cumulative`);
    expect(timeline.status).toBe(200);
    expect(JSON.stringify(timeline.body)).toContain('2024-05');
  });

  it('forgets on B a member erased on A: no instance still opens their data with a key it kept', async () => {
    const secret = 'Qwertzu Erasable';
    const member = await onA('POST', `/networks/${networkId}/members`, { name: secret, email: 'qwertzu@erase.test', joinedAt: '2024-04-20T00:00:00Z' });
    expect(member.status).toBe(201);
    // B reads the member first, so it holds the member's key when A erases them.
    expect(JSON.stringify((await onB('GET', `/networks/${networkId}/members/${member.body.id}`)).body)).toContain(secret);
    expect(JSON.stringify((await onB('GET', `/networks/${networkId}/events`)).body)).toContain(secret);
    expect((await onA('POST', `/networks/${networkId}/members/${member.body.id}/erase`)).status).toBe(200);

    expect((await onB('GET', `/networks/${networkId}/members/${member.body.id}`)).body).toMatchObject({ name: 'erased member', erased: true });
    expect(JSON.stringify((await onB('GET', `/networks/${networkId}/events`)).body)).not.toContain(secret);
    expect(JSON.stringify((await onB('GET', `/networks/${networkId}/members/${member.body.id}/export`)).body)).not.toContain(secret);
  });

  async function query<Row>(sql: string, params: unknown[]): Promise<Row[]> {
    const client = new Client({ connectionString: db.url });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows as Row[];
    } finally {
      await client.end();
    }
  }
});
