import { ArgumentsHost, Logger } from '@nestjs/common';
import { StoreUnavailableError } from '@solmu/event-store';
import { ReadModelsBehindError } from '@solmu/projections';
import { ProblemFilter, READ_MODELS_RETRY_AFTER_SECONDS, STORE_RETRY_AFTER_SECONDS } from './problem.filter';

/** A Fastify reply that records what the filter sends. */
function answer(error: unknown) {
  const sent = { status: 0, headers: {} as Record<string, string>, body: undefined as unknown };
  const reply = {
    status: (code: number) => ((sent.status = code), reply),
    header: (name: string, value: string) => ((sent.headers[name.toLowerCase()] = value), reply),
    send: (body: unknown) => ((sent.body = body), reply),
  };
  const host = { switchToHttp: () => ({ getResponse: () => reply }) } as unknown as ArgumentsHost;
  new ProblemFilter().catch(error, host);
  return sent;
}

beforeAll(() => Logger.overrideLogger(false));
afterAll(() => Logger.overrideLogger(['log', 'error', 'warn']));

it('answers read models that did not catch up in time with 503 and Retry-After, not a 500', () => {
  const sent = answer(new ReadModelsBehindError(42));
  expect(sent.status).toBe(503);
  expect(sent.headers['retry-after']).toBe(String(READ_MODELS_RETRY_AFTER_SECONDS));
  expect(sent.body).toMatchObject({ statusCode: 503, code: 'read_models_behind', problems: [] });
});

it('answers an unreachable store with 503 store_unavailable and Retry-After', () => {
  const sent = answer(new StoreUnavailableError('connection refused'));
  expect(sent.status).toBe(503);
  expect(sent.headers['retry-after']).toBe(String(STORE_RETRY_AFTER_SECONDS));
  expect(sent.body).toMatchObject({ code: 'store_unavailable' });
});

it('still answers an unexpected error with a 500 and no Retry-After', () => {
  const sent = answer(new Error('read models lag behind position 42'));
  expect(sent.status).toBe(500);
  expect(sent.headers).not.toHaveProperty('retry-after');
  expect(sent.body).toMatchObject({ code: 'internal_error' });
});
