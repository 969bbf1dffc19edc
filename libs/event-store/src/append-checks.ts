import { ANY, ConcurrencyError, ExpectedRevision, InvalidAppendError, NewEvent, NO_STREAM, STREAM_EXISTS } from './event-store.port';

/**
 * Rules every adapter applies the same way, kept in one place so the in-memory and SQLite stores
 * cannot drift apart.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function assertAppendable(streamId: string, events: readonly NewEvent[]): void {
  if (!streamId) throw new InvalidAppendError('stream id must not be empty');
  if (events.length === 0) throw new InvalidAppendError('an append needs at least one event');
  for (const e of events) {
    if (!UUID.test(e.id)) throw new InvalidAppendError(`event id ${e.id} is not a UUID`);
    if (!e.type) throw new InvalidAppendError('event type must not be empty');
  }
}

/** Current revision of a stream: -1 when it does not exist. */
export function checkExpectedRevision(streamId: string, expected: ExpectedRevision, current: number): void {
  const ok =
    expected === ANY ||
    (expected === NO_STREAM && current === -1) ||
    (expected === STREAM_EXISTS && current >= 0) ||
    (typeof expected === 'number' && expected === current);
  if (!ok) throw new ConcurrencyError(streamId, expected, current < 0 ? NO_STREAM : current);
}

/**
 * Where an idempotent retry's events would already stand, as EventStoreDB decides it: right after
 * the expected revision for an exact or NO_STREAM expectation; anywhere in the stream for ANY or
 * STREAM_EXISTS (located by the first event's id).
 */
export function retryStartRevision(expected: ExpectedRevision): number | 'search' {
  if (expected === NO_STREAM) return 0;
  if (typeof expected === 'number') return expected + 1;
  return 'search';
}
