import {
  AllSubscription,
  AppendOptions,
  AppendResult,
  ANY,
  EventStore,
  NewEvent,
  Position,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
} from '../../event-store.port';
import { assertAppendable, checkExpectedRevision, retryStartRevision } from '../../append-checks';
import { pollingSubscription } from '../../polling-subscription';

/**
 * An event store held in memory: for unit tests and throwaway demos. Same semantics as the durable
 * adapters (the contract suite runs against it), nothing survives the process.
 */
export class InMemoryEventStore implements EventStore {
  private readonly log: RecordedEvent[] = [];
  private readonly streams = new Map<string, RecordedEvent[]>();
  private readonly listeners = new Set<() => void>();

  async append(streamId: string, events: readonly NewEvent[], options: AppendOptions = {}): Promise<AppendResult> {
    assertAppendable(streamId, events);
    const expected = options.expectedRevision ?? ANY;
    const existing = this.streams.get(streamId) ?? [];
    const retried = this.findRetry(existing, events, expected);
    if (retried) return retried;
    checkExpectedRevision(streamId, expected, existing.length - 1);

    const recordedAt = new Date();
    for (const e of events) {
      const recorded: RecordedEvent = {
        id: e.id,
        streamId,
        revision: existing.length,
        position: this.log.length + 1,
        type: e.type,
        data: structuredClone(e.data),
        metadata: structuredClone(e.metadata),
        recordedAt,
      };
      existing.push(recorded);
      this.log.push(recorded);
    }
    this.streams.set(streamId, existing);
    this.listeners.forEach((wake) => wake());
    return { nextExpectedRevision: existing.length - 1, position: this.log.length };
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const from = options.fromRevision ?? 0;
    const events = (this.streams.get(streamId) ?? []).slice(from, options.maxCount === undefined ? undefined : from + options.maxCount);
    return events.map(copy);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    // Positions are 1-based array indices + 1, so "after p" starts at index p.
    const from = options.after ?? 0;
    return this.log.slice(from, options.maxCount === undefined ? undefined : from + options.maxCount).map(copy);
  }

  async headPosition(): Promise<Position | undefined> {
    return this.log.length === 0 ? undefined : this.log.length;
  }

  subscribeToAll(options: SubscribeOptions = {}): AllSubscription {
    return pollingSubscription(this, options.after, (wake) => {
      this.listeners.add(wake);
      return () => this.listeners.delete(wake);
    });
  }

  async close(): Promise<void> {
    this.listeners.clear();
  }

  private findRetry(existing: RecordedEvent[], events: readonly NewEvent[], expected: AppendOptions['expectedRevision'] & {}): AppendResult | undefined {
    const start = retryStartRevision(expected);
    const at = start === 'search' ? existing.findIndex((e) => e.id === events[0].id) : start;
    if (at < 0 || at + events.length > existing.length) return undefined;
    const same = events.every((e, i) => existing[at + i].id === e.id);
    if (!same) return undefined;
    const last = existing[at + events.length - 1];
    return { nextExpectedRevision: last.revision, position: last.position };
  }
}

function copy(e: RecordedEvent): RecordedEvent {
  return { ...e, data: structuredClone(e.data), metadata: structuredClone(e.metadata) };
}
