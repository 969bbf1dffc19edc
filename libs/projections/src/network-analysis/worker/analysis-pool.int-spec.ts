/**
 * The analysis pool with real worker threads and an in-memory store: answers equal the analysis
 * computed in this thread, reads see every event forwarded before them, domain errors keep their
 * class, code and field across the thread boundary, files stream, and a worker that dies is started
 * again and refed from the store.
 */
import { foldLoggedBy, foldNetworkHistory, NetworkHistoryEvent, timeline, toDynamicGexf } from '@solmu/analysis';
import { InMemoryEventStore, InMemorySnapshotStore, RecordedEvent } from '@solmu/event-store';
import { NotFound, ValidationFailed } from '@solmu/kernel';
import type { Readable } from 'node:stream';
import type { Worker } from 'node:worker_threads';
import { v7 as uuid } from 'uuid';
import { AnalysisPool } from './analysis-pool';

const NOW = Date.parse('2024-12-31T12:00:00Z');
const members = ['m0', 'm1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7'];

function networkEvents(networkId: string, interactions: number): Array<{ type: string; data: Record<string, unknown> }> {
  const events: Array<{ type: string; data: Record<string, unknown> }> = [
    { type: 'NetworkFounded', data: { networkId, name: `Network ${networkId}`, foundedAt: '2024-01-01T00:00:00Z' } },
  ];
  for (const memberId of members) {
    events.push({ type: 'MemberJoined', data: { networkId, memberId, name: memberId.toUpperCase(), memberType: 'company', role: 'member', joinedAt: '2024-01-01T00:00:00Z' } });
  }
  for (let i = 0; i < interactions; i++) {
    const a = members[i % members.length];
    const b = members[(i * 3 + 1) % members.length];
    if (a === b) continue;
    const day = String(1 + (i % 28)).padStart(2, '0');
    const month = String(1 + (i % 11)).padStart(2, '0');
    events.push({ type: 'InteractionLogged', data: { networkId, interactionId: `${networkId}-i${i}`, kind: i % 3 ? 'discussed' : 'co_developed', participants: [a, b], occurredAt: `2024-${month}-${day}T10:00:00Z` } });
  }
  return events;
}

async function storeWith(...networks: Array<ReturnType<typeof networkEvents>>): Promise<{ store: InMemoryEventStore; recorded: RecordedEvent[] }> {
  const store = new InMemoryEventStore();
  for (const [n, events] of networks.entries()) {
    for (const [i, event] of events.entries()) await store.append(`s-${n}-${i}`, [{ id: uuid(), ...event, metadata: { actor: `account:${i % 3}` } }]);
  }
  return { store, recorded: await store.readAll() };
}

/** The monthly timeline as computed in this thread from the same events. */
function inThreadTimeline(recorded: RecordedEvent[], networkId: string) {
  const own = recorded.filter((e) => e.data.networkId === networkId);
  const history = foldNetworkHistory(own.map((e) => ({ type: e.type, data: e.data, position: e.position }) as unknown as NetworkHistoryEvent));
  return timeline(history, { interval: 'month', window: 'sliding:90', to: new Date(NOW), loggedBy: foldLoggedBy(own) });
}

/** The worker the pool started in place of one that died. */
async function replacementOf(pool: AnalysisPool, dead: Worker): Promise<Worker> {
  while (pool.workerOf('net-a') === dead) await new Promise((resolve) => setTimeout(resolve, 5));
  return pool.workerOf('net-a');
}

async function text(stream: Readable): Promise<string> {
  let out = '';
  for await (const chunk of stream) out += String(chunk);
  return out;
}

describe('AnalysisPool', () => {
  let pool: AnalysisPool | undefined;
  afterEach(async () => {
    await pool?.stop();
    pool = undefined;
  });

  it('answers from its workers exactly what the analysis computes in this thread, for networks on different workers', async () => {
    const { store, recorded } = await storeWith(networkEvents('net-a', 300), networkEvents('net-b', 200), networkEvents('net-c', 100));
    pool = new AnalysisPool(store, 2);
    expect(new Set(['net-a', 'net-b', 'net-c'].map((id) => pool!.shardOf(id))).size).toBe(2);
    recorded.forEach((e) => pool!.forward(e));
    for (const networkId of ['net-a', 'net-b', 'net-c']) {
      const answer = await pool.ask({ kind: 'timeline', networkId, options: { interval: 'month', window: 'sliding:90' } }, { now: NOW });
      expect(answer).toEqual(inThreadTimeline(recorded, networkId));
    }
  }, 30_000);

  it('reads its own writes: an event forwarded just before a request is in the answer, and a repeated one counts once', async () => {
    const { store, recorded } = await storeWith(networkEvents('net-a', 20));
    pool = new AnalysisPool(store, 1);
    recorded.forEach((e) => pool!.forward(e));
    await store.append('late', [{ id: uuid(), type: 'InteractionLogged', data: { networkId: 'net-a', interactionId: 'late', kind: 'discussed', participants: ['m0', 'm7'], occurredAt: '2024-12-30T10:00:00Z' }, metadata: {} }]);
    const [extra] = await store.readAll({ after: recorded[recorded.length - 1].position });
    pool.forward(extra);
    pool.forward(extra);
    const tie = await pool.ask<{ interactions: Array<{ id: string }> }>({ kind: 'tie', networkId: 'net-a', a: 'm0', b: 'm7' }, { now: NOW });
    expect(tie.interactions.map((i) => i.id).filter((id) => id === 'late')).toEqual(['late']);
  }, 30_000);

  it('hands domain errors back with their class, code and field', async () => {
    const { store, recorded } = await storeWith(networkEvents('net-a', 10));
    pool = new AnalysisPool(store, 1);
    recorded.forEach((e) => pool!.forward(e));
    const missing = pool.ask({ kind: 'ego', networkId: 'net-a', memberId: 'nobody', options: {} }, { now: NOW });
    await expect(missing).rejects.toBeInstanceOf(NotFound);
    await expect(missing).rejects.toMatchObject({ kind: 'not_found', code: 'member_not_found', message: 'member nobody was not found' });
    const tooLong = pool.ask({ kind: 'timeline', networkId: 'net-a', options: { interval: 'week', from: '1900-01-01' } }, { now: NOW });
    await expect(tooLong).rejects.toBeInstanceOf(ValidationFailed);
    await expect(tooLong).rejects.toMatchObject({ code: 'too_many_buckets', problems: [expect.objectContaining({ field: 'to' })] });
    await expect(pool.ask({ kind: 'graph', networkId: 'net-x', options: {} }, { now: NOW })).rejects.toMatchObject({ code: 'network_not_found' });
  }, 30_000);

  it('streams a file in pieces that join into the file computed in this thread', async () => {
    const { store, recorded } = await storeWith(networkEvents('net-a', 3000));
    pool = new AnalysisPool(store, 1);
    recorded.forEach((e) => pool!.forward(e));
    const file = await pool.export({ kind: 'export', networkId: 'net-a', format: 'gexf', options: { window: 'sliding:30' } }, { now: NOW });
    expect(file).toMatchObject({ contentType: 'application/gexf+xml; charset=utf-8', filename: 'solmu-net-a.gexf' });
    const history = foldNetworkHistory(recorded.map((e) => ({ type: e.type, data: e.data, position: e.position }) as unknown as NetworkHistoryEvent));
    const expected = toDynamicGexf(history, { window: 'sliding:30', to: new Date(NOW) });
    expect(expected.length).toBeGreaterThan(64 * 1024);
    let pieces = 0;
    file.body.on('data', () => pieces++);
    expect(await text(file.body)).toBe(expected);
    expect(pieces).toBeGreaterThan(1);
  }, 30_000);

  it('starts a worker that died again, refeeds it from the store, and answers as before', async () => {
    const { store, recorded } = await storeWith(networkEvents('net-a', 200));
    pool = new AnalysisPool(store, 1);
    recorded.forEach((e) => pool!.forward(e));
    const request = { kind: 'timeline', networkId: 'net-a', options: { interval: 'month', window: 'sliding:90' } } as const;
    const before = await pool.ask(request, { now: NOW });
    const dead = pool.workerOf('net-a');
    await dead.terminate();
    // An event that arrives while the new worker is being refed is applied after the history.
    await store.append('late', [{ id: uuid(), type: 'InteractionLogged', data: { networkId: 'net-a', interactionId: 'late', kind: 'discussed', participants: ['m0', 'm7'], occurredAt: '2024-12-30T10:00:00Z' }, metadata: {} }]);
    const [late] = await store.readAll({ after: recorded[recorded.length - 1].position });
    pool.forward(late);
    expect(pool.workerOf('net-a')).not.toBe(dead);
    expect(await pool.ask(request, { now: NOW })).toEqual(inThreadTimeline([...recorded, late], 'net-a'));
    expect(await pool.ask(request, { now: NOW })).not.toEqual(before);
  }, 30_000);

  it('survives a worker dying while it is loading a network: the request in flight fails, the next one loads it again', async () => {
    const { store, recorded } = await storeWith(networkEvents('net-a', 200));
    // The first load's read from the store waits for a gate: its worker dies meanwhile.
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    let calls = 0;
    const gated = Object.assign(Object.create(store) as InMemoryEventStore, { readAll: async (options?: object) => (calls++ === 0 && (await gate), store.readAll(options)) });
    pool = new AnalysisPool(gated, 1);
    recorded.forEach((e) => pool!.forward(e));
    const request = { kind: 'timeline', networkId: 'net-a', options: { interval: 'month', window: 'sliding:90' } } as const;
    const inFlight = pool.ask(request, { now: NOW });
    const first = pool.workerOf('net-a');
    await first.terminate();
    await expect(inFlight).rejects.toThrow(/stopped/);
    await replacementOf(pool, first);
    open();
    expect(await pool.ask(request, { now: NOW })).toEqual(inThreadTimeline(recorded, 'net-a'));
  }, 30_000);

  it('evicts a network into its snapshot and takes it up again from it, answering as before', async () => {
    const { store, recorded } = await storeWith(networkEvents('net-a', 300), networkEvents('net-b', 50));
    const snapshots = new InMemorySnapshotStore();
    pool = new AnalysisPool(store, 1, { snapshots });
    recorded.forEach((e) => pool!.forward(e));
    const request = { kind: 'timeline', networkId: 'net-a', options: { interval: 'month', window: 'sliding:90' } } as const;
    await pool.ask(request, { now: NOW });
    // A load that folded the log from the start is snapshotted at once only beyond 10,000 events; eviction writes it.
    await store.append('late', [{ id: uuid(), type: 'InteractionLogged', data: { networkId: 'net-a', interactionId: 'late', kind: 'discussed', participants: ['m0', 'm7'], occurredAt: '2024-12-30T10:00:00Z' }, metadata: {} }]);
    const [late] = await store.readAll({ after: recorded[recorded.length - 1].position });
    pool.forward(late);
    await pool.ask(request, { now: NOW });
    expect(await pool.evict('net-a')).toBe(true);
    expect(pool.heldNetworks().map((n) => n.networkId)).toEqual([]);
    const saved = await snapshots.load('network-analysis:net-a');
    expect(saved).toMatchObject({ position: late.position });

    // The log read for the load starts after the snapshot: nothing of net-a before it is folded again.
    const reads: Array<number | undefined> = [];
    const readAll = store.readAll.bind(store);
    store.readAll = (options) => (reads.push(options?.after), readAll(options));
    expect(await pool.ask(request, { now: NOW })).toEqual(inThreadTimeline([...recorded, late], 'net-a'));
    expect(reads).toHaveLength(0);
  }, 30_000);

  it('ends a worker left holding nothing after an eviction (its heap goes with it) and answers from a fresh one; a worker still holding a network stays', async () => {
    const { store, recorded } = await storeWith(networkEvents('net-a', 300), networkEvents('net-b', 50));
    pool = new AnalysisPool(store, 1, { snapshots: new InMemorySnapshotStore() });
    recorded.forEach((e) => pool!.forward(e));
    const request = { kind: 'timeline', networkId: 'net-a', options: { interval: 'month', window: 'sliding:90' } } as const;
    await pool.ask(request, { now: NOW });
    await pool.ask({ kind: 'tie', networkId: 'net-b', a: 'm0', b: 'm1' }, { now: NOW });
    const first = pool.workerOf('net-a');
    expect(await pool.evict('net-b')).toBe(true);
    expect(pool.workerOf('net-a') === first).toBe(true);

    const exited = new Promise<number>((done) => first.once('exit', done));
    expect(await pool.evict('net-a')).toBe(true);
    expect(pool.workerOf('net-a') === first).toBe(false);
    await exited;
    // An event forwarded to the new worker while it holds nothing, then the network loaded again.
    await store.append('late', [{ id: uuid(), type: 'InteractionLogged', data: { networkId: 'net-a', interactionId: 'late', kind: 'discussed', participants: ['m0', 'm7'], occurredAt: '2024-12-30T10:00:00Z' }, metadata: {} }]);
    const [late] = await store.readAll({ after: recorded[recorded.length - 1].position });
    pool.forward(late);
    expect(await pool.ask(request, { now: NOW })).toEqual(inThreadTimeline([...recorded, late], 'net-a'));
  }, 30_000);

  it('loads a network asked for while its eviction is under way into a fresh worker, not into the old one', async () => {
    const { store, recorded } = await storeWith(networkEvents('net-a', 300));
    pool = new AnalysisPool(store, 1, { snapshots: new InMemorySnapshotStore() });
    recorded.forEach((e) => pool!.forward(e));
    const request = { kind: 'timeline', networkId: 'net-a', options: { interval: 'month', window: 'sliding:90' } } as const;
    await pool.ask(request, { now: NOW });
    const first = pool.workerOf('net-a');
    // Asked again before the worker has answered the eviction (as when it is busy with a bucket of a warm).
    const evicted = pool.evict('net-a');
    const again = pool.ask(request, { now: NOW });
    expect(await evicted).toBe(true);
    expect(await again).toEqual(inThreadTimeline(recorded, 'net-a'));
    expect(pool.workerOf('net-a') === first).toBe(false);
  }, 30_000);

  it('keeps within its memory budget: the network asked about least recently goes first', async () => {
    const { store, recorded } = await storeWith(networkEvents('net-a', 300), networkEvents('net-b', 300));
    pool = new AnalysisPool(store, 1, { snapshots: new InMemorySnapshotStore(), budgetBytes: 1 });
    recorded.forEach((e) => pool!.forward(e));
    await pool.ask({ kind: 'tie', networkId: 'net-a', a: 'm0', b: 'm1' }, { now: NOW }).catch(() => undefined);
    await pool.ask({ kind: 'tie', networkId: 'net-b', a: 'm0', b: 'm1' }, { now: NOW }).catch(() => undefined);
    while (pool.heldNetworks().some((n) => n.loading)) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(pool.heldNetworks().map((n) => n.networkId)).toEqual(['net-b']);
  }, 30_000);
});
