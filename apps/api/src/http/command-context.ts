import { BadRequestException, createParamDecorator, ExecutionContext } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { CommandContext, EventSource } from '@solmu/kernel';
import { AuthenticatedRequest, principalOf } from '../auth/principal.decorator';
import type { FastifyRequest } from 'fastify';
import { problem } from './problem';

/** Sources a plain HTTP client may claim; integrations get theirs from their own routes. */
const CLIENT_SOURCES: EventSource[] = ['api', 'web', 'cli'];
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

/**
 * Who is acting and through what, as every command needs it: the principal the authentication
 * guard resolved, the claimed source, and the request id (`X-Request-Id` or a fresh UUID) as the
 * correlation id.
 */
export const RequestContext = createParamDecorator((_: unknown, ctx: ExecutionContext): CommandContext => {
  const request = ctx.switchToHttp().getRequest<AuthenticatedRequest>();
  const claimed = header(request, 'x-solmu-source') as EventSource | undefined;
  const key = header(request, 'idempotency-key');
  if (key !== undefined && !IDEMPOTENCY_KEY.test(key)) {
    throw new BadRequestException(problem(400, 'invalid_request', [{ field: 'Idempotency-Key', problem: 'must be 1–200 visible ASCII characters' }]));
  }
  return {
    principal: principalOf(request),
    source: claimed && CLIENT_SOURCES.includes(claimed) ? claimed : 'api',
    correlationId: String(request.id),
    ...(key !== undefined && { idempotencyKey: key, requestHash: requestHash(request) }),
  };
});

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Identifies "the same request": method, route and body, with object keys in a stable order. */
function requestHash(request: FastifyRequest): string {
  return createHash('sha256').update(`${request.method} ${request.url.split('?')[0]}\n${canonicalJson(request.body)}`).digest('base64url');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
