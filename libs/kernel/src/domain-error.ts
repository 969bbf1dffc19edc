/**
 * Errors the domain raises. Each carries a stable `code` and, where the problem is one input,
 * the `field` it concerns, so every driving adapter (HTTP, CLI, chat) can name the field to the user.
 */
export type DomainErrorKind = 'invalid' | 'not_found' | 'conflict' | 'forbidden';

export interface FieldProblem {
  field: string;
  problem: string;
}

export abstract class DomainError extends Error {
  abstract readonly kind: DomainErrorKind;
  constructor(
    readonly code: string,
    message: string,
    readonly problems: FieldProblem[] = [],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The input breaks a rule (a participant who is not a member, a date in the future…). */
export class ValidationFailed extends DomainError {
  readonly kind = 'invalid' as const;
  constructor(problems: FieldProblem[], code = 'validation_failed') {
    super(code, problems.map((p) => `${p.field}: ${p.problem}`).join('; '), problems);
  }
  static field(field: string, problem: string, code?: string): ValidationFailed {
    return new ValidationFailed([{ field, problem }], code);
  }
}

/** The thing named does not exist (or is not visible to the caller). */
export class NotFound extends DomainError {
  readonly kind = 'not_found' as const;
  constructor(what: string, id: string, field?: string) {
    super(`${what}_not_found`, `${what} ${id} was not found`, field ? [{ field, problem: `${what} ${id} was not found` }] : []);
  }
}

/** The request is valid but the current state forbids it (already retracted, already left…). */
export class StateConflict extends DomainError {
  readonly kind = 'conflict' as const;
  constructor(code: string, message: string, field?: string) {
    super(code, message, field ? [{ field, problem: message }] : []);
  }
}

/** The caller may see the thing but not do this to it (a member changing their own role…). */
export class Forbidden extends DomainError {
  readonly kind = 'forbidden' as const;
  constructor(message: string, field?: string) {
    super('forbidden', message, field ? [{ field, problem: message }] : []);
  }
}
