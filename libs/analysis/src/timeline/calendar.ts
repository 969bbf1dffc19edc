/**
 * Calendar buckets for timelines: ISO weeks (Monday to Monday), calendar months, quarters and years,
 * drawn at the midnights of the network's time zone (an IANA name; UTC unless given), so "June" is June
 * where the network is. The zone comes in as an argument (the library reads no clock or environment);
 * offsets come from Intl (kernel time-zone.ts), so a day may be 23 or 25 hours long around DST changes.
 *
 * A bucket is the half-open interval [start, end): it holds what happened from its first instant up to,
 * not including, the next bucket's first instant. The network "at the end of the bucket" is the network
 * at `end − 1 ms`, i.e. including everything that happened on the bucket's last day.
 */
import { localFields, ValidationFailed, zonedInstant } from '@solmu/kernel';

export const TIMELINE_INTERVALS = ['week', 'month', 'quarter', 'year'] as const;
export type TimelineInterval = (typeof TIMELINE_INTERVALS)[number];

export interface CalendarBucket {
  /** First instant, inclusive (epoch ms). */
  startMs: number;
  /** First instant of the next bucket, exclusive (epoch ms). */
  endMs: number;
  /** ISO strings of the same instants. */
  start: string;
  end: string;
  /** `2024-W05`, `2024-03`, `2024-Q1` or `2024` (ISO week-numbering year for weeks), in the zone. */
  label: string;
}

export interface CalendarOptions {
  /** IANA zone whose midnights bound the buckets; default UTC. */
  timeZone?: string;
  /** Refuse more buckets than this (default MAX_BUCKETS), naming `field` (default `to`). */
  maxBuckets?: number;
  field?: string;
}

/** Refuses timelines longer than this many buckets (about 20 years of weeks). */
export const MAX_BUCKETS = 1100;

const UTC = 'UTC';

/** A local calendar date (months 1–12), normalised through Date.UTC so day 32 is the next month's 1st. */
function localDate(year: number, month: number, day: number): { year: number; month: number; day: number } {
  const date = new Date(Date.UTC(year, month - 1, day));
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** The first instant of a local date in the zone (its midnight, or the moment after a skipped one). */
function midnight(date: { year: number; month: number; day: number }, timeZone: string): number {
  return zonedInstant({ ...date, hour: 0, minute: 0, second: 0, millisecond: 0 }, timeZone);
}

/** First instant of the bucket of `interval` that contains `ms`. */
export function bucketStart(interval: TimelineInterval, ms: number, timeZone: string = UTC): number {
  const { year, month, day } = localFields(ms, timeZone);
  switch (interval) {
    case 'week': {
      // getUTCDay of the local date: Sunday 0 … Saturday 6; days since Monday = (day + 6) % 7.
      const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
      return midnight(localDate(year, month, day - ((weekday + 6) % 7)), timeZone);
    }
    case 'month':
      return midnight({ year, month, day: 1 }, timeZone);
    case 'quarter':
      return midnight({ year, month: month - ((month - 1) % 3), day: 1 }, timeZone);
    case 'year':
      return midnight({ year, month: 1, day: 1 }, timeZone);
  }
}

/** First instant of the bucket after the one starting at `startMs`. */
export function nextBucketStart(interval: TimelineInterval, startMs: number, timeZone: string = UTC): number {
  const { year, month, day } = localFields(startMs, timeZone);
  switch (interval) {
    case 'week':
      return midnight(localDate(year, month, day + 7), timeZone);
    case 'month':
      return midnight(localDate(year, month + 1, 1), timeZone);
    case 'quarter':
      return midnight(localDate(year, month + 3, 1), timeZone);
    case 'year':
      return midnight({ year: year + 1, month: 1, day: 1 }, timeZone);
  }
}

/** The label of the bucket starting at `startMs`. */
export function bucketLabel(interval: TimelineInterval, startMs: number, timeZone: string = UTC): string {
  const { year, month, day } = localFields(startMs, timeZone);
  switch (interval) {
    case 'week': {
      // ISO 8601: the week belongs to the year of its Thursday; week 1 holds the year's first Thursday.
      const thursday = Date.UTC(year, month - 1, day + 3);
      const isoYear = new Date(thursday).getUTCFullYear();
      const week = Math.floor((thursday - Date.UTC(isoYear, 0, 1)) / (7 * 86_400_000)) + 1;
      return `${isoYear}-W${String(week).padStart(2, '0')}`;
    }
    case 'month':
      return `${year}-${String(month).padStart(2, '0')}`;
    case 'quarter':
      return `${year}-Q${Math.floor((month - 1) / 3) + 1}`;
    case 'year':
      return String(year);
  }
}

/** How many buckets of `interval` run from the one containing `fromMs` to the one containing `toMs`, at most `limit + 1`. */
export function countBuckets(interval: TimelineInterval, fromMs: number, toMs: number, timeZone: string = UTC, limit: number = MAX_BUCKETS): number {
  let count = 0;
  for (let start = bucketStart(interval, fromMs, timeZone); start <= toMs && count <= limit; start = nextBucketStart(interval, start, timeZone)) count++;
  return count;
}

/** The buckets from the one containing `fromMs` to the one containing `toMs`, both included. */
export function calendarBuckets(interval: TimelineInterval, fromMs: number, toMs: number, options: CalendarOptions = {}): CalendarBucket[] {
  if (!(TIMELINE_INTERVALS as readonly string[]).includes(interval)) {
    throw ValidationFailed.field('interval', `expected one of ${TIMELINE_INTERVALS.join(', ')}, got "${String(interval)}"`, 'invalid_interval');
  }
  if (toMs < fromMs) throw ValidationFailed.field('to', 'must not be before from', 'invalid_range');
  const timeZone = options.timeZone ?? UTC;
  const maxBuckets = options.maxBuckets ?? MAX_BUCKETS;
  const buckets: CalendarBucket[] = [];
  for (let start = bucketStart(interval, fromMs, timeZone); start <= toMs; ) {
    if (buckets.length === maxBuckets) {
      throw ValidationFailed.field(options.field ?? 'to', `a timeline has at most ${maxBuckets} buckets; shorten the range or use a longer interval`, 'too_many_buckets');
    }
    const end = nextBucketStart(interval, start, timeZone);
    buckets.push({
      startMs: start,
      endMs: end,
      start: new Date(start).toISOString(),
      end: new Date(end).toISOString(),
      label: bucketLabel(interval, start, timeZone),
    });
    start = end;
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
