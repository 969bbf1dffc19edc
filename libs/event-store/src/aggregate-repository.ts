import { AppendResult, ConcurrencyError, EventStore, NO_STREAM, RecordedEvent } from './event-store.port';

/** A domain event as deciders produce it: an explicit type and plain JSON data. */
export interface DomainEvent {
  type: string;
  data: object;
}

/** The fold that turns a stream into state. */
export interface Aggregate<State, Event extends DomainEvent> {
  initialState: () => State;
  evolve: (state: State, event: Event) => State;
  /** Schema version per event type, written to metadata so old events can be upcast later. */
  versions: Record<Event['type'], number>;
}

export interface LoadedAggregate<State> {
  state: State;
  /** Revision of the last event folded, -1 when the stream does not exist. */
  revision: number;
}

export interface AppendContext {
  /** One id per event; deterministic ids make a retried command land on the same events. */
  eventIds: string[];
  metadata: Record<string, unknown>;
}

/**
 * Loads event-sourced state and appends decisions with the revision they were decided on.
 *
 * States are kept in a small LRU cache and brought up to date by reading only the events after the
 * cached revision, so a hot aggregate (a network everyone logs against) is not refolded per request.
 * States must be immutable (evolve returns new objects) for the sharing to be safe.
 */
export class AggregateRepository<State, Event extends DomainEvent> {
  private readonly cache = new Map<string, LoadedAggregate<State>>();
  private readonly inFlight = new Map<string, Promise<void>>();

  constructor(
    private readonly store: EventStore,
    private readonly aggregate: Aggregate<State, Event>,
    private readonly cacheSize = 1000,
  ) {}

  async load(streamId: string): Promise<LoadedAggregate<State>> {
    const cached = this.cache.get(streamId);
    let state = cached?.state ?? this.aggregate.initialState();
    let revision = cached?.revision ?? -1;
    const events = await this.store.readStream(streamId, { fromRevision: revision + 1 });
    for (const event of events) {
      state = this.aggregate.evolve(state, toDomainEvent<Event>(event));
      revision = event.revision;
    }
    if (events.length > 0 || cached) this.remember(streamId, { state, revision });
    return { state, revision };
  }

  /** Appends events decided on `revision`; a stale revision raises {@link ConcurrencyError}. */
  async append(streamId: string, events: Event[], revision: number, context: AppendContext): Promise<AppendResult> {
    const result = await this.store.append(
      streamId,
      events.map((event, i) => ({
        id: context.eventIds[i],
        type: event.type,
        data: event.data as Record<string, unknown>,
        metadata: { ...context.metadata, schemaVersion: this.aggregate.versions[event.type as Event['type']] },
      })),
      { expectedRevision: revision < 0 ? NO_STREAM : revision },
    );
    const cached = this.cache.get(streamId);
    if (cached && cached.revision === revision) {
      this.remember(streamId, { state: events.reduce(this.aggregate.evolve, cached.state), revision: result.nextExpectedRevision });
    }
    return result;
  }

  /**
   * Load, decide, append with the revision decided on; on a conflict, reload and decide again
   * (bounded). Returns the state after the new events.
   */
  async handle(streamId: string, decide: (state: State) => Event[], context: AppendContext): Promise<{ state: State; events: Event[] }> {
    return this.oneAtATime(streamId, () =>
      retryOnConflict(async () => {
        const { state, revision } = await this.load(streamId);
        const events = decide(state);
        if (events.length > 0) await this.append(streamId, events, revision, context);
        return { state: events.reduce(this.aggregate.evolve, state), events };
      }),
    );
  }

  /**
   * Commands on the same stream from this process take turns. Without this, a burst of requests
   * all decide on the same revision and all but one conflict per round, exhausting their retries;
   * optimistic concurrency still guards against writers in other processes.
   */
  private oneAtATime<T>(streamId: string, work: () => Promise<T>): Promise<T> {
    const previous = this.inFlight.get(streamId) ?? Promise.resolve();
    const next = previous.then(work);
    const settled = next.then(
      () => undefined,
      () => undefined,
    );
    this.inFlight.set(streamId, settled);
    void settled.then(() => {
      if (this.inFlight.get(streamId) === settled) this.inFlight.delete(streamId);
    });
    return next;
  }

  private remember(streamId: string, loaded: LoadedAggregate<State>): void {
    if (this.cacheSize <= 0) return;
    this.cache.delete(streamId);
    this.cache.set(streamId, loaded);
    if (this.cache.size > this.cacheSize) this.cache.delete(this.cache.keys().next().value as string);
  }
}

export function toDomainEvent<Event extends DomainEvent>(event: RecordedEvent): Event {
  return { type: event.type, data: event.data } as unknown as Event;
}

/**
 * Runs a load–decide–append attempt again when another writer got there first. Bounded: after
 * `attempts` conflicts the last ConcurrencyError propagates (the HTTP edge answers 409).
 */
export async function retryOnConflict<T>(attempt: (n: number) => Promise<T>, attempts = 5): Promise<T> {
  for (let n = 1; ; n += 1) {
    try {
      return await attempt(n);
    } catch (error) {
      if (!(error instanceof ConcurrencyError) || n >= attempts) throw error;
    }
  }
}
