/**
 * The snapshot stores, each against its real database: a snapshot reads back as written (bytes,
 * version, position), saving again replaces it, several are saved at once, deleting forgets it, and
 * the PostgreSQL store never lets an older position replace a newer one (several instances share it).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, TestDatabase } from '@solmu/testing';
import type { SnapshotStore } from '../snapshot-store.port';
import { InMemorySnapshotStore } from './in-memory/in-memory-snapshot-store';
import { PostgresSnapshotStore } from './postgres/postgres-snapshot-store';
import { SqliteSnapshotStore } from './sqlite/sqlite-snapshot-store';

const bytes = (length: number, seed: number) => Uint8Array.from({ length }, (_, i) => (i * seed) & 255);

function describeSnapshotStore(name: string, open: () => Promise<{ store: SnapshotStore; reopen(): Promise<SnapshotStore>; done(): Promise<void> }>) {
  describe(name, () => {
    it('reads back what it saved, replaces it, saves several at once, forgets on delete, and keeps them across a reopening', async () => {
      const { store, reopen, done } = await open();
      try {
        expect(await store.load('a')).toBeUndefined();
        // Incompressible, so what travels is as long as the state (PostgreSQL sends it as base64 in lines).
        const big = new Uint8Array(randomBytes(3 * 2 ** 20));
        await store.save([{ name: 'a', version: 1, position: 10, state: big }]);
        expect(await store.load('a')).toEqual({ name: 'a', version: 1, position: 10, state: expect.anything() });
        expect(Buffer.compare(Buffer.from((await store.load('a'))!.state), Buffer.from(big))).toBe(0);
        await store.save([
          { name: 'a', version: 2, position: 20, state: bytes(10, 3) },
          { name: 'network-analysis:n1', version: 1, position: 20, state: bytes(5, 5) },
        ]);
        expect(await store.load('a')).toMatchObject({ version: 2, position: 20 });
        expect([...(await store.load('network-analysis:n1'))!.state]).toEqual([...bytes(5, 5)]);
        await store.delete('network-analysis:n1');
        expect(await store.load('network-analysis:n1')).toBeUndefined();
        await store.close();
        const again = await reopen();
        expect(await again.load('a')).toMatchObject({ version: 2, position: 20 });
        await again.close();
      } finally {
        await done();
      }
    });
  });
}

describeSnapshotStore('InMemorySnapshotStore', async () => {
  const store = new InMemorySnapshotStore();
  return { store, reopen: async () => store, done: async () => undefined };
});

describeSnapshotStore('SqliteSnapshotStore', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'solmu-snapshots-'));
  const path = join(dir, 'solmu-snapshots.db');
  return { store: new SqliteSnapshotStore(path), reopen: async () => new SqliteSnapshotStore(path), done: async () => rmSync(dir, { recursive: true, force: true }) };
});

describe('PostgresSnapshotStore', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('snapshots');
  });
  afterAll(async () => {
    await db.drop();
  });

  describeSnapshotStore('on a real server', async () => ({ store: await PostgresSnapshotStore.open(db.url), reopen: () => PostgresSnapshotStore.open(db.url), done: async () => undefined }));

  it('keeps the newer of two instances’ snapshots: an older position does not replace it', async () => {
    const [one, two] = await Promise.all([PostgresSnapshotStore.open(db.url), PostgresSnapshotStore.open(db.url)]);
    try {
      await one.save([{ name: 'log', version: 1, position: 500, state: bytes(4, 1) }]);
      await two.save([{ name: 'log', version: 1, position: 300, state: bytes(4, 2) }]);
      expect(await one.load('log')).toMatchObject({ position: 500 });
      // A new format replaces whatever was there.
      await two.save([{ name: 'log', version: 2, position: 300, state: bytes(4, 2) }]);
      expect(await one.load('log')).toMatchObject({ version: 2, position: 300 });
    } finally {
      await Promise.all([one.close(), two.close()]);
    }
  });
});
