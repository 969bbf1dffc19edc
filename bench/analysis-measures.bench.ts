/**
 * The analysis core against its speed goals, on seeded synthetic networks built through the real
 * pipeline (events → history fold → graph at a date → measures):
 *  1. 2,000 members, 500,000 interactions over three years, ~40,000 distinct pairs: fold, graph at the
 *     end, all member + network measures; then a monthly timeline (36 dates) with every measure.
 *  2. 10,000 members, 300,000 interactions: the same single-date figures.
 *  3. networkx (bench/networkx_measures.py, run with python3) on the same edge lists, for the ratio.
 *     On the 10,000-member graph networkx's betweenness and harmonic closeness run from 500 sources
 *     and their times are scaled up (exact would take over five minutes).
 * Run: `node -r ./tools/register-ts.js bench/analysis-measures.bench.ts` (or via bench/run.js).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { INTERACTION_KINDS } from '@solmu/network/published';
import type { InteractionKind } from '@solmu/network/published';
import { createGraphTimeline, foldNetworkHistory, graphAt, measureGraph, mulberry32, toCsr } from '@solmu/analysis';
import type { NetworkHistoryEvent, NetworkMeasures, TieGraph } from '@solmu/analysis';
import { fmt, peakRssMb, report } from './stats';

const DAY = 86_400_000;
const START = Date.UTC(2023, 0, 1);
const YEARS = 3;
const END = START + YEARS * 365 * DAY;

export interface Scenario {
  label: string;
  members: number;
  pairs: number;
  interactions: number;
  /** networkx betweenness sources (null = exact). */
  nxSources: number | null;
  timeline: boolean;
}

export const SCENARIOS: Scenario[] = [
  { label: '2k members', members: 2_000, pairs: 40_000, interactions: 500_000, nxSources: null, timeline: true },
  { label: '10k members', members: 10_000, pairs: 60_000, interactions: 300_000, nxSources: 500, timeline: false },
];

/** Optional arguments: `2k` / `10k` to run one scenario, `no-networkx` to skip the Python side. */
export async function run(args: string[] = process.argv.slice(2)): Promise<void> {
  const only = SCENARIOS.filter((s) => args.includes(s.label.split(' ')[0]));
  for (const scenario of only.length > 0 ? only : SCENARIOS) await runScenario(scenario, !args.includes('no-networkx'));
  report('process', { 'peak RSS MB': fmt(peakRssMb()) });
}

async function runScenario(s: Scenario, withNetworkx: boolean): Promise<void> {
  const events = synthesiseHistory(s, 20250101 + s.members);
  let t = performance.now();
  const history = foldNetworkHistory(events);
  const foldMs = performance.now() - t;
  report(`${s.label}: fold ${fmt(events.length)} events`, { ms: fmt(foldMs), 'µs/event': fmt((foldMs * 1000) / events.length, 2), pairs: fmt(history.pairs.size) });

  t = performance.now();
  const graph = graphAt(history, { at: new Date(END) });
  const buildMs = performance.now() - t;
  t = performance.now();
  const { members, network } = measureGraph(graph);
  const measureMs = performance.now() - t;
  report(`${s.label}: graph at the end + all measures`, {
    members: fmt(graph.order),
    ties: fmt(graph.size),
    'build ms': fmt(buildMs),
    'measures ms': fmt(measureMs),
    'total ms': fmt(buildMs + measureMs),
  });

  if (s.timeline) {
    for (const window of ['cumulative', 'sliding:90']) {
      const timeline = createGraphTimeline(history, { window });
      let graphMs = 0;
      let measuresMs = 0;
      let largest = 0;
      for (let month = 1; month <= 12 * YEARS; month++) {
        const at = new Date(Date.UTC(2023, month, 0, 23, 59, 59));
        t = performance.now();
        const g = timeline.at(at);
        graphMs += performance.now() - t;
        t = performance.now();
        measureGraph(g);
        measuresMs += performance.now() - t;
        largest = Math.max(largest, g.size);
      }
      report(`${s.label}: monthly timeline, ${window}, 36 dates`, {
        'graphs ms': fmt(graphMs),
        'measures ms': fmt(measuresMs),
        'total s': fmt((graphMs + measuresMs) / 1000, 2),
        'largest ties': fmt(largest),
      });
    }
  }

  const nx = withNetworkx ? networkx(graph, s.nxSources) : null;
  if (nx === null) return;
  const ours = (buildMs + measureMs) / 1000;
  const oursMeasures = measureMs / 1000;
  report(`${s.label}: networkx${s.nxSources === null ? '' : ` (betweenness, closeness from ${s.nxSources} sources, scaled)`}`, {
    's total': fmt(nx.total, 1),
    's betweenness': fmt(nx.seconds.betweenness, 1),
    's closeness': fmt(nx.seconds['harmonic closeness'], 1),
    'ratio (measures)': `${fmt(nx.total / oursMeasures, 0)}×`,
    'ratio (build + measures)': `${fmt(nx.total / ours, 0)}×`,
  });
  const maxBetweenness = Math.max(...Object.values(members).map((m) => m.betweenness));
  report(`${s.label}: cross-check with networkx`, crossCheck(network, maxBetweenness, nx.values, s.nxSources === null));
}

interface NxResult {
  seconds: Record<string, number>;
  total: number;
  values: Record<string, number>;
}

function networkx(graph: TieGraph, sources: number | null): NxResult | null {
  const dir = mkdtempSync(join(tmpdir(), 'solmu-bench-'));
  try {
    const csr = toCsr(graph);
    const lines: string[] = [];
    graph.forEachEdge((_key, tie, a, b) => lines.push(`${csr.indexOf.get(a)}\t${csr.indexOf.get(b)}\t${tie.strength}`));
    const file = join(dir, 'edges.tsv');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const script = resolve(__dirname, 'networkx_measures.py');
    const args = [script, file, String(csr.n), ...(sources === null ? [] : ['--sources', String(sources)])];
    return JSON.parse(execFileSync('python3', args, { encoding: 'utf8', maxBuffer: 1 << 24 })) as NxResult;
  } catch (error) {
    console.log(`networkx skipped: ${(error as Error).message.split('\n')[0]}`);
    return null;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function crossCheck(ours: NetworkMeasures, maxBetweenness: number, theirs: Record<string, number>, exactBetweenness: boolean): Record<string, string> {
  const pairs: Array<[string, number, number]> = [
    ['density', ours.density, theirs.density],
    ['transitivity', ours.transitivity, theirs.transitivity],
    ['k-core', ours.largestKCore, theirs.largestKCore],
    ['cliques≥3', ours.maximalCliques, theirs.maximalCliques],
    ['largest clique', ours.largestClique, theirs.largestClique],
    ['components', ours.components, theirs.components],
    ...(exactBetweenness ? [['max betweenness', maxBetweenness, theirs.maxBetweenness] as [string, number, number]] : []),
  ];
  const out: Record<string, string> = {};
  for (const [name, a, b] of pairs) out[name] = Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b)) ? 'same' : `${a} vs ${b}`;
  out['modularity (ours / nx Louvain)'] = `${fmt(ours.modularity, 4)} / ${fmt(theirs.louvainModularity, 4)}`;
  if (!exactBetweenness) out['max betweenness'] = 'not compared (networkx sampled)';
  return out;
}

/**
 * A seeded network of `members` in communities of ~100, joining over the first two years, with
 * `pairs` distinct pairs: the pairs inside n/10 recurring teams of 3–6, the rest dyads (70 % inside a
 * community, members' activity heavy-tailed). `interactions` are dated between the latest join of
 * their participants and the end; 8 % are team meetings, the rest dyadic.
 */
export function synthesiseHistory(s: Scenario, seed: number): NetworkHistoryEvent[] {
  const rng = mulberry32(seed);
  const n = s.members;
  const id = (i: number): string => `00000000-0000-7000-8000-${i.toString(16).padStart(12, '0')}`;
  const joinedMs = Float64Array.from({ length: n }, (_, i) => (i < 0.3 * n ? START : START + Math.floor(rng() * 2 * 365 * DAY)));
  const community = Int32Array.from({ length: n }, () => Math.floor(rng() * Math.max(1, n / 100)));
  const byCommunity = new Map<number, number[]>();
  for (let i = 0; i < n; i++) byCommunity.set(community[i], [...(byCommunity.get(community[i]) ?? []), i]);
  const activity = Float64Array.from({ length: n }, () => Math.min(50, 1 / Math.pow(1 - rng(), 1 / 1.6)));
  const pick = weightedPicker(activity, rng);

  // Recurring teams (3–6 people of one community) meet as groups; everyone else meets in pairs.
  const teams: number[][] = [];
  const pairList: Array<[number, number]> = [];
  const seen = new Set<number>();
  const addPair = (a: number, b: number): void => {
    const key = Math.min(a, b) * n + Math.max(a, b);
    if (a === b || seen.has(key)) return;
    seen.add(key);
    pairList.push([a, b]);
  };
  for (let t = 0; t < n / 10; t++) {
    const local = byCommunity.get(Math.floor(rng() * Math.max(1, n / 100))) ?? [pick()];
    const team = [...new Set(Array.from({ length: 3 + Math.floor(rng() * 4) }, () => local[Math.floor(rng() * local.length)]))];
    if (team.length < 3) continue;
    teams.push(team);
    for (let i = 0; i < team.length; i++) for (let j = i + 1; j < team.length; j++) addPair(team[i], team[j]);
  }
  while (pairList.length < s.pairs) {
    const a = pick();
    const local = byCommunity.get(community[a])!;
    addPair(a, rng() < 0.7 ? local[Math.floor(rng() * local.length)] : pick());
  }
  const pickPair = weightedPicker(Float64Array.from(pairList, () => -Math.log(1 - rng())), rng);
  const kindWeights = weightedPicker(Float64Array.from([30, 25, 20, 10, 7, 5, 3]), rng);

  const events: NetworkHistoryEvent[] = [
    { type: 'NetworkFounded', data: { networkId: 'bench', name: 'Bench network', foundedAt: new Date(START).toISOString() } },
  ];
  for (let i = 0; i < n; i++) {
    events.push({
      type: 'MemberJoined',
      data: { networkId: 'bench', memberId: id(i), name: `Member ${i}`, memberType: 'company', role: 'member', joinedAt: new Date(joinedMs[i]).toISOString() },
    });
  }
  const interactions: Array<{ ms: number; event: NetworkHistoryEvent }> = [];
  for (let k = 0; k < s.interactions; k++) {
    const people = rng() < 0.08 ? teams[Math.floor(rng() * teams.length)] : pairList[pickPair()];
    const a = people[0];
    const from = Math.max(...people.map((p) => joinedMs[p]));
    const ms = from + Math.floor(rng() * (END - from));
    const kind: InteractionKind = INTERACTION_KINDS[kindWeights()];
    interactions.push({
      ms,
      event: {
        type: 'InteractionLogged',
        data: {
          networkId: 'bench',
          interactionId: id(1_000_000 + k),
          kind,
          participants: people.map(id),
          occurredAt: new Date(ms).toISOString(),
          initiator: rng() < 0.5 ? id(a) : undefined,
        },
      },
    });
  }
  // Members log as things happen, so the store holds interactions roughly in date order.
  interactions.sort((x, y) => x.ms - y.ms);
  for (const { event } of interactions) events.push(event);
  return events.map((event, i) => ({ ...event, position: i + 1 }));
}

/** Draws indices with probability proportional to `weights` (cumulative sums + binary search). */
function weightedPicker(weights: Float64Array, rng: () => number): () => number {
  const cumulative = new Float64Array(weights.length);
  let sum = 0;
  for (let i = 0; i < weights.length; i++) cumulative[i] = sum += weights[i];
  return () => {
    const x = rng() * sum;
    let lo = 0;
    let hi = weights.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid] <= x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

if (require.main === module) {
  run().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
