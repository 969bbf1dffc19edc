/**
 * The timeline's answer (GET /api/networks/:id/timeline) turned into what the page draws: the
 * measures as series, each bucket's phase as a band, the coverage warnings and the intervention
 * marks. Plain functions without a browser, so they are tested as such (timeline-model.spec.ts).
 */
// Dormant: no interaction logged for a while (libs/analysis/src/phases); a network whose members
// stopped logging shows it, and the page must name it rather than fail.
export type PhaseName = 'founding' | 'deepening' | 'settling' | 'dormant';
export const PHASES: PhaseName[] = ['founding', 'deepening', 'settling', 'dormant'];

export interface Evidence {
  measure: string;
  value: number;
  threshold: number;
  comparison: string;
  met: boolean;
  en: string;
  fi: string;
}

export interface TimelineBucket {
  label: string;
  start: string;
  end: string;
  at: string;
  measures: Record<string, number | Record<string, number>>;
  activeMembers: number;
  coverage: { loggers: string[]; share: number; trusted: boolean };
  interventions: Array<{ id: string; kind: string; title: string; occurredAt: string }>;
  phase: { name: PhaseName; changed: boolean; candidate: string; evidence: Evidence[] };
}

export interface Timeline {
  interval: string;
  intervalSource: string;
  window: string;
  timeZone: string;
  from: string;
  to: string;
  buckets: TimelineBucket[];
}

/** The measures the coordinator follows, in two charts: shares on 0…1, and structural holes counted. */
export const SHARE_MEASURES = ['density', 'degreeCentralization', 'betweennessCentralization', 'averageClustering', 'degreeGini'] as const;
export const COUNT_MEASURES = ['structuralHoles'] as const;
export type ChartMeasure = (typeof SHARE_MEASURES)[number] | (typeof COUNT_MEASURES)[number];

/** One band per run of buckets in the same phase, in seconds (uPlot's time unit). */
export interface Band {
  phase: PhaseName;
  from: number;
  to: number;
  /** Index of the first and last bucket of the run. */
  first: number;
  last: number;
}

const seconds = (iso: string) => Date.parse(iso) / 1000;

/** Neighbouring buckets of the same phase become one band, so a steady phase reads as one stretch. */
export function phaseBands(buckets: readonly TimelineBucket[]): Band[] {
  const bands: Band[] = [];
  buckets.forEach((bucket, index) => {
    const last = bands[bands.length - 1];
    if (last && last.phase === bucket.phase.name && last.last === index - 1) {
      last.to = seconds(bucket.end);
      last.last = index;
    } else bands.push({ phase: bucket.phase.name, from: seconds(bucket.start), to: seconds(bucket.end), first: index, last: index });
  });
  return bands;
}

/** uPlot's columnar data: x (each bucket's middle, in seconds) and one column per measure. */
export function chartColumns(buckets: readonly TimelineBucket[], measures: readonly ChartMeasure[]): [number[], ...Array<Array<number | null>>] {
  const x = buckets.map((b) => (seconds(b.start) + seconds(b.end)) / 2);
  const columns = measures.map((measure) => buckets.map((b) => (typeof b.measures[measure] === 'number' ? (b.measures[measure] as number) : null)));
  return [x, ...columns];
}

/** The bucket whose time span holds `time` (seconds), or -1. */
export function bucketAt(buckets: readonly TimelineBucket[], time: number): number {
  return buckets.findIndex((b) => seconds(b.start) <= time && time < seconds(b.end));
}

/** Buckets whose figures rest on too few members' logs (the API's `coverage.trusted`). */
export function coverageWarnings(buckets: readonly TimelineBucket[]): Array<{ label: string; share: number }> {
  return buckets.filter((b) => !b.coverage.trusted).map((b) => ({ label: b.label, share: b.coverage.share }));
}

/** Interventions of all buckets, once each, in time order, with their time in seconds. */
export function interventionMarks(buckets: readonly TimelineBucket[]): Array<{ id: string; title: string; kind: string; time: number }> {
  const seen = new Map<string, { id: string; title: string; kind: string; time: number }>();
  for (const b of buckets) for (const i of b.interventions) seen.set(i.id, { id: i.id, title: i.title, kind: i.kind, time: seconds(i.occurredAt) });
  return [...seen.values()].sort((a, b) => a.time - b.time);
}

/** The tie window as the API spells it: cumulative, sliding:<days> or decay:<days>. */
export type WindowKind = 'cumulative' | 'sliding' | 'decay';
export function windowParameter(kind: WindowKind, days: number): string {
  return kind === 'cumulative' ? 'cumulative' : `${kind}:${Math.max(1, Math.round(days))}`;
}
