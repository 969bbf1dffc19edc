import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { ConcurrencyError, StoreUnavailableError } from '@solmu/event-store';
import { AuthenticationFailed, OidcProviderUnavailable } from '@solmu/identity';
import { DomainError } from '@solmu/kernel';
import { ReadModelsBehindError } from '@solmu/projections';
import type { FastifyReply } from 'fastify';
import { problem, ProblemBody } from './problem';

const STATUS_OF_KIND = { invalid: 422, not_found: 404, conflict: 409, forbidden: 403 } as const;

/**
 * Seconds a client should wait before retrying while the database is unreachable: long enough not
 * to hammer a restarting server, short enough that a restart (a few seconds) costs one retry.
 */
export const STORE_RETRY_AFTER_SECONDS = 2;

/**
 * Seconds to wait when the read models did not catch up in time: the process is busy applying a
 * burst of writes (or its start-up replay), which a few seconds usually finish.
 */
export const READ_MODELS_RETRY_AFTER_SECONDS = 5;

/**
 * Fastify rejects some requests before Nest routes them (malformed JSON, a body over the limit, a
 * media type we do not parse); Nest hands those on as plain HttpExceptions. Name the field here.
 */
function fieldOfFrameworkError(status: number, message: string): { field: string; problem: string } | undefined {
  if (status === 413) return { field: 'body', problem: `is too large (${message})` };
  if (status === 415) return { field: 'content-type', problem: 'must be application/json' };
  if (status === 400 && /JSON/i.test(message)) return { field: 'body', problem: `is not valid JSON (${message})` };
  return undefined;
}

/**
 * Maps every error to the API's problem shape: domain errors by kind (invalid 422, not found 404,
 * conflict 409), an optimistic-concurrency conflict that survived its retries to 409, a database
 * that cannot be reached, or read models that did not catch up in time, to 503 with Retry-After
 * (nothing was acknowledged, or nothing was wrong but time: a retry is safe),
 * framework errors to their 4xx, and anything unexpected to a 500 that is logged, never leaked.
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(error: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const body = this.toProblem(error);
    if (error instanceof StoreUnavailableError) {
      // Expected during a database restart: one line, not a stack per request.
      this.logger.warn(error.message);
      void reply.header('retry-after', String(STORE_RETRY_AFTER_SECONDS));
    } else if (error instanceof ReadModelsBehindError) {
      this.logger.warn(`${error.message}: answered 503`);
      void reply.header('retry-after', String(READ_MODELS_RETRY_AFTER_SECONDS));
    } else if (body.statusCode >= 500) this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    void reply.status(body.statusCode).header('content-type', 'application/json; charset=utf-8').send(body);
  }

  toProblem(error: unknown): ProblemBody {
    if (error instanceof DomainError) return problem(STATUS_OF_KIND[error.kind], error.code, error.problems, error.message);
    if (error instanceof AuthenticationFailed) return problem(401, error.code, [], error.message);
    if (error instanceof OidcProviderUnavailable) return problem(502, error.code, [], error.message);
    if (error instanceof StoreUnavailableError) {
      return problem(503, 'store_unavailable', [], 'The database cannot be reached just now; nothing was saved. Try again in a moment');
    }
    if (error instanceof ReadModelsBehindError) {
      return problem(503, 'read_models_behind', [], 'Solmu is catching up with recent changes; try again in a moment');
    }
    if (error instanceof ConcurrencyError) {
      return problem(409, 'concurrent_update', [], 'Someone else changed this at the same moment, repeatedly; try again');
    }
    if (error instanceof HttpException) {
      const response = error.getResponse();
      if (isProblem(response)) return response;
      const message = typeof response === 'string' ? response : String((response as { message?: unknown }).message ?? error.message);
      const status = error.getStatus();
      const field = fieldOfFrameworkError(status, message);
      return field ? problem(status, codeOf(status), [field]) : problem(status, codeOf(status), [], message);
    }
    return problem(500, 'internal_error', [], 'Something went wrong on our side; it has been logged');
  }
}

function isProblem(value: unknown): value is ProblemBody {
  return typeof value === 'object' && value !== null && 'problems' in value && 'code' in value;
}

function codeOf(status: number): string {
  const codes: Record<number, string> = { 404: 'not_found', 413: 'body_too_large', 415: 'unsupported_media_type', 429: 'rate_limited' };
  return codes[status] ?? (status < 500 ? 'bad_request' : 'internal_error');
}
