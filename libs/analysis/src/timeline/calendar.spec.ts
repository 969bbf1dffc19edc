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

  describe('in a network’s time zone', () => {
    it('start at the zone’s midnights and label by its calendar', () => {
      // 31 May 2024 22:30 UTC is already 1 June in Helsinki (UTC+3 in summer).
      const june = bucketStart('month', ms('2024-05-31T22:30:00Z'), 'Europe/Helsinki');
      expect(iso(june)).toBe('2024-05-31T21:00:00.000Z');
      expect(bucketLabel('month', june, 'Europe/Helsinki')).toBe('2024-06');
      expect(bucketLabel('month', bucketStart('month', ms('2024-05-31T22:30:00Z')))).toBe('2024-05');
      // Monday 1 January 2024 00:00 in New York is 05:00 UTC.
      expect(iso(bucketStart('week', ms('2024-01-03T12:00:00Z'), 'America/New_York'))).toBe('2024-01-01T05:00:00.000Z');
      expect(iso(bucketStart('year', ms('2024-06-01T00:00:00Z'), 'Asia/Tokyo'))).toBe('2023-12-31T15:00:00.000Z');
    });

    it('follow daylight saving: the March month is an hour shorter, the October one an hour longer', () => {
      const buckets = calendarBuckets('month', ms('2024-03-10T00:00:00Z'), ms('2024-10-10T00:00:00Z'), { timeZone: 'Europe/Helsinki' });
      const hours = (b: { startMs: number; endMs: number }) => (b.endMs - b.startMs) / 3_600_000;
      expect(buckets.map((b) => b.label)).toEqual(['2024-03', '2024-04', '2024-05', '2024-06', '2024-07', '2024-08', '2024-09', '2024-10']);
      expect([hours(buckets[0]), hours(buckets[1]), hours(buckets[7])]).toEqual([31 * 24 - 1, 30 * 24, 31 * 24 + 1]);
      expect(buckets[1].start).toBe('2024-03-31T21:00:00.000Z');
      // Contiguous: each bucket ends where the next begins.
      for (let i = 1; i < buckets.length; i++) expect(buckets[i].startMs).toBe(buckets[i - 1].endMs);
    });

    it('keeps ISO weeks on the zone’s Mondays across the change of year', () => {
      const weeks = calendarBuckets('week', ms('2020-12-28T12:00:00Z'), ms('2021-01-12T00:00:00Z'), { timeZone: 'Pacific/Auckland' });
      expect(weeks.map((b) => b.label)).toEqual(['2020-W53', '2021-W01', '2021-W02']);
      expect(weeks[0].start).toBe('2020-12-27T11:00:00.000Z');
    });
  });

  it('draw years, labelled by the year', () => {
    expect(calendarBuckets('year', ms('1935-09-01T00:00:00Z'), ms('1937-01-01T00:00:00Z')).map((b) => b.label)).toEqual(['1935', '1936', '1937']);
  });
});
