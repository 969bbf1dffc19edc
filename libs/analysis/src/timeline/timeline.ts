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
import { readDateInput } from '@solmu/kernel';
import type { InterventionKind } from '@solmu/network/published';
import type { NetworkHistory } from '../graph/network-history';
import { formatTieWindow, resolveTieWindow } from '../graph/tie-window';
import type { DepthWeights, NetworkMeasures, TieWindow, TieWindowSpec } from '../graph/types';
import type { MeasureOptions } from '../measures/member-measures';
import { classifyPhases } from '../phases/classify-phases';
import type { PhaseBucket, PhaseVerdict } from '../phases/classify-phases';
import { PHASE_RULES } from '../phases/phase-rules';
import type { PhaseRules } from '../phases/phase-rules';
import { bucketMeasures } from './bucket-measures';
import type { BucketMemo } from './bucket-memo';
import { bucketIndex, calendarBuckets, countBuckets, MAX_BUCKETS } from './calendar';
import type { CalendarBucket, TimelineInterval } from './calendar';
import { COVERAGE_RULES, assessCoverage } from './coverage';
import { phaseFigures } from './phase-figures';
import type { StepMemo } from './step-memo';
import type { Coverage, CoverageRules } from './coverage';
import { windowGraphs } from './window-graphs';
import type { MeasureGraph } from './window-graphs';

export const TIMELINE_DEFAULTS = {
  /** Exact betweenness up to this many members at a bucket's end; sampled above. */
  exactBetweennessUpTo: 1000,
  /** Sampled sources when betweenness is estimated. */
  betweennessPivots: 256,
  /**
   * Without an interval, the finest of month, quarter and year that draws at most this many buckets
   * from `from` to `to` (20 years of months, 60 of quarters, then years).
   */
  defaultIntervalBuckets: 240,
  /**
   * Phases are read from the founding: at most this many buckets before `from` are classified (cheaply,
   * without the full measures) to carry the phase in. About 96 years of weeks.
   */
  maxPhaseHistoryBuckets: 5000,
} as const;

/** The intervals a timeline chooses from when none is given, finest first. */
const DEFAULT_INTERVALS: readonly TimelineInterval[] = ['month', 'quarter', 'year'];

export interface TimelineOptions {
  /** Default: chosen so the history fits (see TIMELINE_DEFAULTS.defaultIntervalBuckets); the result says which. */
  interval?: TimelineInterval;
  /** Default `cumulative`. */
  window?: TieWindow | TieWindowSpec;
  /**
   * Default: the network's founding date, else its earliest dated event. A string is read by the API's
   * date rule (kernel date-input.ts) in `timeZone`; a date alone means the start of that day.
   */
  from?: Date | string;
  /**
   * Default: the latest dated event of the history (the library reads no clock; the API passes now).
   * A date alone means the end of that day.
   */
  to?: Date | string;
  /** IANA zone whose midnights bound the buckets and in which offset-less dates are read; default UTC. */
  timeZone?: string;
  weights?: Partial<DepthWeights>;
  /** Who logged each interaction (see foldLoggedBy); without it coverage is "unknown". */
  loggedBy?: ReadonlyMap<string, string>;
  coverageRules?: CoverageRules;
  phaseRules?: PhaseRules;
  /** Passed to the measures (Louvain seed, clique limits…); betweenness pivots are set per bucket. */
  measures?: Omit<MeasureOptions, 'betweenness'>;
  exactBetweennessUpTo?: number;
  betweennessPivots?: number;
  /** Bucket measures remembered across calls (bucket-memo.ts): a graph measured before is not measured again. */
  memo?: BucketMemo;
  /**
   * Where a bucket measured afresh with the picture's options also leaves its member measures as the
   * picture's stop at that instant (step-memo.ts), so pictureSteps with the same memo skips it.
   */
  stepMemo?: StepMemo;
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
  /** `requested`, or `default` when the timeline chose the interval itself. */
  intervalSource: 'requested' | 'default';
  /** The window as a spec string (`cumulative`, `sliding:90`, `decay:60`). */
  window: string;
  /** The zone the buckets were drawn in. */
  timeZone: string;
  /** The instants the range was read as (ISO 8601); absent for an empty history. */
  from?: string;
  to?: string;
  buckets: TimelineBucket[];
}

export function timeline(history: NetworkHistory, options: TimelineOptions): Timeline {
  const steps = timelineSteps(history, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The same timeline computed a bucket at a time: the first `next()` counts the activity (yields 0),
 * each later one builds and measures one more bucket's graph and yields how many buckets are done,
 * and the last returns the timeline. Why: on a long history a cold timeline takes seconds, and a worker warming it ahead
 * answers requests between steps instead of after all of them. The history must not change between
 * steps (the caller starts again when it has); options are read at the first step.
 */
export function* timelineSteps(history: NetworkHistory, options: TimelineOptions): Generator<number, Timeline, void> {
  const window = resolveTieWindow(options.window);
  const timeZone = options.timeZone ?? 'UTC';
  const range = historyRange(history);
  const fromMs = options.from !== undefined ? instantOf(options.from, 'from', timeZone, 'start') : range?.from;
  const toMs = options.to !== undefined ? instantOf(options.to, 'to', timeZone, 'end') : range?.to;
  const interval = options.interval ?? (fromMs !== undefined && toMs !== undefined ? defaultInterval(fromMs, toMs, Math.min(fromMs, range?.from ?? fromMs), timeZone) : 'month');
  const head = { interval, intervalSource: options.interval === undefined ? ('default' as const) : ('requested' as const), window: formatTieWindow(window), timeZone };
  if (fromMs === undefined || toMs === undefined) return { ...head, buckets: [] };
  const requested = calendarBuckets(interval, fromMs, toMs, { timeZone });
  // A phase depends on the buckets before it (trends, confirmations, dormancy), so the rule runs from
  // the founding whatever `from` is asked: the earlier buckets are classified and then left out.
  const historyStart = range !== undefined && range.from < requested[0].startMs ? range.from : requested[0].startMs;
  const before = historyStart < requested[0].startMs
    ? calendarBuckets(interval, historyStart, requested[0].startMs - 1, { timeZone, maxBuckets: TIMELINE_DEFAULTS.maxPhaseHistoryBuckets, field: 'interval' })
    : [];
  const calendar = [...before, ...requested];
  const offset = before.length;
  const activity = countActivity(history, calendar, options.loggedBy ?? null);
  // A pass over every interaction: on a long history a step of its own.
  yield 0;
  const coverageRules = options.coverageRules ?? COVERAGE_RULES;
  const exactUpTo = options.exactBetweennessUpTo ?? TIMELINE_DEFAULTS.exactBetweennessUpTo;
  const pivots = options.betweennessPivots ?? TIMELINE_DEFAULTS.betweennessPivots;

  const measured: Array<{ measures: NetworkMeasures; betweenness: { exact: boolean; pivots: number } }> = [];
  const figures: PhaseBucket['measures'][] = [];
  const instants = calendar.map((bucket) => bucket.endMs - 1);
  let i = 0;
  for (const graph of windowGraphs(history, instants, { window, weights: options.weights })) {
    measureBucket(graph, i++);
    yield i;
  }

  function measureBucket(graph: MeasureGraph, i: number): void {
    if (i < offset) {
      // Before `from`: only what the phase rule reads.
      figures.push(phaseFigures(graph));
      return;
    }
    const k = i - offset;
    if (k > 0 && window.kind === 'cumulative' && activity[i].events === 0 && activity[i].membershipChanges === 0) {
      // Nothing happened: the cumulative graph is the one measured last time.
      measured.push(measured[k - 1]);
      figures.push(measured[k].measures);
      return;
    }
    const n = graph.order;
    const exact = n <= exactUpTo || pivots >= n;
    const measures = bucketMeasures(graph, { ...options.measures, betweenness: { pivots: exact ? null : pivots } }, options.memo, options.stepMemo);
    measured.push({ measures, betweenness: { exact, pivots: exact ? n : pivots } });
    figures.push(measures);
  }

  const phases = classifyPhases(
    calendar.map((bucket, i) => ({
      end: bucket.end,
      measures: figures[i],
      events: activity[i].events,
      ...(activity[i].lastInteractionMs !== null && { lastInteractionAt: new Date(activity[i].lastInteractionMs!).toISOString() }),
    })),
    options.phaseRules ?? PHASE_RULES,
  ).slice(offset);
  const shown = activity.slice(offset);

  const buckets = requested.map(
    (bucket, i): TimelineBucket => ({
      label: bucket.label,
      start: bucket.start,
      end: bucket.end,
      at: new Date(bucket.endMs - 1).toISOString(),
      measures: measured[i].measures,
      betweenness: measured[i].betweenness,
      events: shown[i].events,
      activeMembers: shown[i].active.size,
      newMembers: shown[i].newMembers,
      newTies: shown[i].newTies,
      coverage: assessCoverage(shown[i].loggers, shown[i].active.size, shown[i].events, coverageRules),
      interventions: shown[i].interventions,
      phase: phases[i],
    }),
  );
  return { ...head, from: new Date(fromMs).toISOString(), to: new Date(toMs).toISOString(), buckets };
}

/** An instant given as a Date or as text by the API's date rule, read in `timeZone`. */
function instantOf(value: Date | string, field: string, timeZone: string, edge: 'start' | 'end'): number {
  return value instanceof Date ? value.getTime() : readDateInput(value, field, timeZone, edge);
}

/**
 * The finest default interval that draws the range in at most defaultIntervalBuckets buckets and the
 * history from its start (for the phases) in at most maxPhaseHistoryBuckets; else years.
 */
function defaultInterval(fromMs: number, toMs: number, historyStartMs: number, timeZone: string): TimelineInterval {
  const shown = Math.min(TIMELINE_DEFAULTS.defaultIntervalBuckets, MAX_BUCKETS);
  const history = TIMELINE_DEFAULTS.maxPhaseHistoryBuckets;
  const fits = (interval: TimelineInterval) =>
    countBuckets(interval, fromMs, toMs, timeZone, shown) <= shown && countBuckets(interval, historyStartMs, toMs, timeZone, history) <= history;
  return DEFAULT_INTERVALS.find(fits) ?? 'year';
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
