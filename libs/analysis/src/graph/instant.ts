/**
 * Turning the caller's "at" into an instant. Dates come in from the API as ISO strings or as Date
 * objects; the graph is always built at an explicit instant, never at "now" (the library reads no clock).
 *
 * Convention: a date without a time ("2025-03-31") means the END of that UTC day, so "the network on
 * 31 March" includes what happened during 31 March. A full timestamp is taken as given.
 */
import { ValidationFailed } from '@solmu/kernel';

export const DAY_MS = 86_400_000;

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** Milliseconds since the epoch for `at`; throws ValidationFailed (field `at`) when it is not a date. */
export function toInstant(at: Date | string): number {
  const ms =
    at instanceof Date
      ? at.getTime()
      : DATE_ONLY.test(at)
        ? Date.parse(`${at}T00:00:00.000Z`) + DAY_MS - 1
        : Date.parse(at);
  if (!Number.isFinite(ms)) throw ValidationFailed.field('at', `expected an ISO 8601 date, got "${String(at)}"`, 'invalid_date');
  return ms;
}

/** Milliseconds of an ISO timestamp stored in an event; throws RangeError for a malformed one. */
export function eventInstant(iso: string, what: string): number {
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) throw new RangeError(`${what}: "${iso}" is not an ISO 8601 date`);
  return ms;
}
