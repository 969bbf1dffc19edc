import { StoreUnavailableError } from '../../event-store.port';

/**
 * Which `pg` failures mean "the server cannot be reached right now" rather than "this statement is
 * wrong": connection exceptions (SQLSTATE class 08), the server shutting down, crashing or still
 * starting (57P01–57P03), no connection slot free (53300), the socket refused, reset or timed out,
 * and node-postgres's own messages for a connection that died or never came.
 */
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);
const UNAVAILABLE_SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
const UNAVAILABLE_MESSAGES = /Connection terminated|timeout exceeded when trying to connect|not queryable|Connection ended|connection timeout/i;

export function isConnectionFailure(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (code.startsWith('08') || UNAVAILABLE_SQLSTATES.has(code) || UNAVAILABLE_SOCKET_CODES.has(code))) return true;
  return UNAVAILABLE_MESSAGES.test(error.message);
}

/** The error as callers should see it: {@link StoreUnavailableError} for a lost or refused connection, else unchanged. */
export function translatePostgresError(error: unknown): unknown {
  if (error instanceof StoreUnavailableError || !isConnectionFailure(error)) return error;
  return new StoreUnavailableError(`PostgreSQL cannot be reached: ${(error as Error).message}`, error);
}
