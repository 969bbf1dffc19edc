import { BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';
import type { FieldProblem } from '@solmu/kernel';
import { problem } from './problem';

/**
 * Request validation at the edge: unknown fields are refused, types are converted, and every
 * failure is reported per field with its path (`participants[1]`, `changes.name`).
 */
export function requestValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: true,
    exceptionFactory: (errors) => {
      const problems = flatten(errors);
      return new BadRequestException(problem(400, sharedCode(errors) ?? 'invalid_request', problems));
    },
  });
}

function flatten(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = /^\d+$/.test(error.property) ? `${parent}[${error.property}]` : parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, problem: describe(message, error.property) }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/**
 * A rule may name its code in its context (apps/api/src/fields/field-rules.ts: `invalid_date`,
 * `invalid_tie_window`…); the answer carries it when every failed rule names the same one.
 */
function sharedCode(errors: ValidationError[]): string | undefined {
  const codes = new Set<string | undefined>();
  const visit = (error: ValidationError): void => {
    for (const type of Object.keys(error.constraints ?? {})) codes.add((error.contexts?.[type] as { code?: string } | undefined)?.code);
    (error.children ?? []).forEach(visit);
  };
  errors.forEach(visit);
  const [only] = codes;
  return codes.size === 1 ? only : undefined;
}

/** class-validator starts messages with the property name; the field already says it. */
function describe(message: string, property: string): string {
  if (message.startsWith('property ') && message.endsWith(' should not exist')) return 'is not a known field';
  return message.startsWith(`${property} `) ? message.slice(property.length + 1) : message;
}
