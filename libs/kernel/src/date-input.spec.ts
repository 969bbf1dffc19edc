import { ValidationFailed } from './domain-error';
import { parseDateInput, readDateInput } from './date-input';
import { canonicalTimeZone, zonedInstant, zoneOffsetMs } from './time-zone';

const iso = (ms: number) => new Date(ms).toISOString();

describe('readDateInput: the one date rule', () => {
  it.each([
    ['2024-06-30T14:00:00Z', '2024-06-30T14:00:00.000Z'],
    ['2024-06-30T14:00:00+03:00', '2024-06-30T11:00:00.000Z'],
    ['2024-06-30T14:00-05:30', '2024-06-30T19:30:00.000Z'],
    ['2024-06-30T14:00:00.123456Z', '2024-06-30T14:00:00.123Z'],
    ['2024-06-30T14:00:00.5Z', '2024-06-30T14:00:00.500Z'],
  ])('reads %s with an offset as the instant it names', (text, expected) => {
    expect(iso(readDateInput(text, 'at', 'Europe/Helsinki', 'end'))).toBe(expected);
  });

  it('reads a date-time without offset as wall-clock time in the zone given', () => {
    expect(iso(readDateInput('2024-06-01T10:00:00', 'from', 'UTC', 'start'))).toBe('2024-06-01T10:00:00.000Z');
    expect(iso(readDateInput('2024-06-01T10:00:00', 'from', 'Europe/Helsinki', 'start'))).toBe('2024-06-01T07:00:00.000Z');
    expect(iso(readDateInput('2024-01-15T10:00', 'from', 'America/New_York', 'start'))).toBe('2024-01-15T15:00:00.000Z');
  });

  it('reads a date alone as the start or the end of that day in the zone', () => {
    expect(iso(readDateInput('1936-02-25', 'at', 'UTC', 'end'))).toBe('1936-02-25T23:59:59.999Z');
    expect(iso(readDateInput('1936-02-25', 'from', 'UTC', 'start'))).toBe('1936-02-25T00:00:00.000Z');
    expect(iso(readDateInput('2024-06-30', 'at', 'Europe/Helsinki', 'end'))).toBe('2024-06-30T20:59:59.999Z');
    expect(iso(readDateInput('2024-06-30', 'from', 'Europe/Helsinki', 'start'))).toBe('2024-06-29T21:00:00.000Z');
  });

  it('ends a 23-hour day (spring forward) an hour early in absolute time', () => {
    const start = readDateInput('2024-03-31', 'from', 'Europe/Helsinki', 'start');
    const end = readDateInput('2024-03-31', 'to', 'Europe/Helsinki', 'end');
    expect(end + 1 - start).toBe(23 * 3_600_000);
  });

  it.each(['2024-W23', '2024-060', '20240601T100000Z', '2024-06-01T10:00:00,5Z', '2024-06-01 10:00', '2024-06-01T24:00:00Z', '2024-06-01T10:00:60Z', '2024-02-30', '2023-02-29', '2024-13-01', '2024-06-01T10:00:00+19:00', '', 'now', '1936-2-5', '2024-06-01T10'])(
    'refuses %j with a problem naming the field',
    (text) => {
      expect(() => readDateInput(text, 'from', 'UTC', 'start')).toThrow(ValidationFailed);
      try {
        readDateInput(text, 'from', 'UTC', 'start');
      } catch (error) {
        expect((error as ValidationFailed).code).toBe('invalid_date');
        expect((error as ValidationFailed).problems[0].field).toBe('from');
      }
    },
  );

  it('refuses years outside 1800–9999 and accepts the ends of that range', () => {
    expect(parseDateInput('1799-12-31')).toEqual({ problem: expect.stringContaining('1800 to 9999') });
    expect(parseDateInput('0001-01-01T00:00:00Z')).toEqual({ problem: expect.stringContaining('1800 to 9999') });
    expect(iso(readDateInput('1800-01-01', 'at', 'UTC', 'start'))).toBe('1800-01-01T00:00:00.000Z');
    expect(iso(readDateInput('9999-12-31', 'at', 'UTC', 'end'))).toBe('9999-12-31T23:59:59.999Z');
  });

  it('refuses what is not text', () => {
    expect(parseDateInput(20240601)).toEqual({ problem: expect.stringContaining('must be a date') });
    expect(parseDateInput(null)).toEqual({ problem: expect.stringContaining('must be a date') });
  });
});

describe('time zones', () => {
  it('knows zones by their IANA names and refuses the rest', () => {
    expect(canonicalTimeZone('Europe/Helsinki')).toBe('Europe/Helsinki');
    expect(canonicalTimeZone('utc')).toBe('UTC');
    expect(canonicalTimeZone('Mars/Olympus')).toBeUndefined();
    expect(canonicalTimeZone('')).toBeUndefined();
    expect(canonicalTimeZone(3)).toBeUndefined();
  });

  it('gives the offset in force at an instant', () => {
    expect(zoneOffsetMs(Date.UTC(2024, 0, 15), 'Europe/Helsinki')).toBe(2 * 3_600_000);
    expect(zoneOffsetMs(Date.UTC(2024, 6, 15), 'Europe/Helsinki')).toBe(3 * 3_600_000);
    expect(zoneOffsetMs(Date.UTC(2024, 6, 15), 'UTC')).toBe(0);
  });

  it('reads a skipped wall time after the jump and a repeated one at its first occurrence', () => {
    const wall = (day: number, hour: number) => ({ year: 2024, month: day === 31 ? 3 : 10, day, hour, minute: 30, second: 0, millisecond: 0 });
    // Helsinki, 31 March 2024: 03:00 → 04:00; 03:30 does not exist and reads as 04:30 (01:30Z).
    expect(iso(zonedInstant(wall(31, 3), 'Europe/Helsinki'))).toBe('2024-03-31T01:30:00.000Z');
    // Helsinki, 27 October 2024: 04:00 → 03:00; 03:30 happens twice, first at 00:30Z.
    expect(iso(zonedInstant(wall(27, 3), 'Europe/Helsinki'))).toBe('2024-10-27T00:30:00.000Z');
  });
});
