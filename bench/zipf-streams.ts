/**
 * A workload in the manner of the Event Store Benchmark Suite: many small streams of which a
 * Zipf-hot few take most writes, concurrent writers appending one event at a time, and a catch-up
 * subscriber whose lag is measured from each append's acknowledgement to the moment the subscriber
 * is handed the event.
 *
 * Appends carry the stream's exact expected revision, as Solmu's handlers append: each writer knows
 * the revision the stream's previous append left, so a hot stream's appends follow one another (a
 * stream takes one write per commit) while other streams' appends share the commits. Appending with
 * ANY instead would measure something else: an append with no expected revision is checked for an
 * earlier copy of its event by id, a lookup that grows with the stream on PostgreSQL.
 *
 * Stream choice is seeded, so every store gets the same sequence of streams.
 */
import { randomUUID } from 'node:crypto';
import { EventStore, NO_STREAM } from '../libs/event-store/src/event-store.port';
import { fmt, percentile, report } from './stats';

export interface ZipfOptions {
  streams: number;
  /** Zipf exponent: the stream of rank k is chosen with weight 1 / k^s. */
  exponent: number;
  writers: number;
  events: number;
}

export const ZIPF_DEFAULTS: ZipfOptions = { streams: 10_000, exponent: 1.1, writers: 32, events: 20_000 };

/** mulberry32: a small seeded PRNG, so the stream sequence is the same for every store. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** A sampler of ranks 0..n-1 with P(k) ∝ 1/(k+1)^s, by binary search on the cumulative weights. */
function zipf(n: number, s: number, random: () => number): () => number {
  const cumulative = new Float64Array(n);
  let total = 0;
  for (let k = 0; k < n; k += 1) cumulative[k] = total += 1 / (k + 1) ** s;
  return () => {
    const x = random() * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

/**
 * Runs the workload on `store`; the subscriber reads through `subscriberStore` (the same store, or
 * another instance on the same database, to measure the path between instances).
 */
export async function zipfStreams(label: string, store: EventStore, subscriberStore: EventStore = store, options: ZipfOptions = ZIPF_DEFAULTS): Promise<void> {
  const { streams, exponent, writers, events } = options;
  const run = randomUUID().slice(0, 8);
  const pick = zipf(streams, exponent, seeded(12_345));
  const sequence = Array.from({ length: events }, pick);
  const tails = new Map<number, Promise<number | typeof NO_STREAM>>();
  const ackedAt = new Map<string, number>();
  const seenAt = new Map<string, number>();
  const lags: number[] = [];
  const noteLag = (id: string) => {
    const acked = ackedAt.get(id);
    const seen = seenAt.get(id);
    if (acked === undefined || seen === undefined) return;
    // The subscriber may be handed an event before its writer has heard back: no lag then.
    lags.push(Math.max(0, seen - acked));
    ackedAt.delete(id);
    seenAt.delete(id);
  };

  // The subscriber catches up from the head as it is now, then follows live.
  const subscription = subscriberStore.subscribeToAll({ after: await subscriberStore.headPosition() });
  let seenCount = 0;
  let twice = 0;
  const delivered = new Set<string>();
  let allSeen!: () => void;
  const everythingSeen = new Promise<void>((done) => (allSeen = done));
  const subscriber = (async () => {
    for await (const item of subscription) {
      if (item.kind !== 'event' || item.event.type !== 'ZipfBenchEvent' || item.event.metadata.run !== run) continue;
      if (delivered.has(item.event.id)) {
        twice += 1;
        continue;
      }
      delivered.add(item.event.id);
      seenAt.set(item.event.id, performance.now());
      noteLag(item.event.id);
      seenCount += 1;
      if (seenCount === events) allSeen();
    }
  })();

  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: writers }, async () => {
      while (next < events) {
        const rank = sequence[next];
        next += 1;
        const id = randomUUID();
        const event = { id, type: 'ZipfBenchEvent', data: { rank, at: Date.now(), payload: 'x'.repeat(200) }, metadata: { actor: 'bench', run } };
        const streamId = `zipf-${run}-${rank}`;
        // Wait for this stream's previous append (by any writer) and append after its revision.
        const previous = tails.get(rank) ?? Promise.resolve(NO_STREAM);
        let done!: (revision: number) => void;
        tails.set(rank, new Promise<number>((resolve) => (done = resolve)));
        const expectedRevision = await previous;
        const t = performance.now();
        const result = await store.append(streamId, [event], { expectedRevision });
        done(result.nextExpectedRevision);
        const now = performance.now();
        latencies.push(now - t);
        ackedAt.set(id, now);
        noteLag(id);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  await Promise.race([everythingSeen, new Promise((done) => setTimeout(done, 30_000))]);
  await subscription.stop();
  await subscriber;

  latencies.sort((a, b) => a - b);
  lags.sort((a, b) => a - b);
  const counts = new Map<number, number>();
  for (const rank of sequence) counts.set(rank, (counts.get(rank) ?? 0) + 1);
  const top10 = [...counts.values()].sort((a, b) => b - a).slice(0, 10).reduce((sum, n) => sum + n, 0);
  report(`${label}: Zipf streams, ${writers} writers`, {
    'events/s': fmt(events / seconds),
    'append p50': `${fmt(percentile(latencies, 50), 2)} ms`,
    p99: `${fmt(percentile(latencies, 99), 2)} ms`,
    streams: `${fmt(counts.size)} of ${fmt(streams)} (top 10: ${fmt((100 * top10) / events)} % of writes)`,
  });
  report(`${label}: catch-up subscriber lag (ack → seen)`, {
    p50: `${fmt(percentile(lags, 50), 2)} ms`,
    p99: `${fmt(percentile(lags, 99), 2)} ms`,
    max: `${fmt(lags[lags.length - 1] ?? 0, 1)} ms`,
    seen: `${fmt(seenCount)} of ${fmt(events)}, ${fmt(twice)} twice`,
  });
}
