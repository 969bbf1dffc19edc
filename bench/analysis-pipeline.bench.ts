/**
 * Start-up and memory of the real server (a child process) on the 500,000-interaction network, on
 * SQLite and on PostgreSQL side by side (bench/pipeline-server.ts): start to serving without and
 * with snapshots, the first analysis request (a network loaded from the log, then from its snapshot
 * after an eviction), the server's peak RSS.
 *
 * With `--in-process`, also the analysis as the product runs it, from the store: the synthetic 3-year history of 2,000 members
 * and ~500,000 interactions (bench/analysis-measures.bench.ts) is written to a SQLite event store;
 * then, timed:
 *  1. read everything back and fold it (what the projection does at start-up);
 *  2. the monthly timeline with every measure, phases and coverage (GET …/timeline);
 *  3. the graph "now" with every measure (the first drawing), and the tips;
 *  4. one new interaction arrives: fold it, redraw the "now" graph (the projection's builder updates
 *     only the changed tie), update the live measures (live-measures.ts) and the tips — ten times on
 *     ties that exist, ten times as a new tie; and the error of the live view's sampled betweenness.
 * Run: `npm run bench -- pipeline`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { applyLoggedBy, applyNetworkEvent, createGraphTimeline, createLiveMeasures, createLoggedBy, createWhatIfMemo, createNetworkHistory, graphAt, LiveMeasured, measureGraph, mulberry32, NetworkHistoryEvent, TieGraph, timeline, tips } from '@solmu/analysis';
import { SqliteEventStore } from '../libs/event-store/src/adapters/sqlite/sqlite-event-store';
import { SCENARIOS, synthesiseHistory } from './analysis-measures.bench';
import { fmt, peakRssMb, percentile, report } from './stats';
import { run as runServer } from './pipeline-server';

export async function run(args: string[] = process.argv.slice(2)): Promise<void> {
  await runServer(args);
  if (args.includes('--in-process')) await runInProcess();
}

async function runInProcess(): Promise<void> {
  const scenario = SCENARIOS[0];
  const dir = mkdtempSync(join(tmpdir(), 'solmu-pipeline-'));
  try {
    const path = join(dir, 'events.db');
    const events = synthesiseHistory(scenario, 20250101 + scenario.members);
    const networkId = String((events[0].data as { networkId: string }).networkId);
    let store = new SqliteEventStore({ path });
    for (let i = 0; i < events.length; i += 1000) {
      const batch = events.slice(i, i + 1000);
      await store.append(
        `bench-${i}`,
        batch.map((e, j) => ({ id: uuidv7(), type: e.type, data: { networkId, ...(e.data as object) }, metadata: { actor: `account:logger-${(i + j) % 300}`, source: 'api' } })),
      );
    }
    await store.close();
    report(`stored ${fmt(events.length)} events`, { members: fmt(scenario.members), interactions: fmt(scenario.interactions) });

    let t = performance.now();
    store = new SqliteEventStore({ path });
    const history = createNetworkHistory();
    const loggedBy = createLoggedBy();
    let after: number | undefined;
    for (;;) {
      const page = await store.readAll({ after, maxCount: 10_000 });
      if (page.length === 0) break;
      for (const e of page) {
        applyNetworkEvent(history, { type: e.type, data: e.data, position: e.position } as unknown as NetworkHistoryEvent);
        applyLoggedBy(loggedBy, e);
      }
      after = page[page.length - 1].position;
    }
    const foldS = (performance.now() - t) / 1000;
    report('read the store and fold it', { s: fmt(foldS, 2), 'events/s': fmt(events.length / foldS) });

    for (const window of ['cumulative', 'sliding:180']) {
      t = performance.now();
      const result = timeline(history, { interval: 'month', window, loggedBy });
      report(`monthly timeline, ${window}, every measure`, { buckets: fmt(result.buckets.length), s: fmt((performance.now() - t) / 1000, 2), 'last phase': result.buckets.at(-1)!.phase.name });
    }

    const last = [...history.interactions.values()].reduce((a, b) => (a.occurredMs > b.occurredMs ? a : b));
    const now = new Date(last.occurredMs + 86_400_000);
    // Any date, on a server that has drawn before (JIT warm): a fresh graph and every measure.
    measureGraph(graphAt(history, { at: new Date(now.getTime() - 400 * 86_400_000) }));
    t = performance.now();
    const past = graphAt(history, { at: new Date(now.getTime() - 200 * 86_400_000) });
    const pastBuildMs = performance.now() - t;
    const pastMeasures = measureGraph(past);
    report('graph at a past date, warm: fresh graph + every measure', {
      members: fmt(pastMeasures.network.members),
      ties: fmt(pastMeasures.network.ties),
      'graph ms': fmt(pastBuildMs),
      'with measures ms': fmt(performance.now() - t),
    });

    const builder = createGraphTimeline(history, { window: 'cumulative' });
    const live = createLiveMeasures();
    const whatIf = createWhatIfMemo();
    t = performance.now();
    const first = builder.at(now);
    const buildMs = performance.now() - t;
    const drawn = live.measure(first);
    const measuredMs = performance.now() - t;
    tips(first, drawn, { at: now, history, csr: drawn.csr, whatIf });
    report('graph "now": first drawing, every measure, tips', {
      members: fmt(drawn.network.members),
      ties: fmt(drawn.network.ties),
      betweenness: drawn.betweenness.exact ? 'exact' : `sampled from ${drawn.betweenness.pivots} sources`,
      'graph ms': fmt(buildMs),
      'with measures ms': fmt(measuredMs),
      'with tips ms': fmt(performance.now() - t),
    });
    reportSamplingError(first, drawn);

    // One new interaction at a time, as the projection sees them: on a tie that exists (most
    // interactions in a working network) and between two members who have never met (a new tie).
    let position = (after ?? 0) + 1;
    let occurredMs = last.occurredMs;
    const ids = [...history.members.keys()];
    const random = mulberry32(7);
    const oneInteraction = (newTie: boolean): { redraw: number; measures: number; total: number; update: string } => {
      let pair: [string, string];
      for (;;) {
        const [a, b] = [ids[Math.floor(random() * ids.length)], ids[Math.floor(random() * ids.length)]];
        if (a !== b && first.hasNode(a) && first.hasNode(b) && first.hasEdge(a, b) !== newTie) {
          pair = [a, b];
          break;
        }
      }
      const begin = performance.now();
      occurredMs += 60_000;
      applyNetworkEvent(history, {
        type: 'InteractionLogged',
        data: { interactionId: uuidv7(), networkId, kind: 'co_developed', participants: pair, occurredAt: new Date(occurredMs).toISOString() },
        position: position++,
      } as NetworkHistoryEvent);
      const graph = builder.at(now);
      const redraw = performance.now() - begin;
      const measured = live.measure(graph);
      const measures = performance.now() - begin;
      tips(graph, measured, { at: now, history, csr: measured.csr, whatIf });
      return { redraw, measures, total: performance.now() - begin, update: measured.update };
    };
    for (const newTie of [false, true]) {
      const runs = Array.from({ length: 10 }, () => oneInteraction(newTie));
      const median = (pick: (r: (typeof runs)[number]) => number) => fmt(percentile(runs.map(pick).sort((x, y) => x - y), 50));
      report(`one new interaction, ${newTie ? 'a new tie' : 'on an existing tie'} (10 runs)`, {
        update: runs[0].update,
        'fold+redraw ms': median((r) => r.redraw),
        'with measures ms': median((r) => r.measures),
        'with tips ms (median)': median((r) => r.total),
        max: fmt(Math.max(...runs.map((r) => r.total))),
      });
      console.log(`${''.padEnd(48)} each run, in order (ms): ${runs.map((r) => fmt(r.total)).join(' ')}`);
    }
    report('process', { 'peak RSS MB': fmt(peakRssMb()) });
    await store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** How far the live view's sampled betweenness is from exact on the same graph. */
function reportSamplingError(graph: TieGraph, sampled: LiveMeasured): void {
  if (sampled.betweenness.exact) return;
  const exact = measureGraph(graph);
  const ids = Object.keys(exact.members);
  let worst = 0;
  let sum = 0;
  for (const id of ids) {
    const error = Math.abs(sampled.members[id].betweennessNormalized - exact.members[id].betweennessNormalized);
    worst = Math.max(worst, error);
    sum += error;
  }
  const top = (m: Record<string, { betweenness: number }>) => new Set([...ids].sort((x, y) => m[y].betweenness - m[x].betweenness).slice(0, 10));
  const exactTop = top(exact.members);
  const overlap = [...top(sampled.members)].filter((id) => exactTop.has(id)).length;
  report(`sampled betweenness (${sampled.betweenness.pivots} sources) vs exact`, {
    'centralisation exact': fmt(exact.network.betweennessCentralization, 4),
    sampled: fmt(sampled.network.betweennessCentralization, 4),
    'mean |error| normalised': fmt(sum / ids.length, 5),
    max: fmt(worst, 4),
    'top-10 shared': `${overlap}/10`,
  });
}
