import { Logger } from '@nestjs/common';
import { AllSubscription, EventStore, InMemoryEventStore, InMemorySnapshotStore, NewEvent, Position, RecordedEvent, SubscribeOptions, SubscriptionItem } from '@solmu/event-store';
import { jsonSnapshot, Projection, SnapshottingProjection } from './projection';
import { ProjectionRunner } from './projection-runner';
import { ReadModelsBehindError } from './read-models-behind.error';

/** Records what it was given, in order; fails on a chosen event type. */
class Recorder implements Projection {
  readonly seen: Array<{ type: string; position: number }> = [];
  constructor(
    readonly name = 'recorder',
    private readonly failOn?: string,
  ) {}
  apply(event: RecordedEvent): void {
    if (event.type === this.failOn) throw new Error(`${this.name} cannot fold ${event.type}`);
    this.seen.push({ type: event.type, position: event.position });
  }
}

/** Counts events by type; its snapshot is the counts. */
class Counter implements SnapshottingProjection {
  counts: Record<string, number> = {};
  appliedPosition = 0;
  constructor(
    readonly name = 'counter',
    readonly snapshotVersion = 1,
  ) {}
  apply(event: RecordedEvent): void {
    if (event.position <= this.appliedPosition) return;
    this.appliedPosition = event.position;
    this.counts[event.type] = (this.counts[event.type] ?? 0) + 1;
  }
  toSnapshot(): Uint8Array {
    return jsonSnapshot.encode(this.counts);
  }
  restore(state: Uint8Array, position: number): void {
    this.counts = jsonSnapshot.decode(state);
    this.appliedPosition = position;
  }
}

let n = 0;
const event = (type: string): NewEvent => ({ id: `00000000-0000-7000-8000-${String((n += 1)).padStart(12, '0')}`, type, data: {}, metadata: {} });

/**
 * A store whose subscription delivers exactly the items a test scripts (queued until the runner
 * subscribes), with a head the test sets: for behaviour real stores do not show on demand.
 */
class ScriptedStore {
  head: Position | undefined;
  private readonly queue: SubscriptionItem[] = [];
  private wake?: () => void;

  headPosition = async () => this.head;

  subscribeToAll(_options: SubscribeOptions = {}): AllSubscription {
    let stopped = false;
    const self = this;
    async function* items(): AsyncGenerator<SubscriptionItem> {
      while (!stopped) {
        if (self.queue.length > 0) yield self.queue.shift()!;
        else await new Promise<void>((resolve) => (self.wake = resolve));
      }
    }
    return Object.assign(items(), {
      stop: async () => {
        stopped = true;
        this.wake?.();
      },
    }) as unknown as AllSubscription;
  }

  deliver(type: string, position: number): void {
    this.head = Math.max(this.head ?? 0, position);
    this.queue.push({ kind: 'event', event: { id: `e-${position}`, streamId: 's', revision: 0, position, type, data: {}, metadata: {}, recordedAt: new Date(0) } });
    this.wake?.();
  }

  caughtUp(position: number): void {
    this.queue.push({ kind: 'caught_up', position });
    this.wake?.();
  }
}

describe('ProjectionRunner', () => {
  beforeAll(() => Logger.overrideLogger(false));
  afterAll(() => Logger.overrideLogger(['error', 'warn', 'log']));

  let store: InMemoryEventStore;
  let runner: ProjectionRunner | undefined;
  beforeEach(() => (store = new InMemoryEventStore()));
  afterEach(async () => {
    await runner?.onApplicationShutdown();
    runner = undefined;
  });

  it('replays the history before start-up completes, then applies live events in order', async () => {
    await store.append('s-1', [event('A'), event('B')]);
    await store.append('s-2', [event('C')]);
    const recorder = new Recorder();
    runner = new ProjectionRunner(store, [recorder]);

    await runner.onApplicationBootstrap();

    expect(recorder.seen).toEqual([
      { type: 'A', position: 1 },
      { type: 'B', position: 2 },
      { type: 'C', position: 3 },
    ]);
    expect(runner.checkpoint).toBe(3);

    await store.append('s-1', [event('D')]);
    await runner.catchUpToHead();

    expect(recorder.seen.map((e) => e.type)).toEqual(['A', 'B', 'C', 'D']);
    expect(runner.checkpoint).toBe(4);
  });

  it('feeds every projection each event, and an empty store starts with no checkpoint', async () => {
    const first = new Recorder('first');
    const second = new Recorder('second');
    runner = new ProjectionRunner(store, [first, second]);

    await runner.onApplicationBootstrap();
    expect(runner.checkpoint).toBeUndefined();
    await runner.catchUpToHead();

    await store.append('s-1', [event('A')]);
    await runner.catchUpToHead();
    expect([first.seen, second.seen]).toEqual([[{ type: 'A', position: 1 }], [{ type: 'A', position: 1 }]]);
  });

  it('catchUpToHead resolves only once everything acknowledged before the call is applied', async () => {
    const recorder = new Recorder();
    runner = new ProjectionRunner(store, [recorder]);
    await runner.onApplicationBootstrap();

    await Promise.all(Array.from({ length: 20 }, (_, i) => store.append(`s-${i}`, [event('X')])));
    await runner.catchUpToHead();

    expect(recorder.seen).toHaveLength(20);
    expect(runner.checkpoint).toBe(20);
  });

  it('a caller waiting for a position the read models never reach is told so after its timeout', async () => {
    const scripted = new ScriptedStore();
    scripted.deliver('A', 1);
    scripted.caughtUp(1);
    runner = new ProjectionRunner(scripted as unknown as EventStore, [new Recorder()]);
    await runner.onApplicationBootstrap();
    // The store now holds an event at position 2 that its subscription does not deliver.
    scripted.head = 2;

    await expect(runner.catchUpToHead(30)).rejects.toThrow(new ReadModelsBehindError(2));
    await expect(runner.catchUpToHead(30)).rejects.toBeInstanceOf(ReadModelsBehindError);
  });

  it('ignores an event delivered again at or below its checkpoint', async () => {
    const scripted = new ScriptedStore();
    scripted.deliver('A', 1);
    scripted.deliver('B', 2);
    scripted.caughtUp(2);
    const recorder = new Recorder();
    runner = new ProjectionRunner(scripted as unknown as EventStore, [recorder]);
    await runner.onApplicationBootstrap();

    scripted.deliver('A', 1);
    scripted.deliver('B', 2);
    scripted.deliver('C', 3);
    await runner.catchUpToHead();

    expect(recorder.seen).toEqual([
      { type: 'A', position: 1 },
      { type: 'B', position: 2 },
      { type: 'C', position: 3 },
    ]);
    expect(runner.checkpoint).toBe(3);
  });

  it('resubscribes after its checkpoint, so a restart applies nothing twice', async () => {
    await store.append('s-1', [event('A'), event('B')]);
    const recorder = new Recorder();
    runner = new ProjectionRunner(store, [recorder]);
    await runner.onApplicationBootstrap();
    await runner.onApplicationShutdown();

    await store.append('s-1', [event('C')]);
    const resubscribed: Array<Position | undefined> = [];
    const subscribe = store.subscribeToAll.bind(store);
    store.subscribeToAll = (options) => (resubscribed.push(options?.after), subscribe(options));
    await runner.onApplicationBootstrap();

    expect(resubscribed).toEqual([2]);
    expect(recorder.seen.map((e) => e.type)).toEqual(['A', 'B', 'C']);
  });

  it('a projection failing during replay stops start-up, keeps the checkpoint before the failing event, and fails later queries', async () => {
    await store.append('s-1', [event('Good'), event('Poison'), event('After')]);
    const recorder = new Recorder('broken', 'Poison');
    runner = new ProjectionRunner(store, [recorder]);

    await expect(runner.onApplicationBootstrap()).rejects.toThrow('broken cannot fold Poison');

    expect(recorder.seen.map((e) => e.type)).toEqual(['Good']);
    expect(runner.checkpoint).toBe(1);
    await expect(runner.catchUpToHead()).rejects.toThrow('broken cannot fold Poison');
  });

  it('a projection failing on a live event fails the queries waiting for it at once, not at their timeout', async () => {
    const scripted = new ScriptedStore();
    scripted.caughtUp(0);
    const recorder = new Recorder('broken', 'Poison');
    runner = new ProjectionRunner(scripted as unknown as EventStore, [recorder]);
    await runner.onApplicationBootstrap();
    scripted.head = 1;
    const started = Date.now();
    const waiting = runner.catchUpToHead(10_000);

    scripted.deliver('Poison', 1);

    await expect(waiting).rejects.toThrow('broken cannot fold Poison');
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(runner.checkpoint).toBeUndefined();
  });

  describe('with snapshots', () => {
    const subscribedAfter = (target: InMemoryEventStore): Array<Position | undefined> => {
      const seen: Array<Position | undefined> = [];
      const subscribe = target.subscribeToAll.bind(target);
      target.subscribeToAll = (options) => (seen.push(options?.after), subscribe(options));
      return seen;
    };

    it('saves the read models at shutdown; the next start restores them and reads only the log after them', async () => {
      const snapshots = new InMemorySnapshotStore();
      await store.append('s-1', [event('A'), event('B'), event('A')]);
      runner = new ProjectionRunner(store, [new Counter()], snapshots);
      await runner.onApplicationBootstrap();
      await runner.beforeApplicationShutdown();
      expect(await snapshots.load('counter')).toMatchObject({ version: 1, position: 3 });

      await store.append('s-1', [event('B')]);
      const counter = new Counter();
      const after = subscribedAfter(store);
      runner = new ProjectionRunner(store, [counter], snapshots);
      await runner.onApplicationBootstrap();
      expect(after).toEqual([3]);
      expect(counter.counts).toEqual({ A: 2, B: 2 });
    });

    it('asks for every snapshot when it is made, before restoring the first (the next travels while one is decoded), and restores them in order', async () => {
      const snapshots = new InMemorySnapshotStore();
      await store.append('s-1', [event('A'), event('B')]);
      runner = new ProjectionRunner(store, [new Counter('one'), new Counter('two')], snapshots);
      await runner.onApplicationBootstrap();
      await runner.beforeApplicationShutdown();

      const steps: string[] = [];
      const load = snapshots.load.bind(snapshots);
      snapshots.load = (name) => (steps.push(`load ${name}`), load(name));
      const restoring = (counter: Counter) => {
        const restore = counter.restore.bind(counter);
        counter.restore = (state, position) => (steps.push(`restore ${counter.name}`), restore(state, position));
        return counter;
      };
      const [one, two] = [restoring(new Counter('one')), restoring(new Counter('two'))];
      runner = new ProjectionRunner(store, [one, two], snapshots);
      // Asked for when the app is wired, before its bootstrap.
      expect(steps).toEqual(['load one', 'load two']);
      await runner.onApplicationBootstrap();
      expect(steps).toEqual(['load one', 'load two', 'restore one', 'restore two']);
      expect([one.counts, two.counts]).toEqual([{ A: 1, B: 1 }, { A: 1, B: 1 }]);
    });

    it('discards a snapshot of another version and rebuilds that projection from zero; the others ignore what they hold already', async () => {
      const snapshots = new InMemorySnapshotStore();
      await store.append('s-1', [event('A'), event('B')]);
      runner = new ProjectionRunner(store, [new Counter('one'), new Counter('two')], snapshots);
      await runner.onApplicationBootstrap();
      await runner.beforeApplicationShutdown();
      await store.append('s-1', [event('A')]);

      const [one, two] = [new Counter('one'), new Counter('two', 2)];
      const after = subscribedAfter(store);
      runner = new ProjectionRunner(store, [one, two], snapshots);
      await runner.onApplicationBootstrap();
      expect(after).toEqual([undefined]);
      expect(one.counts).toEqual({ A: 2, B: 1 });
      expect(two.counts).toEqual({ A: 2, B: 1 });
    });

    it('does not trust a snapshot beyond the store’s head (the events replaced, the snapshots kept)', async () => {
      const snapshots = new InMemorySnapshotStore();
      await snapshots.save([{ name: 'counter', version: 1, position: 99, state: jsonSnapshot.encode({ Ghost: 7 }) }]);
      await store.append('s-1', [event('A')]);
      const counter = new Counter();
      runner = new ProjectionRunner(store, [counter], snapshots);
      await runner.onApplicationBootstrap();
      expect(counter.counts).toEqual({ A: 1 });
    });
  });
});
