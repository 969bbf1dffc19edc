import { ValidationFailed } from '@solmu/kernel';
import { MAX_BUCKETS, bucketIndex, bucketLabel, bucketStart, calendarBuckets } from './calendar';

const ms = (iso: string): number => Date.parse(iso);
const iso = (value: number): string => new Date(value).toISOString();

describe('calendar buckets', () => {
  describe('weeks', () => {
    it('start on Monday 00:00 UTC, whatever the day and hour', () => {
      // 2024-01-03 is a Wednesday; 2024-01-07 a Sunday; 2024-01-08 a Monday.
      expect(iso(bucketStart('week', ms('2024-01-03T15:30:00Z')))).toBe('2024-01-01T00:00:00.000Z');
      expect(iso(bucketStart('week', ms('2024-01-07T23:59:59.999Z')))).toBe('2024-01-01T00:00:00.000Z');
      expect(iso(bucketStart('week', ms('2024-01-08T00:00:00Z')))).toBe('2024-01-08T00:00:00.000Z');
    });

    it('are labelled with the ISO week-numbering year and week', () => {
      expect(bucketLabel('week', ms('2024-01-01T00:00:00Z'))).toBe('2024-W01');
      // 1 January 2023 is a Sunday: its week began on 26 December 2022 and is the 52nd of 2022.
      expect(bucketLabel('week', bucketStart('week', ms('2023-01-01T12:00:00Z')))).toBe('2022-W52');
      // 2020 had 53 weeks; the week of Thursday 31 December 2020 is 2020-W53.
      expect(bucketLabel('week', bucketStart('week', ms('2020-12-31T12:00:00Z')))).toBe('2020-W53');
      expect(bucketLabel('week', bucketStart('week', ms('2021-01-04T00:00:00Z')))).toBe('2021-W01');
    });
  });

  it('align months and quarters to the calendar in UTC', () => {
    expect(iso(bucketStart('month', ms('2024-02-29T23:00:00Z')))).toBe('2024-02-01T00:00:00.000Z');
    expect(iso(bucketStart('quarter', ms('2024-06-30T23:59:59Z')))).toBe('2024-04-01T00:00:00.000Z');
    expect(bucketLabel('month', ms('2024-02-01T00:00:00Z'))).toBe('2024-02');
    expect(bucketLabel('quarter', ms('2024-10-01T00:00:00Z'))).toBe('2024-Q4');
  });

  it('cover the range from the bucket of `from` to the bucket of `to`, end exclusive', () => {
    const buckets = calendarBuckets('month', ms('2024-01-15T00:00:00Z'), ms('2024-03-01T00:00:00Z'));
    expect(buckets.map((b) => [b.label, b.start, b.end])).toEqual([
      ['2024-01', '2024-01-01T00:00:00.000Z', '2024-02-01T00:00:00.000Z'],
      ['2024-02', '2024-02-01T00:00:00.000Z', '2024-03-01T00:00:00.000Z'],
      ['2024-03', '2024-03-01T00:00:00.000Z', '2024-04-01T00:00:00.000Z'],
    ]);
    const quarters = calendarBuckets('quarter', ms('2023-11-05T00:00:00Z'), ms('2024-02-01T00:00:00Z'));
    expect(quarters.map((b) => b.label)).toEqual(['2023-Q4', '2024-Q1']);
  });

  it('find the bucket of an instant, or -1 outside them', () => {
    const buckets = calendarBuckets('week', ms('2024-01-01T00:00:00Z'), ms('2024-01-20T00:00:00Z'));
    expect(buckets.map((b) => b.label)).toEqual(['2024-W01', '2024-W02', '2024-W03']);
    expect(bucketIndex(buckets, ms('2024-01-08T00:00:00Z'))).toBe(1);
    expect(bucketIndex(buckets, ms('2024-01-07T23:59:59.999Z'))).toBe(0);
    expect(bucketIndex(buckets, ms('2024-01-22T00:00:00Z'))).toBe(-1);
    expect(bucketIndex(buckets, ms('2023-12-31T23:59:59.999Z'))).toBe(-1);
  });

  it('refuse an unknown interval, a reversed range and a range of too many buckets', () => {
    expect(() => calendarBuckets('day' as never, 0, 1)).toThrow(ValidationFailed);
    expect(() => calendarBuckets('month', ms('2024-02-01T00:00:00Z'), ms('2024-01-01T00:00:00Z'))).toThrow(ValidationFailed);
    expect(() => calendarBuckets('week', ms('2000-01-01T00:00:00Z'), ms('2030-01-01T00:00:00Z'))).toThrow(`at most ${MAX_BUCKETS} buckets`);
  });
});
