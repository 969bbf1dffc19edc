/**
 * Event store throughput, SQLite and PostgreSQL side by side, every commit durable (SQLite: the WAL
 * fsync'd before acknowledging; PostgreSQL: synchronous_commit=on with fsync on):
 *  1. batched appends — 1,000 events per append, one append at a time;
 *  2. single-event appends from 50 concurrent writers — group commit shares transactions;
 *  3. reading everything back in global order, parsed;
 *  4. the Event Store Benchmark Suite's kind of workload (zipf-streams.ts): many small streams, a
 *     Zipf-hot few, 32 concurrent writers with optimistic concurrency, and a catch-up subscriber's
 *     lag from acknowledgement to delivery; on PostgreSQL once with the subscriber on the writing
 *     instance and once on a second instance (woken by LISTEN/NOTIFY), as several Solmu processes run.
 * Beside them, bare `pg` inserts of the same batches into a plain table on the same server: what
 * the PostgreSQL adapter adds on top of the database itself.
 *
 * PostgreSQL: the server SOLMU_BENCH_DATABASE_URL names (a database the benchmark may fill), or a
 * throwaway one started for the run (initdb + pg_ctl, fsync on) and removed after.
 * `--quick` runs a tenth of everything, to check the benchmark itself.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { v7 as uuidv7 } from 'uuid';
import type { EventStore } from '../libs/event-store/src/event-store.port';
import { PostgresEventStore } from '../libs/event-store/src/adapters/postgres/postgres-event-store';
import { SqliteEventStore } from '../libs/event-store/src/adapters/sqlite/sqlite-event-store';
import { startThrowawayPostgres } from '../libs/testing/src/postgres/postgres-server';
import { fmt, percentile, report } from './stats';
import { ZIPF_DEFAULTS, zipfStreams } from './zipf-streams';

const QUICK = process.argv.includes('--quick');
const BATCHED_EVENTS = QUICK ? 30_000 : 300_000;
const BATCH = 1_000;
const WRITERS = 50;
const SINGLE_APPENDS = QUICK ? 2_000 : 20_000;
const ZIPF = { ...ZIPF_DEFAULTS, events: QUICK ? 2_000 : ZIPF_DEFAULTS.events };

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

type Measured = EventStore & { stats(): { commits: number; appends: number } };

async function measure(name: string, store: Measured): Promise<void> {
  // Events are made before each timed append: the figure is the store's, not uuid's or JSON's.
  let seconds = 0;
  for (let done = 0; done < BATCHED_EVENTS; done += BATCH) {
    const events = Array.from({ length: BATCH }, interaction);
    const t = performance.now();
    await store.append(`bench-batch-${done}`, events);
    seconds += (performance.now() - t) / 1000;
  }
  report(`${name}: batched appends (${BATCH} events each)`, { 'events/s': fmt(BATCHED_EVENTS / seconds), events: fmt(BATCHED_EVENTS), s: fmt(seconds, 2) });

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
  report(`${name}: single appends, ${WRITERS} concurrent writers`, {
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
  report(`${name}: read all back in global order, parsed`, { 'events/s': fmt(read / seconds), events: fmt(read) });
}

/** The same batches as plain multi-row INSERTs into a bare table: the database's own cost. */
async function bareInserts(url: string): Promise<void> {
  const client = new Client({ connectionString: url, options: '-c synchronous_commit=on' });
  await client.connect();
  await client.query(`CREATE TABLE bare_events (
    position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, stream_id text NOT NULL, revision bigint NOT NULL,
    event_id uuid NOT NULL, type text NOT NULL, data json NOT NULL, metadata json NOT NULL, recorded_at timestamptz NOT NULL)`);
  let seconds = 0;
  for (let done = 0; done < BATCHED_EVENTS; done += BATCH) {
    const events = Array.from({ length: BATCH }, interaction);
    const t = performance.now();
    await client.query(
      `INSERT INTO bare_events (stream_id, revision, event_id, type, data, metadata, recorded_at)
       SELECT $1, e.ord - 1, e.id, e.type, e.data, e.metadata, now()
         FROM unnest($2::uuid[], $3::text[], $4::json[], $5::json[]) WITH ORDINALITY AS e (id, type, data, metadata, ord)`,
      [`bare-${done}`, events.map((e) => e.id), events.map((e) => e.type), events.map((e) => JSON.stringify(e.data)), events.map((e) => JSON.stringify(e.metadata))],
    );
    seconds += (performance.now() - t) / 1000;
  }
  report(`bare pg: batched INSERTs (${BATCH} rows each)`, { 'events/s': fmt(BATCHED_EVENTS / seconds), events: fmt(BATCHED_EVENTS), s: fmt(seconds, 2) });
  await client.end();
}

async function withPostgres(work: (url: string) => Promise<void>): Promise<void> {
  const given = process.env.SOLMU_BENCH_DATABASE_URL;
  if (given) return work(given);
  const server = await startThrowawayPostgres({ fsync: true });
  try {
    const admin = new Client({ connectionString: server.url });
    await admin.connect();
    await admin.query('CREATE DATABASE solmu_bench');
    await admin.end();
    await work(server.url.replace(/\/postgres$/, '/solmu_bench'));
  } finally {
    server.stop();
  }
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'solmu-bench-'));
  try {
    const sqlite = new SqliteEventStore({ path: join(dir, 'bench.db') });
    await measure('SQLite', sqlite);
    await zipfStreams('SQLite', sqlite, sqlite, ZIPF);
    await sqlite.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  await withPostgres(async (url) => {
    const postgres = await PostgresEventStore.open({ connectionString: url });
    await measure('PostgreSQL', postgres);
    await zipfStreams('PostgreSQL', postgres, postgres, ZIPF);
    // The subscriber in another instance: what a second Solmu process sees of the first one's writes.
    const other = await PostgresEventStore.open({ connectionString: url });
    await zipfStreams('PostgreSQL, subscriber on another instance', postgres, other, ZIPF);
    await other.close();
    await postgres.close();
    await bareInserts(url);
  });
}
