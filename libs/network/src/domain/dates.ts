import { FieldProblem } from '@solmu/kernel';
import { LIMITS } from './vocabulary';

/**
 * Date rules shared by the deciders. Dates travel as ISO 8601 strings (JSON-friendly, sortable);
 * the domain parses them here and nowhere else.
 */

/** Parses an ISO 8601 date-time, or records a problem for `field`. */
export function parseInstant(value: string | undefined, field: string, problems: FieldProblem[]): Date | undefined {
  if (value === undefined) return undefined;
  const ms = Date.parse(value);
  if (typeof value !== 'string' || Number.isNaN(ms)) {
    problems.push({ field, problem: `must be an ISO 8601 date-time, got ${JSON.stringify(value)}` });
    return undefined;
  }
  return new Date(ms);
}

/** Records a problem when `instant` is later than now (beyond the allowed clock skew). */
export function notInFuture(instant: Date | undefined, now: Date, field: string, problems: FieldProblem[]): void {
  if (instant && instant.getTime() > now.getTime() + LIMITS.futureSkewMs) {
    problems.push({ field, problem: `must not be in the future (it is ${instant.toISOString()}, now is ${now.toISOString()})` });
  }
}

export const iso = (d: Date): string => d.toISOString();
