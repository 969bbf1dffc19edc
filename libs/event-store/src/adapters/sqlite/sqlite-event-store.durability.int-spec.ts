import Database from 'better-sqlite3';
import { fsyncSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppendResult, NewEvent } from '../../event-store.port';
import { SqliteEventStore, SqliteSynchronous } from './sqlite-event-store';

/**
 * An append is acknowledged only once the WAL holding it is on disk. The WAL sync is injected and
 * held here, so the test sees exactly when each append's promise settles relative to it.
 */
class HeldSyncs {
  readonly calls: Array<{ fd: number; release: () => void; fail: (error: Error) => void }> = [];

  readonly sync = (fd: number): Promise<void> =>
    new Promise((release, fail) => {
      this.calls.push({ fd, release: () => (fsyncSync(fd), release()), fail });
    });
}

interface Watched {
  settled: boolean;
  result?: AppendResult;
  error?: unknown;
}

function watch(promise: Promise<AppendResult>): Watched {
  const watched: Watched = { settled: false };
  promise.then(
    (result) => Object.assign(watched, { settled: true, result }),
    (error: unknown) => Object.assign(watched, { settled: true, error }),
  );
  return watched;
}

/** Lets the store flush its queue (setImmediate) and any settled promise run its callbacks. */
const turns = async (n = 5) => {
  for (let i = 0; i < n; i += 1) await new Promise((r) => setImmediate(r));
};

let counter = 0;
const event = (): NewEvent => ({ id: `00000000-0000-7000-8000-${String((counter += 1)).padStart(12, '0')}`, type: 'Counted', data: {}, metadata: {} });

describe('SQLite store durability', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'solmu-durable-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('does not acknowledge an append before the WAL sync completes; appends made meanwhile share the next sync', async () => {
    const syncs = new HeldSyncs();
    const store = new SqliteEventStore({ path: join(dir, 'events.db'), syncWal: syncs.sync });

    const first = watch(store.append('s-1', [event()]));
    await turns();

    expect(syncs.calls).toHaveLength(1);
    expect(first.settled).toBe(false);
    // Committed (another connection can read it) but not yet acknowledged.
    const reader = new Database(join(dir, 'events.db'), { readonly: true });
    expect(reader.prepare('SELECT count(*) AS n FROM events').get()).toEqual({ n: 1 });
    reader.close();

    const second = watch(store.append('s-2', [event()]));
    await turns();
    const third = watch(store.append('s-3', [event()]));
    await turns();
    expect(syncs.calls).toHaveLength(1);
    expect([second.settled, third.settled]).toEqual([false, false]);

    syncs.calls[0].release();
    await turns();

    expect(first.result?.position).toBe(1);
    expect([second.settled, third.settled]).toEqual([false, false]);
    expect(syncs.calls).toHaveLength(2);

    syncs.calls[1].release();
    await turns();

    expect([second.result?.position, third.result?.position]).toEqual([2, 3]);
    expect(syncs.calls).toHaveLength(2);
    await store.close();
  });

  it('rejects the appends a failed sync covered, and later appends sync afresh', async () => {
    const syncs = new HeldSyncs();
    const store = new SqliteEventStore({ path: join(dir, 'events.db'), syncWal: syncs.sync });

    const lost = watch(store.append('s-1', [event()]));
    await turns();
    syncs.calls[0].fail(new Error('EIO: disk gone'));
    await turns();

    expect(lost.error).toEqual(new Error('EIO: disk gone'));
    const next = watch(store.append('s-2', [event()]));
    await turns();
    expect(next.settled).toBe(false);
    syncs.calls[1].release();
    await turns();
    expect(next.result?.position).toBe(2);
    await store.close();
  });

  it('close waits for the sync in flight', async () => {
    const syncs = new HeldSyncs();
    const store = new SqliteEventStore({ path: join(dir, 'events.db'), syncWal: syncs.sync });
    const pending = watch(store.append('s-1', [event()]));
    await turns();

    let closed = false;
    const closing = store.close().then(() => (closed = true));
    await turns();
    expect([closed, pending.settled]).toEqual([false, false]);

    syncs.calls[0].release();
    await turns();
    expect(pending.result?.position).toBe(1);
    // Close asks for one more sync of its own before it closes the file.
    syncs.calls.slice(1).forEach((call) => call.release());
    await closing;
  });

  it('runs a file store in WAL mode with synchronous at NORMAL by default', () => {
    const store = new SqliteEventStore({ path: join(dir, 'events.db') });
    const settings = (store as unknown as { db: Database.Database }).db;

    expect(settings.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(settings.pragma('synchronous', { simple: true })).toBe(1);
    return store.close();
  });

  it('refuses to start with synchronous=OFF, which could lose acknowledged events', () => {
    expect(() => new SqliteEventStore({ path: join(dir, 'events.db'), synchronous: 'OFF' })).toThrow(
      /Refusing to open the event store .*events\.db: it could lose acknowledged events: synchronous is 0 \(OFF\)/,
    );
  });

  it('refuses a synchronous level SQLite does not know', () => {
    expect(() => new SqliteEventStore({ path: join(dir, 'events.db'), synchronous: 'SOMETIMES' as SqliteSynchronous })).toThrow(
      'Unknown SQLite synchronous level: SOMETIMES',
    );
  });

  it.each(['NORMAL', 'FULL', 'EXTRA'] as const)('starts with synchronous=%s', async (level) => {
    const store = new SqliteEventStore({ path: join(dir, 'events.db'), synchronous: level });
    expect((await store.append('s-1', [event()])).position).toBe(1);
    await store.close();
  });
});
