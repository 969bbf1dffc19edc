/**
 * Errors cross the thread boundary as plain data; the main thread rebuilds the domain error classes
 * the HTTP edge maps (a NotFound stays a 404 with its code, a ValidationFailed a 422 naming its field).
 * Anything else arrives as a plain Error, which the edge answers with a logged 500.
 */
import { DomainError, Forbidden, NotFound, StateConflict, ValidationFailed } from '@solmu/kernel';

export interface SerialisedError {
  name: string;
  message: string;
  stack?: string;
  /** Own properties of a domain error (kind, code, problems). */
  properties?: Record<string, unknown>;
}

const DOMAIN_ERRORS: Record<string, { prototype: DomainError }> = { ValidationFailed, NotFound, StateConflict, Forbidden };

export function serialiseError(error: unknown): SerialisedError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const properties = error instanceof DomainError ? { ...error } : undefined;
  return { name: error.name, message: error.message, stack: error.stack, properties };
}

export function deserialiseError(serialised: SerialisedError): Error {
  const known = DOMAIN_ERRORS[serialised.name];
  const error: Error = known ? Object.create(known.prototype) : new Error(serialised.message);
  if (known) Object.assign(error, serialised.properties, { name: serialised.name, message: serialised.message });
  error.stack = `${serialised.stack ?? serialised.message}\n    (in an analysis worker)`;
  return error;
}
