/**
 * Timeline warming in a real worker thread: the worker computes the dashboard's default timeline a
 * bucket at a time, handling the messages that come in between buckets, so a question asked while
 * it warms is answered before the warm ends; and the dashboard's own request, arriving meanwhile,
 * finishes the warm instead of starting again, with the answer a timeline computed without it gives.
 * The picture's slider stops are warmed next, and the picture's request finds them. Timeline and
 * stops requests themselves are answered a step per turn too, so a question asked right after one
 * is answered first.
 */
import { mulberry32, PictureSteps } from '@solmu/analysis';
import { InMemoryEventStore } from '@solmu/event-store';
import { v7 as uuid } from 'uuid';
import { AnalysisPool } from './analysis-pool';
import { WARMING } from './timeline-warmer';

const NOW = Date.parse('2024-12-31T12:00:00Z');
const START = Date.parse('2022-01-01T00:00:00Z');
const DAY = 86_400_000;
const MEMBERS = 700;

/**
 * Three years of a network of MEMBERS in neighbourhoods with some long ties: a cold monthly
 * timeline of it takes seconds (the warm must be long enough to ask something in the middle).
 */
function networkEvents(networkId: string, interactions: number): Array<{ type: string; data: Record<string, unknown> }> {
  const random = mulberry32(42);
  const id = (i: number) => `m${i}`;
  const events: Array<{ type: string; data: Record<string, unknown> }> = [
    { type: 'NetworkFounded', data: { networkId, name: 'Warm network', foundedAt: new Date(START).toISOString() } },
  ];
  for (let i = 0; i < MEMBERS; i++) {
    events.push({ type: 'MemberJoined', data: { networkId, memberId: id(i), name: `Member ${i}`, memberType: 'company', role: 'member', joinedAt: new Date(START).toISOString() } });
  }
  for (let i = 0; i < interactions; i++) {
    const a = Math.floor(random() * MEMBERS);
    const near = random() < 0.85;
    const b = near ? (a + 1 + Math.floor(random() * 12)) % MEMBERS : Math.floor(random() * MEMBERS);
    if (a === b) continue;
    const occurredAt = new Date(START + Math.floor(random() * 3 * 365 * DAY)).toISOString();
    events.push({ type: 'InteractionLogged', data: { networkId, interactionId: `i${i}`, kind: i % 3 ? 'discussed' : 'co_developed', participants: [id(a), id(b)], occurredAt } });
  }
  return events;
}

async function storeWith(events: ReturnType<typeof networkEvents>) {
  const store = new InMemoryEventStore();
  for (let i = 0; i < events.length; i += 500) {
    await store.append(`s-${i}`, events.slice(i, i + 500).map((event, j) => ({ id: uuid(), ...event, metadata: { actor: `account:${(i + j) % 5}` } })));
  }
  return { store, recorded: await store.readAll() };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function timed<T>(work: Promise<T>): Promise<{ value: T; ms: number }> {
  const t = performance.now();
  const value = await work;
  return { value, ms: performance.now() - t };
}

describe('timeline warming in a worker', () => {
  let pool: AnalysisPool | undefined;
  afterEach(async () => {
    await pool?.stop();
    pool = undefined;
  });

  it('answers a question asked during a warm before the warm ends, and the dashboard request finishes the warm', async () => {
    const { store, recorded } = await storeWith(networkEvents('net-w', 12_000));
    pool = new AnalysisPool(store, 1, { warmTimelines: true });
    recorded.forEach((e) => pool!.forward(e));
    await pool.ask({ kind: 'tie', networkId: 'net-w', a: 'm0', b: 'm1' }, { now: NOW }).catch(() => undefined);
    // The warm starts WARMING.delayMs after that question and takes a few seconds; ask once it is under way.
    const t = performance.now();
    await sleep(WARMING.delayMs + 300);
    const during = await timed(pool.ask({ kind: 'graph', networkId: 'net-w', options: { at: '2022-02-01' } }, { now: NOW }));
    // The dashboard's request then finishes the warm: what it still has to do is what the warm had left
    // when the question was answered. Without slicing the question waits for the whole warm instead,
    // and the dashboard finds the timeline ready.
    const opened = await timed(pool.ask({ kind: 'timeline', networkId: 'net-w', options: { window: 'cumulative' } }, { now: NOW + (performance.now() - t) }));
    expect(during.ms).toBeLessThan(opened.ms);

    // Then the worker warms the picture's stops: the picture's request, later, is answered from that
    // warm (finished or cached): its last stop is the warm's now, not the request's. Without it the
    // request computes its own stops up to its own now.
    await sleep(300);
    const asked = NOW + Math.round(performance.now() - t) + 1_000;
    const stops = (await pool.ask({ kind: 'steps', networkId: 'net-w', options: { interval: 'month' } }, { now: asked })) as PictureSteps;
    // (That the warmed answer equals one computed without warming is the engine spec's: computing it
    // again here took 40 s.)
    expect(Date.parse(stops.steps.at(-1)!)).toBeLessThan(asked);
    expect(stops.steps).toHaveLength(36);

    // The warm's timeline (its open bucket ends at the warm's now) is the one computed without it.
    const warmNow = (opened.value as { to: string }).to;
    expect(Date.parse(warmNow)).toBeGreaterThan(NOW);
    expect(opened.value).toEqual(await pool.ask({ kind: 'timeline', networkId: 'net-w', options: { window: 'cumulative', to: warmNow } }, { now: NOW + 60_000 }));
  }, 120_000);
});

describe('timeline and stops requests in a worker, a step per turn', () => {
  let pool: AnalysisPool | undefined;
  afterEach(async () => {
    await pool?.stop();
    pool = undefined;
  });

  /** A pool with the network loaded and nothing warmed, so each request below is cold. */
  async function loaded(networkId: string): Promise<AnalysisPool> {
    const { store, recorded } = await storeWith(networkEvents(networkId, 12_000));
    const loadedPool = new AnalysisPool(store, 1, { warmTimelines: false });
    recorded.forEach((e) => loadedPool.forward(e));
    await loadedPool.ask({ kind: 'tie', networkId, a: 'm0', b: 'm1' }, { now: NOW }).catch(() => undefined);
    return loadedPool;
  }

  /** The kinds of the answers in the order they arrived. */
  function arrivals(asked: Array<[string, Promise<unknown>]>): Promise<string[]> {
    const order: string[] = [];
    return Promise.all(asked.map(([kind, answer]) => answer.catch(() => undefined).then(() => order.push(kind)))).then(() => order);
  }

  // Answered in one go, the cold request held the worker and the tie history asked right after waited for it.
  it.each([
    ['timeline', { kind: 'timeline', networkId: 'net-s', options: { window: 'cumulative' } }],
    ['steps', { kind: 'steps', networkId: 'net-s', options: { interval: 'month' } }],
  ] as const)('answers a tie history asked right after a cold %s request first', async (kind, request) => {
    pool = await loaded('net-s');
    const order = await arrivals([
      [kind, pool.ask(request, { now: NOW })],
      ['tie', pool.ask({ kind: 'tie', networkId: 'net-s', a: 'm0', b: 'm1' }, { now: NOW })],
    ]);
    expect(order).toEqual(['tie', kind]);
  }, 120_000);

  // The second request gets the first one's computation (joined while under way, or cached): its answer ends
  // at the first one's now; computed again, it would end at its own. (That joining steps the computation once
  // is the engine spec's: here the restarts' cap would hide a second computation.)
  it.each([
    ['timeline', { kind: 'timeline', networkId: 'net-s', options: { window: 'cumulative' } }, (answer: unknown) => (answer as { to: string }).to],
    ['steps', { kind: 'steps', networkId: 'net-s', options: { interval: 'month' } }, (answer: unknown) => (answer as PictureSteps).steps.at(-1)!],
  ] as const)('computes two identical cold %s requests once', async (_kind, request, end) => {
    pool = await loaded('net-s');
    const [first, second] = await Promise.all([pool.ask(request, { now: NOW }), pool.ask(request, { now: NOW + 5_000 })]);
    expect(Date.parse(end(second))).toBeLessThan(NOW + 5_000);
    expect(second).toEqual(first);
  }, 120_000);
});
