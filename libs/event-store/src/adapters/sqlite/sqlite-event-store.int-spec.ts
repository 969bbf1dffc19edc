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
