import { InMemoryEventStore } from './adapters/in-memory/in-memory-event-store';
import { Aggregate, AggregateRepository, retryOnConflict } from './aggregate-repository';
import { ConcurrencyError, EventStore, NO_STREAM } from './event-store.port';

type Counted = { type: 'Counted'; data: { by: number } };
const counter: Aggregate<number, Counted> = { initialState: () => 0, evolve: (total, e) => total + e.data.by, versions: { Counted: 1 } };
let nextId = 0;
const ids = () => [`00000000-0000-7000-8000-${String(++nextId).padStart(12, '0')}`];
const add = (by: number) => (): Counted[] => [{ type: 'Counted', data: { by } }];

describe('AggregateRepository', () => {
  let store: EventStore;
  beforeEach(() => (store = new InMemoryEventStore()));

  it('folds a stream and keeps up with events appended by another writer', async () => {
    const repository = new AggregateRepository(store, counter);
    await store.append('counter-1', [{ id: ids()[0], type: 'Counted', data: { by: 2 }, metadata: {} }], { expectedRevision: NO_STREAM });
    expect(await repository.load('counter-1')).toEqual({ state: 2, revision: 0 });

    await store.append('counter-1', [{ id: ids()[0], type: 'Counted', data: { by: 3 }, metadata: {} }], { expectedRevision: 0 });

    expect(await repository.load('counter-1')).toEqual({ state: 5, revision: 1 });
  });

  it('writes the schema version and the context metadata on each event', async () => {
    const repository = new AggregateRepository(store, counter);
    await repository.handle('counter-1', add(1), { eventIds: ids(), metadata: { actor: 'alice', source: 'api' } });
    const [event] = await store.readStream('counter-1');
    expect(event.metadata).toEqual({ actor: 'alice', source: 'api', schemaVersion: 1 });
  });

  it('serialises a burst of commands on one stream in this process, so none exhausts its retries', async () => {
    const repository = new AggregateRepository(store, counter);

    const results = await Promise.all(Array.from({ length: 40 }, () => repository.handle('counter-1', add(1), { eventIds: ids(), metadata: {} })));

    expect(results.map((r) => r.state).sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect((await repository.load('counter-1')).state).toBe(40);
  });

  it('decides again on fresh state when another process wrote in between', async () => {
    const ours = new AggregateRepository(store, counter);
    await ours.handle('counter-1', add(1), { eventIds: ids(), metadata: {} });
    let interfered = false;

    const result = await ours.handle(
      'counter-1',
      (state) => {
        if (!interfered) {
          interfered = true;
          // The in-memory store appends synchronously, so this lands before our append.
          void store.append('counter-1', [{ id: ids()[0], type: 'Counted', data: { by: 10 }, metadata: {} }]);
        }
        return [{ type: 'Counted', data: { by: state } }];
      },
      { eventIds: ids(), metadata: {} },
    );

    // 1, then their 10, then ours decided again on 11: 1 + 10 + 11.
    expect(result.state).toBe(22);
  });

  it('gives up after a bounded number of conflicts with the concurrency error', async () => {
    let attempts = 0;
    const alwaysConflicting = retryOnConflict(async () => {
      attempts += 1;
      throw new ConcurrencyError('s', 0, 1);
    }, 4);
    await expect(alwaysConflicting).rejects.toBeInstanceOf(ConcurrencyError);
    expect(attempts).toBe(4);
  });
});
