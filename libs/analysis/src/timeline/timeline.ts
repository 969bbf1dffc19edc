/**
 * The timeline: a network's development as a series of calendar buckets (ISO weeks, months or
 * quarters, UTC), each with the network measures at the bucket's end under a tie window, the activity
 * inside the bucket, the logging coverage behind the figures, the interventions made in it, and the
 * development phase with its evidence. It answers the coordinator's first question (seed `004_…txt`):
 * "ollaanko menossa tavoiteltuun suuntaan?" — are we going in the intended direction?
 *
 * Speed: the graphs are built incrementally across the ascending bucket ends (window-graphs.ts), touching
 * only the ties whose window contents changed; bucket activity is counted in one pass over the
 * interactions. The measures are computed per bucket (bucket-measures.ts); above
 * `exactBetweennessUpTo` members betweenness is estimated from `betweennessPivots` sampled sources
 * (Brandes–Pich), and the bucket says so. Under a cumulative window a bucket in which nothing
 * happened reuses the previous bucket's measures (the graph is the same).
 */
import type { InterventionKind } from '@solmu/network/published';
import { toInstant } from '../graph/instant';
import type { NetworkHistory } from '../graph/network-history';
import { formatTieWindow, resolveTieWindow } from '../graph/tie-window';
import type { DepthWeights, NetworkMeasures, TieWindow, TieWindowSpec } from '../graph/types';
import type { MeasureOptions } from '../measures/member-measures';
import { classifyPhases } from '../phases/classify-phases';
import type { PhaseVerdict } from '../phases/classify-phases';
import { PHASE_RULES } from '../phases/phase-rules';
import type { PhaseRules } from '../phases/phase-rules';
import { bucketMeasures } from './bucket-measures';
import { bucketIndex, calendarBuckets } from './calendar';
import type { CalendarBucket, TimelineInterval } from './calendar';
import { COVERAGE_RULES, assessCoverage } from './coverage';
import type { Coverage, CoverageRules } from './coverage';
import { forEachWindowGraph } from './window-graphs';

export const TIMELINE_DEFAULTS = {
  /** Exact betweenness up to this many members at a bucket's end; sampled above. */
  exactBetweennessUpTo: 1000,
  /** Sampled sources when betweenness is estimated. */
  betweennessPivots: 256,
} as const;

export interface TimelineOptions {
  interval: TimelineInterval;
  /** Default `cumulative`. */
  window?: TieWindow | TieWindowSpec;
  /** Default: the network's founding date, else its earliest dated event. */
  from?: Date | string;
  /** Default: the latest dated event of the history (the library reads no clock). */
  to?: Date | string;
  weights?: Partial<DepthWeights>;
  /** Who logged each interaction (see foldLoggedBy); without it coverage is "unknown". */
  loggedBy?: ReadonlyMap<string, string>;
  coverageRules?: CoverageRules;
  phaseRules?: PhaseRules;
  /** Passed to the measures (Louvain seed, clique limits…); betweenness pivots are set per bucket. */
  measures?: Omit<MeasureOptions, 'betweenness'>;
  exactBetweennessUpTo?: number;
  betweennessPivots?: number;
}

export interface InterventionMark {
  id: string;
  kind: InterventionKind;
  title: string;
  occurredAt: string;
}

export interface TimelineBucket {
  /** `2024-W05`, `2024-03`, `2024-Q1`. */
  label: string;
  /** First instant of the bucket (inclusive) and of the next one (exclusive), ISO 8601. */
  start: string;
  end: string;
  /** The instant the measures describe: the bucket's last millisecond. */
  at: string;
  measures: NetworkMeasures;
  /** Betweenness: exact, or estimated from `pivots` sampled sources. */
  betweenness: { exact: boolean; pivots: number };
  /** Interactions that occurred in the bucket (as they stand after corrections and retractions). */
  events: number;
  /** Distinct members who took part in them. */
  activeMembers: number;
  /** Members whose membership began in the bucket (a rejoin counts). */
  newMembers: number;
  /** Pairs whose first interaction ever occurred in the bucket. */
  newTies: number;
  coverage: Coverage;
  interventions: InterventionMark[];
  phase: PhaseVerdict;
}

export interface Timeline {
  interval: TimelineInterval;
  /** The window as a spec string (`cumulative`, `sliding:90`, `decay:60`). */
  window: string;
  buckets: TimelineBucket[];
}

export function timeline(history: NetworkHistory, options: TimelineOptions): Timeline {
  const window = resolveTieWindow(options.window);
  const range = historyRange(history);
  const fromMs = options.from !== undefined ? toInstant(options.from) : range?.from;
  const toMs = options.to !== undefined ? toInstant(options.to) : range?.to;
  if (fromMs === undefined || toMs === undefined) return { interval: options.interval, window: formatTieWindow(window), buckets: [] };
  const calendar = calendarBuckets(options.interval, fromMs, toMs);
  const activity = countActivity(history, calendar, options.loggedBy ?? null);
  const coverageRules = options.coverageRules ?? COVERAGE_RULES;
  const exactUpTo = options.exactBetweennessUpTo ?? TIMELINE_DEFAULTS.exactBetweennessUpTo;
  const pivots = options.betweennessPivots ?? TIMELINE_DEFAULTS.betweennessPivots;

  const measured: Array<{ measures: NetworkMeasures; betweenness: { exact: boolean; pivots: number } }> = [];
  const instants = calendar.map((bucket) => bucket.endMs - 1);
  forEachWindowGraph(history, instants, { window, weights: options.weights }, (graph, i) => {
    if (i > 0 && window.kind === 'cumulative' && activity[i].events === 0 && activity[i].membershipChanges === 0) {
      // Nothing happened: the cumulative graph is the one measured last time.
      measured.push(measured[i - 1]);
      return;
    }
    const n = graph.order;
    const exact = n <= exactUpTo || pivots >= n;
    const measures = bucketMeasures(graph, { ...options.measures, betweenness: { pivots: exact ? null : pivots } });
    measured.push({ measures, betweenness: { exact, pivots: exact ? n : pivots } });
  });

  const phases = classifyPhases(
    calendar.map((bucket, i) => ({
      end: bucket.end,
      measures: measured[i].measures,
      events: activity[i].events,
      ...(activity[i].lastInteractionMs !== null && { lastInteractionAt: new Date(activity[i].lastInteractionMs!).toISOString() }),
    })),
    options.phaseRules ?? PHASE_RULES,
  );

  const buckets = calendar.map(
    (bucket, i): TimelineBucket => ({
      label: bucket.label,
      start: bucket.start,
      end: bucket.end,
      at: new Date(bucket.endMs - 1).toISOString(),
      measures: measured[i].measures,
      betweenness: measured[i].betweenness,
      events: activity[i].events,
      activeMembers: activity[i].active.size,
      newMembers: activity[i].newMembers,
      newTies: activity[i].newTies,
      coverage: assessCoverage(activity[i].loggers, activity[i].active.size, activity[i].events, coverageRules),
      interventions: activity[i].interventions,
      phase: phases[i],
    }),
  );
  return { interval: options.interval, window: formatTieWindow(window), buckets };
}

interface BucketActivity {
  events: number;
  active: Set<string>;
  /** null when who logged is unknown. */
  loggers: Set<string> | null;
  newMembers: number;
  newTies: number;
  /** Joins and leaves in the bucket. */
  membershipChanges: number;
  interventions: InterventionMark[];
  /** The latest interaction up to the bucket's end (epoch ms), across all earlier buckets too. */
  lastInteractionMs: number | null;
}

/** One pass over the interactions, members, pairs and interventions of the history. */
function countActivity(history: NetworkHistory, calendar: readonly CalendarBucket[], loggedBy: ReadonlyMap<string, string> | null): BucketActivity[] {
  const activity: BucketActivity[] = calendar.map(() => ({
    events: 0,
    active: new Set<string>(),
    loggers: loggedBy === null ? null : new Set<string>(),
    newMembers: 0,
    newTies: 0,
    membershipChanges: 0,
    interventions: [],
    lastInteractionMs: null,
  }));
  if (calendar.length === 0) return activity;
  const latestIn = new Float64Array(calendar.length).fill(-Infinity);
  let latestBefore = -Infinity;
  const firstMs = calendar[0].startMs;
  for (const record of history.interactions.values()) {
    const i = bucketIndex(calendar, record.occurredMs);
    if (i < 0) {
      if (record.occurredMs < firstMs && record.occurredMs > latestBefore) latestBefore = record.occurredMs;
      continue;
    }
    const bucket = activity[i];
    bucket.events++;
    for (const participant of record.participants) bucket.active.add(participant);
    if (bucket.loggers !== null) {
      const actor = loggedBy!.get(record.id);
      if (actor !== undefined) bucket.loggers.add(actor);
    }
    if (record.occurredMs > latestIn[i]) latestIn[i] = record.occurredMs;
  }
  let latest = latestBefore;
  for (let i = 0; i < calendar.length; i++) {
    if (latestIn[i] > latest) latest = latestIn[i];
    activity[i].lastInteractionMs = latest === -Infinity ? null : latest;
  }
  for (const member of history.members.values()) {
    for (const span of member.spans) {
      const joined = bucketIndex(calendar, span.joinedMs);
      if (joined >= 0) {
        activity[joined].newMembers++;
        activity[joined].membershipChanges++;
      }
      if (span.leftMs !== undefined) {
        const left = bucketIndex(calendar, span.leftMs);
        if (left >= 0) activity[left].membershipChanges++;
      }
    }
  }
  for (const pair of history.pairs.values()) {
    if (pair.entries.length === 0) continue;
    const i = bucketIndex(calendar, pair.entries[0].occurredMs);
    if (i >= 0) activity[i].newTies++;
  }
  for (const intervention of history.interventions.values()) {
    const ms = Date.parse(intervention.occurredAt);
    const i = bucketIndex(calendar, ms);
    if (i >= 0) activity[i].interventions.push({ id: intervention.id, kind: intervention.kind, title: intervention.title, occurredAt: intervention.occurredAt });
  }
  for (const bucket of activity) {
    bucket.interventions.sort((a, b) => Date.parse(a.occurredAt) - Date.parse(b.occurredAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
  return activity;
}

/** From the founding (or the earliest dated event) to the latest dated event; undefined for an empty history. */
export function historyRange(history: NetworkHistory): { from: number; to: number } | undefined {
  let from = Infinity;
  let to = -Infinity;
  const see = (ms: number): void => {
    if (ms < from) from = ms;
    if (ms > to) to = ms;
  };
  for (const record of history.interactions.values()) see(record.occurredMs);
  for (const member of history.members.values()) {
    for (const span of member.spans) {
      see(span.joinedMs);
      if (span.leftMs !== undefined) see(span.leftMs);
    }
  }
  for (const intervention of history.interventions.values()) {
    const ms = Date.parse(intervention.occurredAt);
    if (Number.isFinite(ms)) see(ms);
  }
  if (history.foundedAt !== undefined) {
    const founded = Date.parse(history.foundedAt);
    if (Number.isFinite(founded)) {
      see(founded);
      from = founded;
    }
  }
  return from === Infinity ? undefined : { from, to };
}
