import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeEventStoreContract } from '../../testing/event-store.contract';
import { SqliteEventStore } from './sqlite-event-store';

describeEventStoreContract('SQLite file', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'solmu-store-'));
  return {
    store: new SqliteEventStore({ path: join(dir, 'events.db'), pollMs: 20 }),
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
});

describeEventStoreContract('SQLite :memory:', async () => ({ store: new SqliteEventStore({ path: ':memory:', pollMs: 20 }) }));

describe('SQLite store shared by two processes (two connections to one file)', () => {
  it('a stream read again after another connection appended shows the new events', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'solmu-two-'));
    const path = join(dir, 'events.db');
    const ours = new SqliteEventStore({ path });
    const theirs = new SqliteEventStore({ path });
    const event = (n: number) => ({ id: `00000000-0000-7000-8000-${String(n).padStart(12, '0')}`, type: 'Counted', data: { n }, metadata: {} });
    await ours.append('shared-1', [event(1)]);
    expect(await ours.readStream('shared-1', { fromRevision: 1 })).toEqual([]);

    await theirs.append('shared-1', [event(2)], { expectedRevision: 0 });

    expect((await ours.readStream('shared-1', { fromRevision: 1 })).map((e) => e.data.n)).toEqual([2]);
    await ours.close();
    await theirs.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
