/**
 * Field rules the DTOs share, each backed by the library rule the rest of Solmu applies, so the edge
 * refuses exactly what the libraries would (400, naming the field, with the rule's own code):
 * dates by the kernel's one date rule, tie windows by the analysis' parser, zones by Intl.
 *
 * The `code` travels in the constraint's context; the validation pipe answers with it when every
 * problem of a request shares one (apps/api/src/http/validation.ts).
 */
import { parseTieWindow } from '@solmu/analysis';
import { canonicalTimeZone, DomainError, parseDateInput } from '@solmu/kernel';
import { ValidateBy, ValidationOptions } from 'class-validator';

/** A date by the API's one rule (kernel date-input.ts): ISO date, date-time, with or without offset. */
export function IsDateInput(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isDateInput',
      validator: {
        validate: (value) => !('problem' in parseDateInput(value)),
        defaultMessage: (args) => {
          const parsed = parseDateInput(args?.value);
          return 'problem' in parsed ? parsed.problem : 'must be a date';
        },
      },
    },
    { ...options, context: { code: 'invalid_date' } },
  );
}

/** `cumulative`, `sliding:<days>` or `decay:<half-life days>`, with a positive number of days. */
export function IsTieWindow(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isTieWindow',
      validator: {
        validate: (value) => windowProblem(value) === undefined,
        defaultMessage: (args) => windowProblem(args?.value) ?? 'must be a tie window',
      },
    },
    { ...options, context: { code: 'invalid_tie_window' } },
  );
}

/** An IANA time zone Intl knows (`Europe/Helsinki`, `UTC`). */
export function IsIanaTimeZone(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isIanaTimeZone',
      validator: {
        validate: (value) => canonicalTimeZone(value) !== undefined,
        defaultMessage: (args) => `must be an IANA time zone such as Europe/Helsinki or UTC, got ${JSON.stringify(args?.value)}`,
      },
    },
    { ...options, context: { code: 'invalid_time_zone' } },
  );
}

function windowProblem(value: unknown): string | undefined {
  if (typeof value !== 'string') return 'must be cumulative, sliding:<days> or decay:<half-life days>';
  try {
    parseTieWindow(value);
    return undefined;
  } catch (error) {
    // The analysis names the field itself; keep only its words about the value.
    if (error instanceof DomainError && error.problems.length > 0) return error.problems[0].problem;
    throw error;
  }
}
