import { DayEdge, FieldProblem, parseDateInput, resolveDateInput } from '@solmu/kernel';
import { LIMITS } from './vocabulary';

/**
 * Date rules shared by the deciders. Dates travel as ISO 8601 strings (JSON-friendly, sortable);
 * the domain parses them here and nowhere else.
 */

/**
 * Parses a date by the API's one rule (kernel date-input.ts), or records a problem for `field`. A date
 * or time without an offset is read in the network's `timeZone`; a date alone means the `edge` of
 * that day (for a body's dates its start: a thing that happened "on 30 June", or "today").
 */
export function parseInstant(value: string | undefined, field: string, problems: FieldProblem[], timeZone: string, edge: DayEdge = 'start'): Date | undefined {
  if (value === undefined) return undefined;
  const parsed = parseDateInput(value);
  if ('problem' in parsed) {
    problems.push({ field, problem: parsed.problem });
    return undefined;
  }
  return new Date(resolveDateInput(parsed, timeZone, edge));
}

/** Records a problem when `instant` is later than now (beyond the allowed clock skew). */
export function notInFuture(instant: Date | undefined, now: Date, field: string, problems: FieldProblem[]): void {
  if (instant && instant.getTime() > now.getTime() + LIMITS.futureSkewMs) {
    problems.push({ field, problem: `must not be in the future (it is ${instant.toISOString()}, now is ${now.toISOString()})` });
  }
}

export const iso = (d: Date): string => d.toISOString();
