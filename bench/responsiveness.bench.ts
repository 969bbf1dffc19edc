/**
 * Does analysis stall the server? The synthetic network of bench/analysis-measures.bench.ts (2,000
 * members, ~500,000 interactions over three years; `--quick`: 300 members, 30,000 interactions) is
 * written to a SQLite store and the built API (`npm run build`) starts on it as a child process. Then,
 * twice — without and with analysis load — for the same number of seconds:
 *  - one client logs interactions (POST …/interactions) at a steady 200 per second, open loop;
 *  - one client asks GET /api/health 20 times a second;
 *  - with load only: a third client asks, one after another, the monthly timeline and the dynamic
 *    GEXF export of the network.
 * It reports logging p50/p99 and health p99 for both runs (goal under load: logging p99 ≤ 50 ms and
 * health p99 ≤ 20 ms), the server's peak RSS (VmHWM: the main thread and its analysis workers), and
 * then checks that the server's timeline and GEXF equal the analysis computed here, in this thread,
 * from the same events. This process keeps nothing large while it measures (its own pauses would
 * count as the server's). Run: `npm run bench -- responsiveness [--quick]`; `SOLMU_BENCH_MAIN=<main.js>`
 * measures another build (say, an older commit's) instead of building this one.
 */
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { v7 as uuidv7 } from 'uuid';
import { foldLoggedBy, foldNetworkHistory, membershipAt, NetworkHistoryEvent, timeline, toDynamicGexf } from '@solmu/analysis';
import { SqliteEventStore } from '../libs/event-store/src/adapters/sqlite/sqlite-event-store';
import { Scenario, SCENARIOS, synthesiseHistory } from './analysis-measures.bench';
import { fmt, percentile, report } from './stats';
import { call } from './http-call';

const root = resolve(__dirname, '..');
/** Another build to measure (e.g. an older commit's, for a before/after), instead of building this one. */
const OTHER_MAIN = process.env.SOLMU_BENCH_MAIN;
const MAIN = OTHER_MAIN ?? join(root, 'dist/apps/api/apps/api/src/main.js');
const ADMIN = { email: 'bench@solmu.test', password: 'benchmark password' };
const LOGS_PER_S = 200;
const PINGS_PER_S = 20;
const QUICK: Scenario = { label: 'quick', members: 300, pairs: 6_000, interactions: 30_000, nxSources: null, timeline: true };
const TIMELINE = 'interval=month&window=sliding:180';

export async function run(args: string[] = process.argv.slice(2)): Promise<void> {
  const quick = args.includes('--quick');
  const scenario = quick ? QUICK : SCENARIOS[0];
  const seconds = quick ? 10 : 30;
  const dir = mkdtempSync(join(tmpdir(), 'solmu-responsiveness-'));
  let server: ChildProcess | undefined;
  try {
    if (OTHER_MAIN) console.log(`measuring ${OTHER_MAIN}`);
    else {
      console.log('building the API (nest build api)…');
      execFileSync(join(root, 'node_modules/.bin/nest'), ['build', 'api'], { cwd: root, stdio: 'inherit' });
    }

    const db = join(dir, 'solmu.db');
    const { networkId, members, stored } = await prepareStore(db, scenario);
    report(`stored ${fmt(stored)} events`, { members: fmt(scenario.members), interactions: fmt(scenario.interactions) });
    // This process measures latencies: its own garbage collection must not stall it mid-measurement.
    collectGarbage();

    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const t = performance.now();
    // As `npm start` runs it (docs/architecture.md, "Analysis off the event loop").
    server = spawn(process.execPath, ['--single-threaded-gc', MAIN], {
      env: {
        ...process.env,
        SOLMU_DB: db,
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        SOLMU_ADMIN_EMAIL: ADMIN.email,
        SOLMU_ADMIN_PASSWORD: ADMIN.password,
        SOLMU_WRITES_PER_MINUTE: '100000000',
      },
      stdio: 'inherit',
    });
    await waitForHealth(url, 15 * 60_000);
    report('server started and caught up', { s: fmt((performance.now() - t) / 1000, 1), workers: process.env.SOLMU_ANALYSIS_WORKERS ?? 'default (cores − 1)' });
    const token = (await call(url, 'POST', '/auth/token', ADMIN)).json.token as string;

    // A few seconds of logging first, so the server's code is warm in both runs.
    await load(url, token, networkId, members, 3, false);
    for (const withAnalysis of [false, true]) {
      const figures = await load(url, token, networkId, members, seconds, withAnalysis);
      report(withAnalysis ? `${seconds} s with analysis load` : `${seconds} s without analysis load`, figures);
    }
    await compareWithThisThread(url, token, networkId, db);
    report('server process', { 'peak RSS MB': fmt(peakRssOf(server.pid!)) });
  } finally {
    if (server) await stop(server);
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Logging at a steady rate and health pings for `seconds`, optionally with analysis requests back to back. */
async function load(url: string, token: string, networkId: string, members: string[], seconds: number, withAnalysis: boolean): Promise<Record<string, string>> {
  const logging: number[] = [];
  const health: number[] = [];
  const analysis: number[] = [];
  let failures = 0;
  let firstFailure = '';
  const end = performance.now() + seconds * 1000;
  const inFlight: Array<Promise<void>> = [];
  const timed = async (into: number[], request: () => Promise<{ status: number; text?: string }>, ok: number) => {
    const started = performance.now();
    const answer = await request().catch((error: Error) => ({ status: 0, text: error.message }));
    into.push(performance.now() - started);
    if (answer.status !== ok) {
      failures++;
      firstFailure ||= `${answer.status} ${answer.text?.slice(0, 200)}`;
    }
  };
  const steady = (perSecond: number, send: (n: number) => Promise<void>) =>
    new Promise<void>((done) => {
      const started = performance.now();
      let n = 0;
      const tick = () => {
        const now = performance.now();
        // Open loop: every request due by now is sent, whether earlier ones have been answered or not.
        while (n < ((now - started) / 1000) * perSecond && now < end) inFlight.push(send(n++));
        if (now < end) setTimeout(tick, 1);
        else done();
      };
      tick();
    });
  let n = 0;
  const log = () => {
    n++;
    const a = members[(n * 7919) % members.length];
    const b = members[(n * 104_729 + 1) % members.length];
    const participants = a === b ? [a, members[(n + 1) % members.length]] : [a, b];
    return timed(logging, () => call(url, 'POST', `/networks/${networkId}/interactions`, { kind: 'discussed', participants, occurredAt: new Date().toISOString() }, token), 201);
  };
  const analyse = async () => {
    for (let i = 0; performance.now() < end; i++) {
      const path = i % 2 === 0 ? `/networks/${networkId}/timeline?${TIMELINE}` : `/networks/${networkId}/export?format=gexf`;
      await timed(analysis, () => drain(url, path, token), 200);
    }
  };
  await Promise.all([steady(LOGS_PER_S, log), steady(PINGS_PER_S, () => timed(health, () => call(url, 'GET', '/health'), 200)), withAnalysis ? analyse() : Promise.resolve()]);
  await Promise.all(inFlight);
  const sorted = (list: number[]) => list.slice().sort((x, y) => x - y);
  const [l, h, a] = [sorted(logging), sorted(health), sorted(analysis)];
  return {
    logged: fmt(l.length),
    'logging p50': `${fmt(percentile(l, 50), 1)} ms`,
    'logging p99': `${fmt(percentile(l, 99), 1)} ms`,
    'health p99': `${fmt(percentile(h, 99), 1)} ms`,
    ...(withAnalysis && { 'analysis answers': fmt(a.length), 'analysis p50': `${fmt(percentile(a, 50) / 1000, 2)} s` }),
    failures: failures === 0 ? '0' : `${fmt(failures)} (first: ${firstFailure})`,
  };
}

/** The history written to the store; only what the load needs is kept in this process. */
async function prepareStore(db: string, scenario: Scenario): Promise<{ networkId: string; members: string[]; stored: number }> {
  const events = synthesiseHistory(scenario, 20250101 + scenario.members);
  const networkId = String((events[0].data as { networkId: string }).networkId);
  const recorded = await writeStore(db, events, networkId);
  const history = foldNetworkHistory(recorded.map((e) => ({ type: e.type, data: e.data, position: e.position }) as unknown as NetworkHistoryEvent));
  const members = [...history.members.values()].filter((m) => membershipAt(m, Date.now()) !== undefined).map((m) => m.id);
  return { networkId, members, stored: recorded.length };
}

/**
 * Answers unchanged: the server's monthly timeline (up to the end of the synthetic history, so the
 * interactions logged by the load do not count) and its GEXF (everything, read back from the store)
 * equal the analysis computed here, in this thread, from the same events.
 */
async function compareWithThisThread(url: string, token: string, networkId: string, db: string): Promise<void> {
  const to = new Date(Date.UTC(2025, 11, 31, 23, 59, 59, 999)).toISOString();
  let t = performance.now();
  const served = await call(url, 'GET', `/networks/${networkId}/timeline?${TIMELINE}&to=${to}`, undefined, token);
  const timelineS = (performance.now() - t) / 1000;
  t = performance.now();
  const gexf = await call(url, 'GET', `/networks/${networkId}/export?format=gexf`, undefined, token);
  const gexfS = (performance.now() - t) / 1000;
  const store = new SqliteEventStore({ path: db });
  const recorded = await store.readAll();
  await store.close();
  const history = foldNetworkHistory(recorded.map((e) => ({ type: e.type, data: e.data, position: e.position }) as unknown as NetworkHistoryEvent));
  const expected = timeline(history, { interval: 'month', window: 'sliding:180', to, loggedBy: foldLoggedBy(recorded) });
  report('server answers vs this thread', {
    'monthly timeline': JSON.stringify(served.json) === JSON.stringify(expected) ? 'identical' : 'DIFFERENT',
    GEXF: gexf.text === toDynamicGexf(history, { to: new Date() }) ? 'identical' : 'DIFFERENT (if the day changed meanwhile, run again)',
    'timeline s (idle server)': fmt(timelineS, 2),
    'GEXF s': fmt(gexfS, 2),
    'GEXF MB': fmt(gexf.text.length / 2 ** 20, 1),
  });
}

/** A full collection now, so none is due while latencies are measured (Node has gc() behind a flag). */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

/**
 * The history in the streams the write side reads: network events in `network-<id>` (so the network
 * and its members exist for new commands), interactions in batches of interaction streams, in order.
 */
export async function writeStore(path: string, events: NetworkHistoryEvent[], networkId: string) {
  const store = new SqliteEventStore({ path });
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
  const recorded = await store.readAll();
  await store.close();
  return recorded;
}

/** A GET whose body is read and dropped as it arrives (a GEXF is 100 MB; this process must stay light). */
async function drain(url: string, path: string, token: string): Promise<{ status: number }> {
  const response = await fetch(`${url}/api${path}`, { headers: { authorization: `Bearer ${token}` } });
  for await (const _chunk of response.body ?? []) {
    // dropped
  }
  return { status: response.status };
}

/** Peak resident set of a process (Linux), in MB. */
function peakRssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? NaN) / 1024;
}

function freePort(): Promise<number> {
  return new Promise((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

async function waitForHealth(url: string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      // not listening yet: still replaying the store
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('the API did not start');
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((done) => {
    if (child.exitCode !== null) return done();
    child.once('exit', () => done());
    child.kill('SIGTERM');
  });
}
