/**
 * The server's start and memory on the synthetic network of bench/analysis-measures.bench.ts (2,000
 * members, ~500,000 interactions; `--quick`: 300 members, 30,000), on SQLite and PostgreSQL side by
 * side. The built API (`npm run build`) runs as a child process, as `npm start` runs it; for each store:
 *  1. a first start with no snapshots: the whole log is replayed, then the read models are saved;
 *     the first analysis request (a tie's history) folds the network from the log and snapshots it;
 *  2. a second process, started with the snapshots: time from spawning it to its first healthy answer;
 *     the first analysis request (the network loaded from its snapshot); then the network is left idle
 *     until evicted (SOLMU_ANALYSIS_IDLE_SECONDS=3) and asked again;
 *  3. peak RSS (VmHWM) of that second process (main thread and workers), after its start and at the end.
 * PostgreSQL: a throwaway server (initdb + pg_ctl, fsync on) started for the run and removed after.
 * Used by `npm run bench -- pipeline`.
 */
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { NetworkHistoryEvent } from '@solmu/analysis';
import type { EventStore } from '../libs/event-store/src/event-store.port';
import { PostgresEventStore } from '../libs/event-store/src/adapters/postgres/postgres-event-store';
import { SqliteEventStore } from '../libs/event-store/src/adapters/sqlite/sqlite-event-store';
import { startThrowawayPostgres } from '../libs/testing/src/postgres/postgres-server';
import { Scenario, SCENARIOS, synthesiseHistory } from './analysis-measures.bench';
import { fmt, report } from './stats';
import { call } from './http-call';

const root = resolve(__dirname, '..');
const MAIN = process.env.SOLMU_BENCH_MAIN ?? join(root, 'dist/apps/api/apps/api/src/main.js');
const ADMIN = { email: 'bench@solmu.test', password: 'benchmark password' };
const QUICK: Scenario = { label: 'quick', members: 300, pairs: 6_000, interactions: 30_000, nxSources: null, timeline: true };
const IDLE_SECONDS = 3;

export async function run(args: string[]): Promise<void> {
  const scenario = args.includes('--quick') ? QUICK : SCENARIOS[0];
  if (!process.env.SOLMU_BENCH_MAIN) {
    console.log('building the API (nest build api)…');
    execFileSync(join(root, 'node_modules/.bin/nest'), ['build', 'api'], { cwd: root, stdio: 'inherit' });
  }
  const events = synthesiseHistory(scenario, 20250101 + scenario.members);
  const networkId = String((events[0].data as { networkId: string }).networkId);
  const [a, b] = pairOf(events);
  const results: Record<string, Record<string, string>> = {};

  // `--postgres` / `--sqlite`: one store only.
  const only = args.includes('--postgres') ? 'postgres' : args.includes('--sqlite') ? 'sqlite' : undefined;
  const dir = mkdtempSync(join(tmpdir(), 'solmu-pipeline-'));
  if (only !== 'postgres')
  try {
    const path = join(dir, 'solmu.db');
    await fill(new SqliteEventStore({ path }), events, networkId);
    results.SQLite = await measureServer({ SOLMU_DB: path }, networkId, a, b);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  if (only !== 'sqlite') await runPostgres(events, networkId, a, b, results);
  const columns = Object.keys(results);
  const rows = Object.keys(results[columns[0]]);
  console.log(`\n${''.padEnd(52)}${columns.map((c) => c.padStart(12)).join('')}`);
  for (const row of rows) console.log(`${row.padEnd(52)}${columns.map((c) => results[c][row].padStart(12)).join('')}`);
}

async function runPostgres(events: NetworkHistoryEvent[], networkId: string, a: string, b: string, results: Record<string, Record<string, string>>): Promise<void> {
  const server = await startThrowawayPostgres({ fsync: true });
  const dataDir = mkdtempSync(join(tmpdir(), 'solmu-pipeline-pg-'));
  try {
    const admin = new Client({ connectionString: server.url });
    await admin.connect();
    await admin.query('CREATE DATABASE solmu_bench');
    await admin.end();
    const url = server.url.replace(/\/postgres$/, '/solmu_bench');
    await fill(await PostgresEventStore.open({ connectionString: url }), events, networkId);
    // SOLMU_DB only places the local files PostgreSQL does not replace (none with a URL set).
    results.PostgreSQL = await measureServer({ SOLMU_DATABASE_URL: url, SOLMU_DB: join(dataDir, 'solmu.db') }, networkId, a, b);
  } finally {
    server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Two members with a tie: the analysis request asks for its history (little to compute, all to load). */
function pairOf(events: NetworkHistoryEvent[]): [string, string] {
  const logged = events.find((e) => e.type === 'InteractionLogged') as Extract<NetworkHistoryEvent, { type: 'InteractionLogged' }>;
  return [logged.data.participants[0], logged.data.participants[1]];
}

/** The history in the streams the write side reads (network events in `network-<id>`, interactions in batches). */
async function fill(store: EventStore, events: NetworkHistoryEvent[], networkId: string): Promise<void> {
  const t = performance.now();
  const streamOf = (e: NetworkHistoryEvent) => (e.type.startsWith('Interaction') && e.type !== 'InterventionRecorded' ? 'interaction' : 'network');
  for (let i = 0; i < events.length; ) {
    const kind = streamOf(events[i]);
    let j = i;
    while (j < events.length && j - i < 1000 && streamOf(events[j]) === kind) j++;
    await store.append(
      kind === 'network' ? `network-${networkId}` : `interaction-bench-${i}`,
      events.slice(i, j).map((e, k) => ({ id: uuidv7(), type: e.type, data: { networkId, ...(e.data as object) }, metadata: { actor: `account:logger-${(i + k) % 300}`, source: 'api' } })),
    );
    i = j;
  }
  await store.close();
  report(`stored ${fmt(events.length)} events`, { s: fmt((performance.now() - t) / 1000, 1) });
}

async function measureServer(env: Record<string, string>, networkId: string, a: string, b: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const tie = `/networks/${networkId}/ties/${a}/${b}`;
  const ask = async (server: Started, token: string): Promise<number> => {
    const t = performance.now();
    const answer = await call(server.url, 'GET', tie, undefined, token);
    if (answer.status !== 200) throw new Error(`tie history: ${answer.status} ${answer.text.slice(0, 200)}`);
    return (performance.now() - t) / 1000;
  };

  // The first start ever: no snapshot of anything.
  const cold = await startServer(env);
  out['first start (no snapshots: replays the log) s'] = fmt(cold.seconds, 2);
  await cold.logged(/Read models saved/);
  out['first analysis request (network folded from the log) s'] = fmt(await ask(cold, await signIn(cold)), 2);
  await stop(cold.child);

  // Every later start: snapshots of the read models and of the network's analysis.
  const warm = await startServer(env);
  out['start to serving, with snapshots s'] = fmt(warm.seconds, 2);
  out['peak RSS after start MB'] = fmt(peakRss(warm.child.pid!));
  const token = await signIn(warm);
  out['first analysis request (from its snapshot) s'] = fmt(await ask(warm, token), 2);
  await warm.logged(/Evicting the analysis/);
  out['first request after eviction s'] = fmt(await ask(warm, token), 2);
  out['peak RSS, start + analysis requests MB'] = fmt(peakRss(warm.child.pid!));
  await stop(warm.child);
  report(env.SOLMU_DATABASE_URL ? 'PostgreSQL' : 'SQLite', out);
  return out;
}

async function signIn(server: Started): Promise<string> {
  return (await call(server.url, 'POST', '/auth/token', ADMIN)).json.token as string;
}

interface Started {
  child: ChildProcess;
  url: string;
  seconds: number;
  /** Resolves when the server has logged a line matching `pattern` (since it started). */
  logged(pattern: RegExp, timeoutMs?: number): Promise<void>;
}

async function startServer(env: Record<string, string>): Promise<Started> {
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const url = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const child = spawn(process.execPath, ['--single-threaded-gc', MAIN], {
    env: {
      ...process.env,
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'log',
      NO_COLOR: '1',
      SOLMU_ADMIN_EMAIL: ADMIN.email,
      SOLMU_ADMIN_PASSWORD: ADMIN.password,
      SOLMU_ANALYSIS_IDLE_SECONDS: String(IDLE_SECONDS),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    if (process.env.SOLMU_BENCH_VERBOSE) process.stdout.write(chunk);
  });
  const until = Date.now() + 15 * 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}):\n${output.slice(-2000)}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > until) throw new Error('the server did not start');
    await new Promise((r) => setTimeout(r, 20));
  }
  const seconds = (performance.now() - started) / 1000;
  const logged = async (pattern: RegExp, timeoutMs = 10 * 60_000) => {
    const end = Date.now() + timeoutMs;
    while (!pattern.test(output)) {
      if (Date.now() > end) throw new Error(`the server did not log ${pattern}:\n${output.slice(-2000)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  return { child, url, seconds, logged };
}

/** Peak resident set of the server process (main thread and workers), in MB. */
function peakRss(pid: number): number {
  return Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024;
}

/** SIGTERM, as an orchestrator stops it: the server saves its snapshots and exits. */
function stop(child: ChildProcess): Promise<void> {
  return new Promise((done) => {
    if (child.exitCode !== null) return done();
    child.once('exit', () => done());
    child.kill('SIGTERM');
  });
}
