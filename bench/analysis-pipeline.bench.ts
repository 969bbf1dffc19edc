/**
 * The analysis as the product runs it, from the store: the synthetic 3-year history of 2,000 members
 * and ~500,000 interactions (bench/analysis-measures.bench.ts) is written to a SQLite event store;
 * then, timed:
 *  1. read everything back and fold it (what the projection does at start-up);
 *  2. the monthly timeline with every measure, phases and coverage (GET …/timeline);
 *  3. the graph "now" with every measure (the first drawing), and the tips;
 *  4. one new interaction arrives: fold it, redraw the "now" graph (the projection's builder updates
 *     only the changed tie), measure it again, and the tips.
 * Run: `npm run bench -- pipeline`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { applyLoggedBy, applyNetworkEvent, createGraphTimeline, createLoggedBy, createNetworkHistory, graphAt, measureGraph, NetworkHistoryEvent, timeline, tips } from '@solmu/analysis';
import { SqliteEventStore } from '../libs/event-store/src/adapters/sqlite/sqlite-event-store';
import { SCENARIOS, synthesiseHistory } from './analysis-measures.bench';
import { fmt, peakRssMb, report } from './stats';

export async function run(): Promise<void> {
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
    t = performance.now();
    const first = builder.at(now);
    const buildMs = performance.now() - t;
    const before = measureGraph(first);
    const measuredMs = performance.now() - t;
    tips(first, before, { at: now, history });
    report('graph "now": first drawing, every measure, tips', {
      members: fmt(before.network.members),
      ties: fmt(before.network.ties),
      'graph ms': fmt(buildMs),
      'with measures ms': fmt(measuredMs),
      'with tips ms': fmt(performance.now() - t),
    });

    const [a, b] = [...history.members.keys()].slice(-2);
    t = performance.now();
    applyNetworkEvent(history, {
      type: 'InteractionLogged',
      data: { interactionId: uuidv7(), networkId, kind: 'co_developed', participants: [a, b], occurredAt: new Date(last.occurredMs + 3_600_000).toISOString() },
      position: (after ?? 0) + 1,
    } as NetworkHistoryEvent);
    const graph = builder.at(now);
    const redrawMs = performance.now() - t;
    const measured = measureGraph(graph);
    const measuredAgainMs = performance.now() - t;
    const advice = tips(graph, measured, { at: now, history });
    report('one new interaction: live graph, measures, tips', {
      'fold+redraw ms': fmt(redrawMs),
      'with measures ms': fmt(measuredAgainMs),
      'with tips ms': fmt(performance.now() - t),
      tips: fmt(advice.length),
    });
    report('process', { 'peak RSS MB': fmt(peakRssMb()) });
    await store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
