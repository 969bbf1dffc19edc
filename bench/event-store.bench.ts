/**
 * Event store throughput on the durable SQLite adapter (WAL, synchronous=FULL: every commit fsync'd):
 *  1. batched appends — 1,000 events per append, one append at a time;
 *  2. single-event appends from 50 concurrent writers — group commit shares transactions;
 *  3. reading everything back in global order, parsed.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { SqliteEventStore } from '../libs/event-store/src/adapters/sqlite/sqlite-event-store';
import { fmt, percentile, report } from './stats';

const BATCHED_EVENTS = 300_000;
const BATCH = 1_000;
const WRITERS = 50;
const SINGLE_APPENDS = 20_000;

/** A realistic InteractionLogged payload (~300 bytes of JSON). */
function interaction() {
  return {
    id: uuidv7(),
    type: 'InteractionLogged',
    data: {
      interactionId: randomUUID(),
      networkId: '01a2083d-57ff-7026-8977-4c0f5d1e0c5e',
      kind: 'exchanged_information',
      participants: [randomUUID(), randomUUID()],
      occurredAt: new Date().toISOString(),
      channel: 'meeting',
    },
    metadata: { actor: 'bench', source: 'api', schemaVersion: 1 },
  };
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'solmu-bench-'));
  try {
    const store = new SqliteEventStore({ path: join(dir, 'bench.db') });

    // Events are made before each timed append: the figure is the store's, not uuid's or JSON's.
    let seconds = 0;
    for (let done = 0; done < BATCHED_EVENTS; done += BATCH) {
      const events = Array.from({ length: BATCH }, interaction);
      const t = performance.now();
      await store.append(`bench-batch-${done}`, events);
      seconds += (performance.now() - t) / 1000;
    }
    report(`batched appends (${BATCH} events each, fsync'd)`, { 'events/s': fmt(BATCHED_EVENTS / seconds), events: fmt(BATCHED_EVENTS), s: fmt(seconds, 2) });

    const latencies: number[] = [];
    const perWriter = SINGLE_APPENDS / WRITERS;
    const before = store.stats();
    let started = performance.now();
    await Promise.all(
      Array.from({ length: WRITERS }, async (_, w) => {
        for (let i = 0; i < perWriter; i += 1) {
          const t = performance.now();
          await store.append(`bench-single-${w}-${i}`, [interaction()], { expectedRevision: 'no_stream' });
          latencies.push(performance.now() - t);
        }
      }),
    );
    seconds = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    const commits = store.stats().commits - before.commits;
    report(`single appends, ${WRITERS} concurrent writers (fsync'd)`, {
      'events/s': fmt(SINGLE_APPENDS / seconds),
      p50: `${fmt(percentile(latencies, 50), 2)} ms`,
      p99: `${fmt(percentile(latencies, 99), 2)} ms`,
      commits: fmt(commits),
      'appends/commit': fmt(SINGLE_APPENDS / commits, 1),
    });

    started = performance.now();
    let read = 0;
    let after: number | undefined;
    for (;;) {
      const page = await store.readAll({ after, maxCount: 10_000 });
      if (page.length === 0) break;
      read += page.length;
      after = page[page.length - 1].position;
    }
    seconds = (performance.now() - started) / 1000;
    report('read all back in global order, parsed', { 'events/s': fmt(read / seconds), events: fmt(read) });
    await store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
