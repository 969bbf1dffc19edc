import {
  AllSubscription,
  AppendOptions,
  AppendResult,
  EventStore,
  InvalidAppendError,
  NewEvent,
  Position,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  StoreUnavailableError,
  SubscribeOptions,
  SubscriptionItem,
} from '@solmu/event-store';
import { assertSubjectId, ERASED } from './key-store.port';
import { PersonalDataPolicy, PersonalField, valueAt, withValueAt } from './personal-data-policy';
import { PersonalDataVault } from './personal-data-vault';

/** One personal field of one event in a batch, to seal or to open. */
interface FieldWork {
  index: number;
  field: PersonalField;
  subjectId: string;
  value: string;
}

/**
 * An {@link EventStore} that keeps personal data out of the store it wraps: on append it seals the
 * fields its {@link PersonalDataPolicy} names with the subject's key; on every read (streams, `$all`,
 * subscriptions) it opens them again, or, once the subject is erased, puts the policy's stand-in
 * in their place ('erased member') or removes them. Everything above the port sees plaintext or the
 * stand-in; the wrapped store, its files and its replicas only ever hold ciphertext.
 *
 * Everything else passes through unchanged: ids (so idempotent retries still match; a retry seals
 * with a fresh IV, which is fine because the store compares event ids), revisions, positions,
 * metadata. An event whose type has no personal fields costs one map lookup, and a batch without
 * any personal data is handed on as the very same array, without an `await`.
 *
 * An absent field stays absent and `null` stays `null`; a personal field must otherwise be a string.
 * Personal data for an erased subject is refused with `SubjectErasedError` (a state conflict).
 * Closing this store closes the wrapped store and the vault's key store.
 */
export class EncryptingEventStore implements EventStore {
  constructor(
    private readonly inner: EventStore,
    private readonly vault: PersonalDataVault,
    private readonly policy: PersonalDataPolicy,
  ) {}

  append(streamId: string, events: readonly NewEvent[], options?: AppendOptions): Promise<AppendResult> {
    let work: FieldWork[];
    try {
      work = this.fieldsToSeal(events);
    } catch (error) {
      return Promise.reject(error);
    }
    if (work.length === 0) return this.inner.append(streamId, events, options);
    return this.sealAndAppend(streamId, events, work, options);
  }

  async readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return this.open(await this.inner.readStream(streamId, options));
  }

  async readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return this.open(await this.inner.readAll(options));
  }

  headPosition(): Promise<Position | undefined> {
    return this.inner.headPosition();
  }

  subscribeToAll(options?: SubscribeOptions): AllSubscription {
    const inner = this.inner.subscribeToAll(options);
    let stopped = false;
    // Opening may need a key from the key store; while that store is unreachable the event waits
    // and is opened once it is back, so the subscriber neither ends nor skips it.
    const openLater = async (event: RecordedEvent, error: unknown): Promise<RecordedEvent> => {
      for (let attempt = 1; ; attempt += 1) {
        if (!(error instanceof StoreUnavailableError) || stopped) throw error;
        await new Promise((resume) => setTimeout(resume, Math.min(2000, 50 * 2 ** attempt)).unref());
        try {
          return (await this.open([event]))[0];
        } catch (again) {
          error = again;
        }
      }
    };
    // Synchronous when nothing in the event is sealed (most events): no await per event on replay.
    const open = (event: RecordedEvent): RecordedEvent | Promise<RecordedEvent> => {
      try {
        const result = this.open([event]);
        return Array.isArray(result) ? result[0] : result.then(([opened]) => opened, (error: unknown) => openLater(event, error));
      } catch (error) {
        return openLater(event, error);
      }
    };
    async function* opened(): AsyncGenerator<SubscriptionItem> {
      for await (const item of inner) {
        if (item.kind !== 'event') {
          yield item;
          continue;
        }
        const result = open(item.event);
        const event = result instanceof Promise ? await result : result;
        yield event === item.event ? item : { kind: 'event', event };
      }
    }
    const iterator = opened();
    return {
      [Symbol.asyncIterator]: () => iterator,
      stop: () => ((stopped = true), inner.stop()),
    };
  }

  async close(): Promise<void> {
    try {
      await this.inner.close();
    } finally {
      await this.vault.close();
    }
  }

  /** The personal fields present in these events, with their subjects; checks every value. */
  private fieldsToSeal(events: readonly NewEvent[]): FieldWork[] {
    const work: FieldWork[] = [];
    events.forEach((event, index) => {
      const fields = this.policy.fieldsOf(event.type);
      if (!fields) return;
      for (const field of fields) {
        const value = valueAt(event.data, field.segments);
        if (value === undefined || value === null) continue;
        if (typeof value !== 'string') {
          throw new InvalidAppendError(`${event.type}.${field.path} is personal data and must be a string or null, not ${typeof value}`);
        }
        work.push({ index, field, subjectId: subjectOf(event, field), value });
      }
    });
    return work;
  }

  private async sealAndAppend(streamId: string, events: readonly NewEvent[], work: FieldWork[], options?: AppendOptions): Promise<AppendResult> {
    const ring = await this.vault.keyRing(
      work.map((w) => w.subjectId),
      { create: true },
    );
    const sealed = events.slice();
    for (const { index, field, subjectId, value } of work) {
      const event = sealed[index];
      sealed[index] = { ...event, data: withValueAt(event.data, field.segments, ring.encrypt(subjectId, value, field.path)) };
    }
    return this.inner.append(streamId, sealed, options);
  }

  /**
   * The events with their sealed fields opened, or replaced as the policy says once erased. Returns
   * the same array, synchronously, when nothing in it is sealed.
   */
  private open(events: RecordedEvent[]): RecordedEvent[] | Promise<RecordedEvent[]> {
    let work: FieldWork[] | undefined;
    events.forEach((event, index) => {
      const fields = this.policy.fieldsOf(event.type);
      if (!fields) return;
      for (const field of fields) {
        const value = valueAt(event.data, field.segments);
        if (typeof value !== 'string') continue;
        // Values written before the policy named this field are plaintext, and read as they are.
        const subjectId = this.vault.subjectOf(value);
        if (subjectId === undefined) continue;
        (work ??= []).push({ index, field, subjectId, value });
      }
    });
    return work ? this.openFields(events, work) : events;
  }

  private async openFields(events: RecordedEvent[], work: FieldWork[]): Promise<RecordedEvent[]> {
    const ring = await this.vault.keyRing(
      work.map((w) => w.subjectId),
      { create: false },
    );
    const opened = events.slice();
    for (const { index, field, value } of work) {
      const plaintext = ring.decrypt(value);
      const event = opened[index];
      opened[index] = { ...event, data: withValueAt(event.data, field.segments, plaintext === ERASED ? field.whenErased : plaintext) };
    }
    return opened;
  }
}

function subjectOf(event: NewEvent, field: PersonalField): string {
  let subjectId: string;
  try {
    subjectId = field.subject(event.data);
    assertSubjectId(subjectId);
  } catch (error) {
    throw new InvalidAppendError(`${event.type}.${field.path}: no valid subject for its personal data (${(error as Error).message})`);
  }
  return subjectId;
}
