/**
 * The event store port, modelled on EventStoreDB's semantics so that the embedded SQLite store and
 * EventStoreDB/KurrentDB are interchangeable behind it.
 *
 * - Streams are append-only sequences; `revision` counts from 0 within a stream.
 * - `position` is the event's place in the global order of all streams (`$all`); it only grows.
 *   Positions are opaque to callers except for ordering and checkpointing.
 * - Appends carry an expected revision; a mismatch is a {@link ConcurrencyError}.
 * - Appending events whose ids the stream already holds at the expected place is a no-op that
 *   returns the original result, so a client may retry an append it never heard back from.
 */

/** The stream must not exist yet. */
export const NO_STREAM = 'no_stream' as const;
/** Append whatever the stream's revision is. */
export const ANY = 'any' as const;
/** The stream must exist, at any revision. */
export const STREAM_EXISTS = 'stream_exists' as const;

export type ExpectedRevision = typeof NO_STREAM | typeof ANY | typeof STREAM_EXISTS | number;

/** A global position in the log of all events. */
export type Position = number;

export type EventData = Record<string, unknown>;
export type EventMetadataRecord = Record<string, unknown>;

/** An event about to be appended. `id` must be a UUID; it makes retries idempotent. */
export interface NewEvent<Type extends string = string, Data extends EventData = EventData> {
  id: string;
  type: Type;
  data: Data;
  metadata: EventMetadataRecord;
}

/** An event as the store holds it. */
export interface RecordedEvent<Type extends string = string, Data extends EventData = EventData> {
  id: string;
  streamId: string;
  /** 0-based place in its stream. */
  revision: number;
  /** Place in the global order. */
  position: Position;
  type: Type;
  data: Data;
  metadata: EventMetadataRecord;
  /** When the store recorded it (not when the fact happened: that is in the data). */
  recordedAt: Date;
}

export interface AppendOptions {
  /** Defaults to {@link ANY}. */
  expectedRevision?: ExpectedRevision;
}

export interface AppendResult {
  /** The revision of the last event now in the stream; pass it as the next expected revision. */
  nextExpectedRevision: number;
  /** Global position of the last event appended. */
  position: Position;
}

export interface ReadStreamOptions {
  /** First revision to read (inclusive). Defaults to 0. */
  fromRevision?: number;
  maxCount?: number;
}

export interface ReadAllOptions {
  /** Read events strictly after this position; omit to read from the start. */
  after?: Position;
  maxCount?: number;
}

export interface SubscribeOptions {
  /** Deliver events strictly after this checkpoint; omit to start from the beginning. */
  after?: Position;
}

/** What a subscription delivers: events in global order, and one marker when it has first caught up. */
export type SubscriptionItem =
  | { kind: 'event'; event: RecordedEvent }
  | { kind: 'caught_up'; position: Position | undefined };

/**
 * A catch-up subscription to all events: it first delivers the history after the checkpoint, then
 * a single `caught_up` marker, then live events as they are appended. Iterate it with `for await`.
 */
export interface AllSubscription extends AsyncIterable<SubscriptionItem> {
  stop(): Promise<void>;
}

export interface EventStore {
  append(streamId: string, events: readonly NewEvent[], options?: AppendOptions): Promise<AppendResult>;
  /** Reads a stream forwards. A stream that does not exist reads as empty. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  /** Reads all streams in global order. */
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /** The position of the newest event, or undefined when the store is empty. */
  headPosition(): Promise<Position | undefined>;
  subscribeToAll(options?: SubscribeOptions): AllSubscription;
  close(): Promise<void>;
}

/** The stream's revision was not the one the append expected. */
export class ConcurrencyError extends Error {
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    readonly actual: number | typeof NO_STREAM,
  ) {
    super(`Stream ${streamId}: expected revision ${String(expected)}, but it is at ${String(actual)}`);
    this.name = 'ConcurrencyError';
  }
}

/** An append the store refuses as malformed (bad event id, empty type…). */
export class InvalidAppendError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidAppendError';
  }
}

/**
 * The store cannot be reached right now (its server is down, restarting or out of connections).
 * Nothing was acknowledged; the same request may succeed in a moment, and appends are idempotent,
 * so callers retry (HTTP answers 503 with Retry-After). Subscriptions wait and resume from their
 * position. Adapters translate their driver's connection failures into this error.
 */
export class StoreUnavailableError extends Error {
  constructor(
    message: string,
    override readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'StoreUnavailableError';
  }
}
