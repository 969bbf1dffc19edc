/**
 * Wall-clock time in a named (IANA) time zone, with nothing but the platform's Intl: the offset of a
 * zone at an instant, an instant's local calendar fields, and the instant of a local date and time.
 * Pure: no clock is read; the zone always comes in as an argument.
 *
 * Why here: the API reads offset-less dates in a network's zone and the timeline draws its weeks and
 * months at that zone's midnights; both sides must agree to the millisecond, so they share this file.
 */

/** DI token for the installation's default zone (SOLMU_TIME_ZONE), given to networks when founded. */
export const DEFAULT_TIME_ZONE = Symbol('DEFAULT_TIME_ZONE');

/** Calendar fields of a wall-clock moment. Months are 1–12. */
export interface LocalFields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * The zone's canonical name (`Europe/Helsinki`, `UTC`) when Intl knows it, else undefined. Accepts
 * what Intl accepts (names are case-insensitive; `utc` reads `UTC`).
 */
export function canonicalTimeZone(name: unknown): string | undefined {
  if (typeof name !== 'string' || name.length === 0 || name.length > 64) return undefined;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (format === undefined) {
    // h23 so midnight reads 0, never 24; era-free numeric fields parse back with Number().
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

const isUtc = (timeZone: string): boolean => timeZone === 'UTC' || timeZone === 'Etc/UTC';

/** The local calendar fields of instant `ms` in `timeZone`. Throws RangeError for an unknown zone. */
export function localFields(ms: number, timeZone: string): LocalFields {
  if (isUtc(timeZone)) {
    const d = new Date(ms);
    return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds(), millisecond: d.getUTCMilliseconds() };
  }
  const fields: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(ms))) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  return { year: fields.year, month: fields.month, day: fields.day, hour: fields.hour, minute: fields.minute, second: fields.second, millisecond: ((ms % 1000) + 1000) % 1000 };
}

/** The zone's offset from UTC at instant `ms`, in milliseconds (Helsinki in summer: +10,800,000). */
export function zoneOffsetMs(ms: number, timeZone: string): number {
  if (isUtc(timeZone)) return 0;
  const f = localFields(ms, timeZone);
  return Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second, f.millisecond) - ms;
}

/**
 * The instant at which the wall clock in `timeZone` shows these fields. In the hour a clock skips
 * (spring forward) the time is read with the offset before the change, i.e. it lands after the jump;
 * in the hour a clock repeats (fall back) the earlier of the two instants is taken.
 */
export function zonedInstant(fields: LocalFields, timeZone: string): number {
  const wall = utcOfFields(fields);
  if (isUtc(timeZone)) return wall;
  // The offset is found by two probes: at the wall time read as UTC, then at the corrected guess.
  const first = wall - zoneOffsetMs(wall, timeZone);
  const second = wall - zoneOffsetMs(first, timeZone);
  if (first === second) {
    // Fall back: the same wall time may also exist an offset-change earlier; take the earlier one.
    const earlier = wall - zoneOffsetMs(first - 3_600_000, timeZone);
    return earlier < first && zoneOffsetMs(earlier, timeZone) === wall - earlier ? earlier : first;
  }
  // Spring forward (the wall time does not exist): use the offset in force before the change.
  return Math.max(first, second);
}

/** Date.UTC for the fields (callers keep years ≥ 100, where Date.UTC reads the year as written). */
function utcOfFields(f: LocalFields): number {
  return Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second, f.millisecond);
}
