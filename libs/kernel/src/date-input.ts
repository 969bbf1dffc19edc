/**
 * The one rule for dates that people type: every date in the API (query `at`, `from`, `to`; body
 * `occurredAt`, `joinedAt`, `leftAt`, `foundedAt`) is read here, so they all accept the same forms and
 * refuse the rest with a message naming the field, never a crash.
 *
 * Accepted (ISO 8601 extended format, a subset that cannot be misread):
 * - a date: `2024-06-30`;
 * - a date and time without offset: `2024-06-30T14:00`, `2024-06-30T14:00:05`, `2024-06-30T14:00:05.250`;
 * - the same with an offset: `…Z`, `…+03:00`, `…-05:00`.
 * Refused: week dates (`2024-W23`), ordinal dates (`2024-060`), the basic format (`20240601T100000Z`),
 * decimal commas, `24:00`, leap seconds, and years outside 1800–9999 (as written).
 *
 * A date or time without an offset is wall-clock time in the network's zone; a date alone is a whole
 * day, and the caller says which end of it it means (`at` and `to`: the end; `from`: the start).
 * Pure: the zone comes in as an argument and no clock is read.
 */
import { ValidationFailed } from './domain-error';
import { LocalFields, zonedInstant } from './time-zone';

/** Years accepted as written. Older dates are typos or placeholders; Date handles years up to 275,760. */
export const DATE_INPUT_YEARS = { min: 1800, max: 9999 } as const;

/** Which instant a date without a time stands for: its first millisecond or its last. */
export type DayEdge = 'start' | 'end';

export type DateInput =
  /** Written with `Z` or an offset: an instant, whatever the zone. */
  | { kind: 'instant'; ms: number }
  /** A wall-clock date and time, read in a zone. */
  | { kind: 'local'; fields: LocalFields }
  /** A whole day, read in a zone; `fields` holds its midnight. */
  | { kind: 'date'; fields: LocalFields };

export const DATE_INPUT_FORMS = 'a date (2024-06-30), a date and time (2024-06-30T14:00:00) or either with an offset (2024-06-30T14:00:00Z, …+03:00)';

const FORM = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})?)?$/;

/** Parses `value`, or returns the problem in words (for `{ field, problem }`). */
export function parseDateInput(value: unknown): DateInput | { problem: string } {
  if (typeof value !== 'string') return { problem: `must be ${DATE_INPUT_FORMS}` };
  const match = FORM.exec(value);
  if (match === null) return { problem: `must be ${DATE_INPUT_FORMS}; got ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}` };
  const [, y, mo, d, h, mi, s, frac, offset] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (year < DATE_INPUT_YEARS.min || year > DATE_INPUT_YEARS.max) {
    return { problem: `must be a year from ${DATE_INPUT_YEARS.min} to ${DATE_INPUT_YEARS.max}; got ${year}` };
  }
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return { problem: `is not a day of the calendar: ${y}-${mo}-${d}` };
  const fields: LocalFields = { year, month, day, hour: 0, minute: 0, second: 0, millisecond: 0 };
  if (h === undefined) return { kind: 'date', fields };
  fields.hour = Number(h);
  fields.minute = Number(mi);
  fields.second = s === undefined ? 0 : Number(s);
  fields.millisecond = frac === undefined ? 0 : Number(frac.slice(0, 3).padEnd(3, '0'));
  if (fields.hour > 23 || fields.minute > 59 || fields.second > 59) return { problem: `is not a time of day: ${value.slice(11)}` };
  if (offset === undefined) return { kind: 'local', fields };
  let offsetMs = 0;
  if (offset !== 'Z') {
    const hours = Number(offset.slice(1, 3));
    const minutes = Number(offset.slice(4, 6));
    if (hours > 18 || minutes > 59) return { problem: `has an offset no zone uses: ${offset}` };
    offsetMs = (offset[0] === '-' ? -1 : 1) * (hours * 60 + minutes) * 60_000;
  }
  const wall = Date.UTC(year, month - 1, day, fields.hour, fields.minute, fields.second, fields.millisecond);
  return { kind: 'instant', ms: wall - offsetMs };
}

/** The instant `input` stands for in `timeZone`; a date alone is its first or last millisecond. */
export function resolveDateInput(input: DateInput, timeZone: string, edge: DayEdge): number {
  switch (input.kind) {
    case 'instant':
      return input.ms;
    case 'local':
      return zonedInstant(input.fields, timeZone);
    case 'date': {
      if (edge === 'start') return zonedInstant(input.fields, timeZone);
      // The last millisecond before the next day's midnight (days may be 23 or 25 hours long).
      const next = new Date(Date.UTC(input.fields.year, input.fields.month - 1, input.fields.day + 1));
      return zonedInstant({ ...input.fields, year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() }, timeZone) - 1;
    }
  }
}

/**
 * The instant of `value` for `field`, read in `timeZone`; throws ValidationFailed (code `invalid_date`)
 * naming the field when it is not one of the accepted forms.
 */
export function readDateInput(value: unknown, field: string, timeZone: string, edge: DayEdge): number {
  const parsed = parseDateInput(value);
  if ('problem' in parsed) throw ValidationFailed.field(field, parsed.problem, 'invalid_date');
  return resolveDateInput(parsed, timeZone, edge);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
