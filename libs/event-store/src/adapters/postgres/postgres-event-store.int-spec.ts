import { createTestDatabase, TestDatabase } from '@solmu/testing';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { NewEvent, RecordedEvent } from '../../event-store.port';
import { describeEventStoreContract } from '../../testing/event-store.contract';
import { PostgresEventStore, PostgresEventStoreOptions } from './postgres-event-store';

describeEventStoreContract('PostgreSQL', async () => {
  const db = await createTestDatabase('events');
  return {
    store: await PostgresEventStore.open({ connectionString: db.url, pollMs: 50 }),
    cleanup: () => db.drop(),
  };
});

const event = (type: string, n: number): NewEvent => ({ id: randomUUID(), type, data: { n }, metadata: {} });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A promise with its resolve handle, to hold a transaction open until the test lets it go. */
function gate() {
  let open: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

describe('PostgresEventStore', () => {
  let db: TestDatabase;
  const stores: PostgresEventStore[] = [];
  const open = async (options: Partial<PostgresEventStoreOptions> = {}) => {
    const store = await PostgresEventStore.open({ connectionString: db.url, pollMs: 50, ...options });
    stores.push(store);
    return store;
  };

  beforeEach(async () => {
    db = await createTestDatabase('events');
  });

  afterEach(async () => {
    await Promise.all(stores.splice(0).map((s) => s.close()));
    await db.drop();
  });

  it('a live subscriber sees every event exactly once and in order while slow and fast transactions interleave', async () => {
    // Two "instances" write: `slow` holds each of its transactions open after writing its events
    // (its positions are taken) while `fast` commits many appends. A reader that trusted positions
    // as they commit would move past the slow transaction's positions and never see them.
    let hold: ReturnType<typeof gate> | undefined;
    let reachedCommit: () => void = () => undefined;
    const slow = await open({
      beforeCommit: async () => {
        reachedCommit();
        await hold?.opened;
      },
    });
    const fast = await open();
    const reader = await open({ pollMs: 5 });
    const head = await reader.headPosition();
    const seen: RecordedEvent[] = [];
    const subscription = reader.subscribeToAll({ after: head });
    const draining = (async () => {
      for await (const item of subscription) if (item.kind === 'event') seen.push(item.event);
    })();

    const appended: string[] = [];
    const writes: Array<Promise<unknown>> = [];
    for (let round = 0; round < 5; round += 1) {
      hold = gate();
      const atCommit = new Promise<void>((resolve) => (reachedCommit = resolve));
      const slowEvents = [event('Slow', round), event('Slow', round)];
      appended.push(...slowEvents.map((e) => e.id));
      writes.push(slow.append(`slow-${randomUUID()}`, slowEvents));
      await atCommit;
      for (let i = 0; i < 10; i += 1) {
        const e = event('Fast', round * 10 + i);
        appended.push(e.id);
        writes.push(fast.append(`fast-${randomUUID()}`, [e]));
      }
      // Time for the fast appends to commit (they would, without serialised appends) and for the
      // reader to poll past them.
      await sleep(150);
      hold.open();
    }
    await Promise.all(writes);
    const deadline = Date.now() + 3000;
    while (seen.length < appended.length && Date.now() < deadline) await sleep(20);
    await sleep(100);
    await subscription.stop();
    await draining;

    const positions = seen.map((e) => e.position);
    expect(positions.every((p, i) => i === 0 || p > positions[i - 1])).toBe(true);
    expect(seen.map((e) => e.id).sort()).toEqual([...appended].sort());
    expect(new Set(seen.map((e) => e.id)).size).toBe(seen.length);
  }, 20_000);

  it('group-commits the appends requested while a transaction is in flight', async () => {
    const store = await open();

    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => store.append(`one-${randomUUID()}`, [event('One', i)])));

    expect(new Set(results.map((r) => r.position)).size).toBe(50);
    expect(store.stats().appends).toBe(50);
    expect(store.stats().commits).toBeLessThanOrEqual(3);
  });

  it('answers each append of one group commit on its own: a refusal, a retry of an earlier append, and the rest written', async () => {
    const store = await open();
    const [a, b, c] = [`a-${randomUUID()}`, `b-${randomUUID()}`, `c-${randomUUID()}`];
    await store.append(a, [event('A0', 0)], { expectedRevision: 'no_stream' });
    const commitsBefore = store.stats().commits;
    const once = [event('B0', 0), event('B1', 1)];

    const outcomes = await Promise.allSettled([
      store.append(b, once, { expectedRevision: 'no_stream' }),
      store.append(a, [event('Stale', 0)], { expectedRevision: 5 }),
      store.append(b, once, { expectedRevision: 'no_stream' }), // a client's retry, queued with its original
      store.append(a, [event('A1', 1)], { expectedRevision: 0 }),
      store.append(c, [event('C0', 0)], { expectedRevision: 'no_stream' }),
      store.append(b, [event('B2', 2)], { expectedRevision: 1 }),
    ]);

    expect(store.stats().commits - commitsBefore).toBe(1);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled', 'fulfilled', 'fulfilled']);
    expect((outcomes[1] as PromiseRejectedResult).reason).toMatchObject({ name: 'ConcurrencyError', actual: 0 });
    expect((outcomes[2] as PromiseFulfilledResult<unknown>).value).toEqual((outcomes[0] as PromiseFulfilledResult<unknown>).value);
    expect((await store.readStream(a)).map((e) => e.type)).toEqual(['A0', 'A1']);
    expect((await store.readStream(b)).map((e) => [e.type, e.revision])).toEqual([['B0', 0], ['B1', 1], ['B2', 2]]);
    expect((await store.readStream(c)).map((e) => e.type)).toEqual(['C0']);
    const all = await store.readAll();
    expect(all.map((e) => e.type)).toEqual(['A0', 'B0', 'B1', 'A1', 'C0', 'B2']);
  });

  it('writes many appends to one hot stream in one group commit, in order, each answered with its own revision and position', async () => {
    const store = await open();
    const hot = `hot-${randomUUID()}`;
    const commitsBefore = store.stats().commits;

    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => store.append(hot, [event('Hot', i), event('Hot', i)])));

    expect(store.stats().commits - commitsBefore).toBeLessThanOrEqual(2);
    const stored = await store.readStream(hot);
    expect(stored.map((e) => e.revision)).toEqual(Array.from({ length: 40 }, (_, i) => i));
    for (const [i, result] of results.entries()) {
      const last = stored[2 * i + 1];
      expect(result).toEqual({ nextExpectedRevision: last.revision, position: last.position });
      expect(stored[2 * i].data).toEqual(last.data);
    }
  });

  it('frees the append lock of an instance that stalls mid-append, and does not acknowledge its append', async () => {
    const stall = gate();
    let reached: () => void = () => undefined;
    const atCommit = new Promise<void>((resolve) => (reached = resolve));
    const stalled = await open({
      stalledAppendTimeoutMs: 300,
      beforeCommit: async () => {
        reached();
        await stall.opened;
      },
    });
    const healthy = await open();
    const stuck = `stuck-${randomUUID()}`;
    const stuckAppend = stalled.append(stuck, [event('Stuck', 1)]);
    const settled = stuckAppend.then(
      () => 'acknowledged',
      () => 'refused',
    );
    await atCommit;

    const started = Date.now();
    await healthy.append(`healthy-${randomUUID()}`, [event('Healthy', 1)]);
    const waited = Date.now() - started;
    stall.open();

    expect(waited).toBeLessThan(3000);
    expect(await settled).toBe('refused');
    expect(await healthy.readStream(stuck)).toEqual([]);
  });

  it('wakes a subscriber in another instance through NOTIFY, without waiting for its poll', async () => {
    const writer = await open();
    const reader = await open({ pollMs: 60_000 });
    const subscription = reader.subscribeToAll({ after: await reader.headPosition() });
    const iterator = subscription[Symbol.asyncIterator]();
    expect((await iterator.next()).value).toMatchObject({ kind: 'caught_up' });
    await sleep(200); // LISTEN is in place

    const started = Date.now();
    const next = iterator.next();
    await writer.append(`notified-${randomUUID()}`, [event('Notified', 1)]);

    expect((await next).value).toMatchObject({ kind: 'event', event: { type: 'Notified' } });
    expect(Date.now() - started).toBeLessThan(2000);
    await subscription.stop();
  });

  it('keeps delivering by polling when the listening connection is killed, and listens again', async () => {
    const writer = await open();
    const reader = await open({ pollMs: 100 });
    const subscription = reader.subscribeToAll({ after: await reader.headPosition() });
    const iterator = subscription[Symbol.asyncIterator]();
    expect((await iterator.next()).value).toMatchObject({ kind: 'caught_up' });
    await sleep(200);
    const admin = new Client({ connectionString: db.url });
    await admin.connect();
    const killed = await admin.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'solmu-listen' AND datname = current_database()`,
    );
    expect(killed.rowCount).toBe(1);

    await writer.append(`polled-${randomUUID()}`, [event('Polled', 1)]);

    expect((await iterator.next()).value).toMatchObject({ kind: 'event', event: { type: 'Polled' } });
    await sleep(1500);
    const listening = await admin.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'solmu-listen' AND datname = current_database()`);
    expect(listening.rows[0].n).toBe(1);
    await admin.end();
    await subscription.stop();
  });

  it('acknowledges with synchronous_commit on, even where the database default is off', async () => {
    const admin = new Client({ connectionString: db.url });
    await admin.connect();
    await admin.query(`ALTER DATABASE ${db.name} SET synchronous_commit = off`);
    await admin.end();
    const store = await open({
      beforeCommit: async () => undefined,
    });
    // The setting each of the store's connections runs with, read through the store's own pool.
    const pool = (store as unknown as { pool: { query(sql: string): Promise<{ rows: Array<{ synchronous_commit: string }> }> } }).pool;

    const { rows } = await pool.query('SHOW synchronous_commit');

    expect(rows[0].synchronous_commit).toBe('on');
  });

  it('records its schema version and refuses a database written by a newer Solmu', async () => {
    await (await open()).close();
    const admin = new Client({ connectionString: db.url });
    await admin.connect();
    const { rows } = await admin.query(`SELECT version FROM solmu_schema_versions WHERE store = 'event store'`);
    expect(rows).toEqual([{ version: 1 }]);
    await admin.query(`UPDATE solmu_schema_versions SET version = 99 WHERE store = 'event store'`);
    await admin.end();

    await expect(PostgresEventStore.open({ connectionString: db.url })).rejects.toThrow(/newer than this Solmu understands/);
  });

  it('migrates once when several instances start together', async () => {
    const opened = await Promise.all(Array.from({ length: 4 }, () => open()));
    await opened[0].append(`s-${randomUUID()}`, [event('X', 1)]);
    expect(await opened[3].headPosition()).toBeGreaterThan(0);
  });
});
