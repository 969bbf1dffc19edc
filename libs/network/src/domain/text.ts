import { FieldProblem } from '@solmu/kernel';

/** Trims free text and records a problem when it is empty (if required) or too long. */
export function cleanText(
  value: string | undefined,
  field: string,
  maxLength: number,
  problems: FieldProblem[],
  { required = false } = {},
): string | undefined {
  const text = value?.trim();
  if (!text) {
    if (required) problems.push({ field, problem: 'must not be empty' });
    return undefined;
  }
  if (text.length > maxLength) problems.push({ field, problem: `must be at most ${maxLength} characters (got ${text.length})` });
  return text;
}

/** Records a problem when `value` is not one of `allowed`. */
export function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], field: string, problems: FieldProblem[]): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) {
    problems.push({ field, problem: `must be one of ${allowed.join(', ')} (got ${JSON.stringify(value)})` });
    return undefined;
  }
  return value as T;
}
