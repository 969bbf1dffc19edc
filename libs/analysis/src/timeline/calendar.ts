/**
 * Calendar buckets for timelines: ISO weeks (Monday to Monday), calendar months and quarters, all in
 * UTC so every server and every test draws the same boundaries whatever its time zone.
 *
 * A bucket is the half-open interval [start, end): it holds what happened from its first instant up to,
 * not including, the next bucket's first instant. The network "at the end of the bucket" is the network
 * at `end − 1 ms`, i.e. including everything that happened on the bucket's last day.
 */
import { ValidationFailed } from '@solmu/kernel';

export const TIMELINE_INTERVALS = ['week', 'month', 'quarter'] as const;
export type TimelineInterval = (typeof TIMELINE_INTERVALS)[number];

export interface CalendarBucket {
  /** First instant, inclusive (epoch ms). */
  startMs: number;
  /** First instant of the next bucket, exclusive (epoch ms). */
  endMs: number;
  /** ISO strings of the same instants. */
  start: string;
  end: string;
  /** `2024-W05`, `2024-03` or `2024-Q1` (ISO week-numbering year for weeks). */
  label: string;
}

const DAY_MS = 86_400_000;

/** Refuses timelines longer than this many buckets (about 20 years of weeks). */
export const MAX_BUCKETS = 1100;

/** First instant of the bucket of `interval` that contains `ms`. */
export function bucketStart(interval: TimelineInterval, ms: number): number {
  const date = new Date(ms);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth();
  switch (interval) {
    case 'week': {
      const midnight = Date.UTC(year, month, date.getUTCDate());
      // getUTCDay: Sunday 0 … Saturday 6; days since Monday = (day + 6) % 7.
      return midnight - ((date.getUTCDay() + 6) % 7) * DAY_MS;
    }
    case 'month':
      return Date.UTC(year, month, 1);
    case 'quarter':
      return Date.UTC(year, month - (month % 3), 1);
  }
}

/** First instant of the bucket after the one starting at `startMs`. */
export function nextBucketStart(interval: TimelineInterval, startMs: number): number {
  if (interval === 'week') return startMs + 7 * DAY_MS;
  const date = new Date(startMs);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + (interval === 'month' ? 1 : 3), 1);
}

/** The label of the bucket starting at `startMs`. */
export function bucketLabel(interval: TimelineInterval, startMs: number): string {
  const date = new Date(startMs);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth();
  switch (interval) {
    case 'week': {
      // ISO 8601: the week belongs to the year of its Thursday; week 1 holds the year's first Thursday.
      const thursday = new Date(startMs + 3 * DAY_MS);
      const isoYear = thursday.getUTCFullYear();
      const week = Math.floor((thursday.getTime() - Date.UTC(isoYear, 0, 1)) / (7 * DAY_MS)) + 1;
      return `${isoYear}-W${String(week).padStart(2, '0')}`;
    }
    case 'month':
      return `${year}-${String(month + 1).padStart(2, '0')}`;
    case 'quarter':
      return `${year}-Q${Math.floor(month / 3) + 1}`;
  }
}

/** The buckets from the one containing `fromMs` to the one containing `toMs`, both included. */
export function calendarBuckets(interval: TimelineInterval, fromMs: number, toMs: number): CalendarBucket[] {
  if (!(TIMELINE_INTERVALS as readonly string[]).includes(interval)) {
    throw ValidationFailed.field('interval', `expected one of ${TIMELINE_INTERVALS.join(', ')}, got "${String(interval)}"`, 'invalid_interval');
  }
  if (toMs < fromMs) throw ValidationFailed.field('to', 'must not be before from', 'invalid_range');
  const buckets: CalendarBucket[] = [];
  for (let start = bucketStart(interval, fromMs); start <= toMs; start = nextBucketStart(interval, start)) {
    if (buckets.length === MAX_BUCKETS) {
      throw ValidationFailed.field('to', `a timeline has at most ${MAX_BUCKETS} buckets; shorten the range or use a longer interval`, 'too_many_buckets');
    }
    const end = nextBucketStart(interval, start);
    buckets.push({
      startMs: start,
      endMs: end,
      start: new Date(start).toISOString(),
      end: new Date(end).toISOString(),
      label: bucketLabel(interval, start),
    });
  }
  return buckets;
}

/** Index of the bucket containing `ms`, or -1 when it falls outside them all (buckets are contiguous). */
export function bucketIndex(buckets: readonly CalendarBucket[], ms: number): number {
  if (buckets.length === 0 || ms < buckets[0].startMs || ms >= buckets[buckets.length - 1].endMs) return -1;
  let lo = 0;
  let hi = buckets.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (buckets[mid].startMs <= ms) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
