import { randomUUID } from 'node:crypto';
import {
  ANY,
  ConcurrencyError,
  EventStore,
  NewEvent,
  NO_STREAM,
  Position,
  RecordedEvent,
  STREAM_EXISTS,
  SubscriptionItem,
} from '../event-store.port';

/**
 * The one contract every EventStore adapter must honour (graphology's `specs(Graph, impl)` idea).
 * It assumes nothing about what the store already holds: streams get unique names and global reads
 * start from the head position seen at the start of each test, so it can run against a shared
 * EventStoreDB node as well as a fresh SQLite file.
 */
export interface ContractSubject {
  store: EventStore;
  cleanup?: () => Promise<void>;
}

export function describeEventStoreContract(name: string, factory: () => Promise<ContractSubject>): void {
  describe(`EventStore contract: ${name}`, () => {
    let subject: ContractSubject;
    let store: EventStore;

    beforeEach(async () => {
      subject = await factory();
      store = subject.store;
    });

    afterEach(async () => {
      await store.close();
      await subject.cleanup?.();
    });

    const stream = (label = 'test') => `${label}-${randomUUID()}`;
    const event = (type = 'ThingHappened', data: Record<string, unknown> = {}): NewEvent => ({
      id: randomUUID(),
      type,
      data,
      metadata: { actor: 'tester', source: 'api' },
    });

    describe('appending', () => {
      it('creates a stream whose events read back in order with every field', async () => {
        const s = stream();
        const events = [event('A', { n: 1, nested: { ok: true } }), event('B', { n: 2 })];

        const result = await store.append(s, events, { expectedRevision: NO_STREAM });

        const read = await store.readStream(s);
        expect(result.nextExpectedRevision).toBe(1);
        expect(read.map((e) => [e.id, e.type, e.revision, e.streamId])).toEqual([
          [events[0].id, 'A', 0, s],
          [events[1].id, 'B', 1, s],
        ]);
        expect(read[0].data).toEqual({ n: 1, nested: { ok: true } });
        expect(read[0].metadata).toEqual({ actor: 'tester', source: 'api' });
        expect(read[1].position).toBe(result.position);
        expect(read[0].position).toBeLessThan(read[1].position);
        expect(read[0].recordedAt).toBeInstanceOf(Date);
        expect(Math.abs(read[0].recordedAt.getTime() - Date.now())).toBeLessThan(60_000);
      });

      it('refuses NO_STREAM when the stream exists, naming the actual revision', async () => {
        const s = stream();
        await store.append(s, [event()], { expectedRevision: NO_STREAM });

        const attempt = store.append(s, [event()], { expectedRevision: NO_STREAM });

        await expect(attempt).rejects.toBeInstanceOf(ConcurrencyError);
        await expect(attempt).rejects.toMatchObject({ streamId: s, actual: 0 });
        expect(await store.readStream(s)).toHaveLength(1);
      });

      it('appends at the exact expected revision and refuses a stale one', async () => {
        const s = stream();
        const first = await store.append(s, [event(), event()], { expectedRevision: NO_STREAM });

        const second = await store.append(s, [event()], { expectedRevision: first.nextExpectedRevision });
        const stale = store.append(s, [event()], { expectedRevision: first.nextExpectedRevision });

        expect(second.nextExpectedRevision).toBe(2);
        await expect(stale).rejects.toMatchObject({ name: 'ConcurrencyError', expected: 1, actual: 2 });
      });

      it('refuses an exact revision on a stream that does not exist', async () => {
        await expect(store.append(stream(), [event()], { expectedRevision: 0 })).rejects.toBeInstanceOf(ConcurrencyError);
      });

      it('STREAM_EXISTS refuses a missing stream and accepts an existing one', async () => {
        const s = stream();
        await expect(store.append(s, [event()], { expectedRevision: STREAM_EXISTS })).rejects.toBeInstanceOf(ConcurrencyError);
        await store.append(s, [event()], { expectedRevision: NO_STREAM });

        const result = await store.append(s, [event()], { expectedRevision: STREAM_EXISTS });

        expect(result.nextExpectedRevision).toBe(1);
      });

      it('ANY appends whatever the revision', async () => {
        const s = stream();
        await store.append(s, [event()], { expectedRevision: ANY });
        const result = await store.append(s, [event(), event()]);
        expect(result.nextExpectedRevision).toBe(2);
      });

      it('writes nothing of a batch whose expected revision fails', async () => {
        const s = stream();
        await store.append(s, [event()], { expectedRevision: NO_STREAM });

        await expect(store.append(s, [event(), event(), event()], { expectedRevision: 5 })).rejects.toBeInstanceOf(ConcurrencyError);

        expect(await store.readStream(s)).toHaveLength(1);
      });
    });

    describe('idempotent retries', () => {
      it('appending the same events again at the same expected revision is a no-op returning the original result', async () => {
        const s = stream();
        const batch = [event(), event()];
        const first = await store.append(s, batch, { expectedRevision: NO_STREAM });

        const retry = await store.append(s, batch, { expectedRevision: NO_STREAM });

        expect(retry).toEqual(first);
        expect(await store.readStream(s)).toHaveLength(2);
      });

      it('a retry after later appends still returns the original result', async () => {
        const s = stream();
        const batch = [event()];
        await store.append(s, [event()], { expectedRevision: NO_STREAM });
        const first = await store.append(s, batch, { expectedRevision: 0 });
        await store.append(s, [event()], { expectedRevision: 1 });

        const retry = await store.append(s, batch, { expectedRevision: 0 });

        expect(retry).toEqual(first);
        expect(await store.readStream(s)).toHaveLength(3);
      });

      it('with ANY, an event id the stream already holds is not written twice', async () => {
        const s = stream();
        const once = event();
        const first = await store.append(s, [once], { expectedRevision: ANY });

        const retry = await store.append(s, [once], { expectedRevision: ANY });

        expect(retry).toEqual(first);
        expect(await store.readStream(s)).toHaveLength(1);
      });
    });

    describe('reading', () => {
      it('reads a missing stream as empty', async () => {
        expect(await store.readStream(stream())).toEqual([]);
      });

      it('reads a stream forwards from a revision, up to a count', async () => {
        const s = stream();
        await store.append(s, [0, 1, 2, 3, 4].map((n) => event('N', { n })), { expectedRevision: NO_STREAM });

        const read = await store.readStream(s, { fromRevision: 2, maxCount: 2 });

        expect(read.map((e) => e.data.n)).toEqual([2, 3]);
      });

      it('reads all streams in global order strictly after a position', async () => {
        const head = await store.headPosition();
        const a = stream('a');
        const b = stream('b');
        await store.append(a, [event('A1')]);
        await store.append(b, [event('B1')]);
        await store.append(a, [event('A2')]);

        const all = await readAllAfter(store, head);

        const ours = all.filter((e) => e.streamId === a || e.streamId === b);
        expect(ours.map((e) => e.type)).toEqual(['A1', 'B1', 'A2']);
        expect(isStrictlyIncreasing(all.map((e) => e.position))).toBe(true);
        const afterFirst = await store.readAll({ after: ours[0].position, maxCount: 1 });
        expect(afterFirst[0].position).toBeGreaterThan(ours[0].position);
      });

      it('reports the head position as the position of the newest event', async () => {
        const result = await store.append(stream(), [event(), event()]);
        expect(await store.headPosition()).toBe(result.position);
      });
    });

    describe('concurrency', () => {
      it('of many writers racing on one revision, exactly one wins', async () => {
        const s = stream();
        await store.append(s, [event()], { expectedRevision: NO_STREAM });

        const outcomes = await Promise.allSettled(
          Array.from({ length: 10 }, () => store.append(s, [event()], { expectedRevision: 0 })),
        );

        expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
        const failures = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
        expect(failures.every((f) => f.reason instanceof ConcurrencyError)).toBe(true);
        expect(await store.readStream(s)).toHaveLength(2);
      });

      it('concurrent appends to different streams all land with distinct, strictly increasing positions', async () => {
        const head = await store.headPosition();
        const streams = Array.from({ length: 25 }, () => stream());

        const results = await Promise.all(streams.map((s) => store.append(s, [event('First'), event('Second')], { expectedRevision: NO_STREAM })));

        const ours = new Set(streams);
        const landed = (await readAllAfter(store, head)).filter((e) => ours.has(e.streamId));
        expect(landed).toHaveLength(50);
        expect(isStrictlyIncreasing(landed.map((e) => e.position))).toBe(true);
        for (const [i, s] of streams.entries()) {
          const own = landed.filter((e) => e.streamId === s);
          // Within each stream, global order is revision order, and the append answers the last position.
          expect(own.map((e) => [e.type, e.revision])).toEqual([['First', 0], ['Second', 1]]);
          expect(results[i]).toEqual({ nextExpectedRevision: 1, position: own[1].position });
        }
        expect(new Set(results.map((r) => r.position)).size).toBe(25);
        expect(await store.headPosition()).toBeGreaterThanOrEqual(Math.max(...results.map((r) => r.position)));
      });
    });

    describe('subscribing to all', () => {
      it('catches up from a checkpoint, says so, then delivers live events', async () => {
        const s = stream();
        const head = await store.headPosition();
        const early = await store.append(s, [event('Early1'), event('Early2')]);
        const subscription = store.subscribeToAll({ after: head });
        const seen = collect(subscription, (e) => e.streamId === s);

        await seen.until((items) => items.some((i) => i.kind === 'caught_up'));
        await store.append(s, [event('Live1')]);
        const items = await seen.until((its) => its.some((i) => i.kind === 'event' && i.event.type === 'Live1'));
        await subscription.stop();

        const types = items.map((i) => (i.kind === 'event' ? i.event.type : 'caught_up'));
        expect(types).toEqual(['Early1', 'Early2', 'caught_up', 'Live1']);
        const caughtUp = items.find((i) => i.kind === 'caught_up') as { position: Position };
        expect(caughtUp.position).toBeGreaterThanOrEqual(early.position);
      });

      it('starts strictly after the checkpoint it is given', async () => {
        const s = stream();
        const first = await store.append(s, [event('One')]);
        await store.append(s, [event('Two'), event('Three')]);
        const subscription = store.subscribeToAll({ after: first.position });
        const seen = collect(subscription, (e) => e.streamId === s);

        const items = await seen.until((its) => its.some((i) => i.kind === 'caught_up'));
        await subscription.stop();

        expect(items.filter((i) => i.kind === 'event').map((i) => (i as { event: RecordedEvent }).event.type)).toEqual(['Two', 'Three']);
      });

      it('ends iteration when stopped, having delivered exactly what was there', async () => {
        const s = stream();
        const head = await store.headPosition();
        await store.append(s, [event('One'), event('Two')]);
        const subscription = store.subscribeToAll({ after: head });
        const seen = { ours: 0, caughtUp: 0 };
        let reachedCaughtUp: () => void = () => undefined;
        const caughtUp = new Promise<void>((resolve) => (reachedCaughtUp = resolve));
        const done = (async () => {
          for await (const item of subscription) {
            if (item.kind === 'caught_up') {
              seen.caughtUp += 1;
              reachedCaughtUp();
            } else if (item.event.streamId === s) seen.ours += 1;
          }
          return 'ended';
        })();
        await withinMs(caughtUp, 5000, 'the subscription never caught up');

        await subscription.stop();

        await expect(withinMs(done, 5000, 'iteration did not end after stop()')).resolves.toBe('ended');
        expect(seen).toEqual({ ours: 2, caughtUp: 1 });
        // Nothing is delivered after stop: an append now reaches no one.
        await store.append(s, [event('Three')]);
        await new Promise((r) => setTimeout(r, 100));
        expect(seen).toEqual({ ours: 2, caughtUp: 1 });
      });
    });
  });
}

async function readAllAfter(store: EventStore, after: Position | undefined): Promise<RecordedEvent[]> {
  const all: RecordedEvent[] = [];
  let cursor = after;
  for (;;) {
    const page = await store.readAll({ after: cursor, maxCount: 500 });
    if (page.length === 0) return all;
    all.push(...page);
    cursor = page[page.length - 1].position;
  }
}

/** Fails with `message` rather than the test's timeout when `promise` takes longer than `ms`. */
function withinMs<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, fail) => (timer = setTimeout(() => fail(new Error(message)), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function isStrictlyIncreasing(values: number[]): boolean {
  return values.every((v, i) => i === 0 || v > values[i - 1]);
}

/** Drains a subscription in the background, keeping our events and caught-up markers. */
function collect(subscription: AsyncIterable<SubscriptionItem>, ours: (e: RecordedEvent) => boolean) {
  const items: SubscriptionItem[] = [];
  let notify: () => void = () => undefined;
  void (async () => {
    for await (const item of subscription) {
      if (item.kind === 'caught_up' || ours(item.event)) {
        items.push(item);
        notify();
      }
    }
  })();
  return {
    async until(predicate: (items: SubscriptionItem[]) => boolean, timeoutMs = 5000): Promise<SubscriptionItem[]> {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(items)) {
        if (Date.now() > deadline) throw new Error(`subscription did not deliver in time; saw ${JSON.stringify(items)}`);
        await new Promise<void>((resolve) => {
          notify = resolve;
          setTimeout(resolve, 50);
        });
      }
      return [...items];
    },
  };
}
