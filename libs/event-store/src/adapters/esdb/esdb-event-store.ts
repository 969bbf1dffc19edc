/**
 * The EventStoreDB / KurrentDB adapter of the event-store port, over `@eventstore/db-client` 6.x
 * (gRPC; server 22.6 or later, because stream reads must carry $all positions). This is the only
 * file that imports the client, so a move to `@kurrent/kurrentdb-client` stays here.
 *
 * Positions: the port's `Position` is the event's commit position in $all as a JS number. Events
 * appended over gRPC have commit === prepare position, which is how a port position is turned back
 * into a client `Position`; commit positions are byte offsets in the transaction log and are assumed
 * to stay below 2^53 (8 PiB of log). Reads from a position are inclusive in EventStoreDB, so every
 * "after" read here skips the event that sits exactly at `after`.
 *
 * Global reads and subscriptions leave out system events and streams (names or types starting
 * with `$`): they are the server's bookkeeping, not Solmu's facts.
 */
import {
  BACKWARDS, END, EventStoreDBClient, FORWARDS, START, StreamNotFoundError, WrongExpectedVersionError,
  excludeSystemEvents, jsonEvent, ANY as ESDB_ANY, NO_STREAM as ESDB_NO_STREAM, STREAM_EXISTS as ESDB_STREAM_EXISTS,
} from '@eventstore/db-client';
import type {
  AllStreamRecordedEvent, AllStreamSubscription, AppendExpectedRevision, Direction, Position as EsdbPosition,
  ReadPosition, RecordedEvent as EsdbRecordedEvent,
} from '@eventstore/db-client';
import { assertAppendable } from '../../append-checks';
import { ANY, ConcurrencyError, NO_STREAM, STREAM_EXISTS } from '../../event-store.port';
import type {
  AllSubscription, AppendOptions, AppendResult, EventStore, ExpectedRevision, NewEvent, Position, ReadAllOptions,
  ReadStreamOptions, RecordedEvent, SubscribeOptions, SubscriptionItem,
} from '../../event-store.port';

/** Events per $all page. Small pages keep a `readAll({ maxCount: 1 })` cheap. */
const PAGE_SIZE = 500;

export class EsdbEventStore implements EventStore {
  private readonly client: EventStoreDBClient;
  /** We dispose only a client we created; a client handed to us belongs to the caller. */
  private readonly ownsClient: boolean;
  private readonly subscriptions = new Set<AllSubscription>();
  private closed = false;

  /** @param connection an `esdb://…` connection string, or a client the caller keeps and disposes. */
  constructor(connection: string | EventStoreDBClient) {
    this.ownsClient = typeof connection === 'string';
    this.client = typeof connection === 'string' ? EventStoreDBClient.connectionString(connection) : connection;
  }

  /** E.g. `esdb://eventstore:2113?tls=false`, or several hosts for a cluster (see docs/eventstoredb.md). */
  static fromConnectionString(connectionString: string): EsdbEventStore {
    return new EsdbEventStore(connectionString);
  }

  async append(streamId: string, events: readonly NewEvent[], options: AppendOptions = {}): Promise<AppendResult> {
    assertAppendable(streamId, events);
    const expected = options.expectedRevision ?? ANY;
    let nextExpectedRevision: number;
    try {
      const result = await this.client.appendToStream(
        streamId,
        events.map((e) => jsonEvent({ id: e.id, type: e.type, data: e.data, metadata: e.metadata })),
        { expectedRevision: toEsdbExpected(expected) },
      );
      nextExpectedRevision = Number(result.nextExpectedRevision);
    } catch (error) {
      if (error instanceof WrongExpectedVersionError) {
        const actual = error.actualVersion === ESDB_NO_STREAM ? -1 : Number(error.actualVersion);
        throw new ConcurrencyError(streamId, expected, actual < 0 ? NO_STREAM : actual);
      }
      throw error;
    }
    // The server answers an idempotent retry (same event ids at the same place) with success and the
    // original revision, but its position is absent or not the original one. Reading the batch's last
    // event back gives the original result in both cases, at the cost of one small read per append.
    return { nextExpectedRevision, position: await this.positionOf(streamId, nextExpectedRevision) };
  }

  async readStream(streamId: string, { fromRevision = 0, maxCount }: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    if (maxCount === 0) return [];
    const events: RecordedEvent[] = [];
    const read = this.client.readStream(streamId, {
      direction: FORWARDS,
      fromRevision: BigInt(fromRevision),
      ...(maxCount !== undefined && Number.isFinite(maxCount) ? { maxCount } : {}),
    });
    try {
      for await (const { event } of read) if (event) events.push(toRecorded(event));
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
    return events;
  }

  async readAll({ after, maxCount = Infinity }: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    if (maxCount <= 0) return events;
    // One extra per page for the inclusive event at `after`; system events may need further pages.
    const pageSize = Math.min(PAGE_SIZE, Math.max(2, maxCount + 1));
    const from: ReadPosition = after === undefined ? START : toEsdbPosition(after);
    for await (const raw of this.scanAll(FORWARDS, from, pageSize)) {
      if (isSystem(raw)) continue;
      const event = toRecorded(raw);
      if (after !== undefined && event.position <= after) continue;
      events.push(event);
      if (events.length >= maxCount) break;
    }
    return events;
  }

  async headPosition(): Promise<Position | undefined> {
    // Walk back from the end past the server's own bookkeeping ($stats, $scavenges…).
    for await (const raw of this.scanAll(BACKWARDS, END, 32)) if (!isSystem(raw)) return toPosition(raw.position);
    return undefined;
  }

  /**
   * A catch-up subscription built from a paged read of $all up to its current end, then a live
   * subscription from the last position read. Client 6.1+ has a `caughtUp` event, but it is emitted
   * beside the buffered event stream (so it may overtake events not yet consumed) and needs server
   * 23.10+; reading first puts the marker exactly after the history on any server.
   */
  subscribeToAll({ after }: SubscribeOptions = {}): AllSubscription {
    let stopped = false;
    let live: AllStreamSubscription | undefined;
    const release = async () => {
      const subscription = live;
      live = undefined;
      if (!subscription) return;
      await subscription.unsubscribe().catch(() => undefined);
      subscription.destroy();
    };

    const deliver = async function* (this: EsdbEventStore): AsyncGenerator<SubscriptionItem> {
      let cursor = after;
      try {
        for (;;) {
          const page = await this.readAll({ after: cursor, maxCount: PAGE_SIZE });
          for (const event of page) {
            if (stopped) return;
            yield { kind: 'event', event };
            cursor = event.position;
          }
          if (page.length < PAGE_SIZE) break;
        }
        if (stopped) return;
        yield { kind: 'caught_up', position: cursor };
        if (stopped) return;

        // Subscribing from the last position read leaves no gap for events appended meanwhile.
        live = this.client.subscribeToAll({
          fromPosition: cursor === undefined ? START : toEsdbPosition(cursor),
          filter: excludeSystemEvents(),
        });
        try {
          for await (const { event: raw } of live) {
            if (stopped) return;
            if (!raw || isSystem(raw)) continue;
            const event = toRecorded(raw);
            if (cursor !== undefined && event.position <= cursor) continue; // inclusive start, or a replay
            yield { kind: 'event', event };
            cursor = event.position;
          }
        } catch (error) {
          // stop() destroys the live stream, which ends its iterator with a premature-close error.
          if (!stopped) throw error;
        }
      } finally {
        await release();
        this.subscriptions.delete(subscription);
      }
    };

    const iterator = deliver.call(this);
    const subscription: AllSubscription = {
      [Symbol.asyncIterator]: () => iterator,
      async stop() {
        stopped = true;
        await release();
      },
    };
    this.subscriptions.add(subscription);
    return subscription;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    this.subscriptions.clear();
    if (this.ownsClient) await this.client.dispose();
  }

  /** Pages through $all, cancelling the server read if the caller stops early. */
  private async *scanAll(direction: Direction, from: ReadPosition, pageSize: number): AsyncGenerator<AllStreamRecordedEvent> {
    let cursor = from;
    let last: EsdbPosition | undefined;
    for (;;) {
      const page = this.client.readAll({ direction, fromPosition: cursor, maxCount: pageSize });
      let received = 0;
      let finished = false;
      try {
        for await (const { event } of page) {
          received += 1;
          // Each page starts at the previous page's last event again: skip it.
          if (!event || (last !== undefined && event.position.commit === last.commit)) continue;
          last = event.position;
          yield event;
        }
        finished = true;
      } finally {
        if (!finished) await page.cancel();
      }
      if (received < pageSize || last === undefined) return;
      cursor = last;
    }
  }

  /** Read on the leader: it has indexed an append before acknowledging it, a follower may not have. */
  private async positionOf(streamId: string, revision: number): Promise<Position> {
    const read = this.client.readStream(streamId, { fromRevision: BigInt(revision), maxCount: 1, requiresLeader: true });
    for await (const { event } of read) if (event) return toPosition(event.position);
    throw new Error(`EventStoreDB acknowledged an append to ${streamId} but revision ${revision} cannot be read`);
  }
}

function toEsdbExpected(expected: ExpectedRevision): AppendExpectedRevision {
  if (expected === ANY) return ESDB_ANY;
  if (expected === NO_STREAM) return ESDB_NO_STREAM;
  if (expected === STREAM_EXISTS) return ESDB_STREAM_EXISTS;
  return BigInt(expected);
}

const MAX_POSITION = BigInt(Number.MAX_SAFE_INTEGER);

function toPosition(position: EsdbPosition | undefined): Position {
  // Servers before 22.6 report 2^64-1 for stream reads; a real offset above 2^53 would lose precision.
  if (!position || position.commit > MAX_POSITION || position.commit < 0n) {
    throw new Error(`EventStoreDB commit position ${String(position?.commit)} is not usable as a position (server 22.6+ required)`);
  }
  return Number(position.commit);
}

function toEsdbPosition(position: Position): EsdbPosition {
  const offset = BigInt(position);
  return { commit: offset, prepare: offset };
}

function isSystem(event: EsdbRecordedEvent): boolean {
  return event.streamId.startsWith('$') || event.type.startsWith('$');
}

function toRecorded(event: EsdbRecordedEvent): RecordedEvent {
  return {
    id: event.id,
    streamId: event.streamId,
    revision: Number(event.revision),
    position: toPosition(event.position),
    type: event.type,
    data: asObject(event.data) ?? { value: event.data },
    metadata: asObject(event.metadata) ?? {},
    recordedAt: event.created,
  };
}

/** Solmu writes JSON objects; bytes written by other tools are decoded as JSON when they can be. */
function asObject(value: unknown): Record<string, unknown> | undefined {
  let decoded = value;
  if (value instanceof Uint8Array) {
    try {
      decoded = JSON.parse(Buffer.from(value).toString('utf8'));
    } catch {
      return undefined;
    }
  }
  return typeof decoded === 'object' && decoded !== null && !Array.isArray(decoded) ? (decoded as Record<string, unknown>) : undefined;
}
