import { randomUUID } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ERASED } from '../key-store.port';
import { describeKeyStoreContract } from '../testing/key-store.contract';
import { LATEST_KEY_STORE_SCHEMA_VERSION, SqliteKeyStore } from './sqlite-key-store';

describeKeyStoreContract('SQLite file', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'solmu-keys-'));
  return {
    keys: new SqliteKeyStore({ path: join(dir, 'keys.db') }),
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
});

describeKeyStoreContract('SQLite :memory:', async () => ({ keys: new SqliteKeyStore({ path: ':memory:' }) }));

describe('SqliteKeyStore file', () => {
  let dir: string;
  let path: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'solmu-keys-'));
    path = join(dir, 'keys.db');
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** Every file SQLite left in the directory (database, WAL, shared memory, journals), whole. */
  const filesInDir = () => readdirSync(dir).map((name) => ({ name, bytes: readFileSync(join(dir, name)) }));

  it('keeps keys and erasures across a restart', async () => {
    const [kept, gone] = [`member-${randomUUID()}`, `member-${randomUUID()}`];
    const first = new SqliteKeyStore({ path });
    const created = await first.getOrCreateKeys([kept, gone]);
    await first.destroyKeys([gone]);
    await first.close();

    const reopened = new SqliteKeyStore({ path });
    const read = await reopened.getOrCreateKeys([kept, gone]);
    await reopened.close();

    expect(read.get(kept)).toEqual(created.get(kept));
    expect(read.get(gone)).toBe(ERASED);
  });

  it('leaves no byte of a destroyed key in the file, its WAL or free pages, among thousands of live keys', async () => {
    const keys = new SqliteKeyStore({ path });
    const subjects = Array.from({ length: 3000 }, () => `member-${randomUUID()}`);
    // Created in many small commits, so the B-tree splits and rebalances as in real use.
    for (let i = 0; i < subjects.length; i += 50) await keys.getOrCreateKeys(subjects.slice(i, i + 50));
    const stored = await keys.getKeys(subjects);
    const victims = subjects.filter((_, i) => i % 97 === 0);
    const survivor = subjects[1];
    const victimKeys = victims.map((s) => stored.get(s) as Buffer);
    expect(filesInDir().some((f) => f.bytes.includes(victimKeys[0]))).toBe(true);

    await keys.destroyKeys(victims);

    const whileOpen = filesInDir();
    expect(whileOpen.find((f) => f.name === 'keys.db-wal')?.bytes.length ?? 0).toBe(0);
    await keys.close();
    const afterClose = filesInDir();
    for (const files of [whileOpen, afterClose]) {
      for (const key of victimKeys) expect(files.filter((f) => f.bytes.includes(key)).map((f) => f.name)).toEqual([]);
      expect(files.some((f) => f.bytes.includes(stored.get(survivor) as Buffer))).toBe(true);
    }
  });

  it('group-commits the keys created in one turn of the event loop', async () => {
    const keys = new SqliteKeyStore({ path });
    const subjects = Array.from({ length: 200 }, () => `interaction-${randomUUID()}`);

    const answers = await Promise.all(subjects.map((s) => keys.getOrCreateKeys([s])));
    const { keyCommits } = keys.stats();
    await keys.close();

    expect(keyCommits).toBe(1);
    expect(answers.every((m, i) => m.get(subjects[i]) instanceof Buffer)).toBe(true);
  });

  it('creates the key file readable by its owner only', async () => {
    const keys = new SqliteKeyStore({ path });
    await keys.getOrCreateKeys(['member-1']);

    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(`${path}-wal`).mode & 0o777).toBe(0o600);
    await keys.close();
  });

  it('records its schema version and refuses a file from a newer Solmu', async () => {
    await new SqliteKeyStore({ path }).close();
    expect(readFileSync(path).readUInt32BE(60)).toBe(LATEST_KEY_STORE_SCHEMA_VERSION);
    // user_version lives at byte 60 of the database header.
    const fd = openSync(path, 'r+');
    const newer = Buffer.alloc(4);
    newer.writeUInt32BE(LATEST_KEY_STORE_SCHEMA_VERSION + 1);
    writeSync(fd, newer, 0, 4, 60);
    closeSync(fd);

    expect(() => new SqliteKeyStore({ path })).toThrow(/newer than this Solmu understands/);
  });

  it('refuses work once closed', async () => {
    const keys = new SqliteKeyStore({ path });
    await keys.close();

    await expect(keys.getOrCreateKeys(['member-1'])).rejects.toThrow(/closed/);
    await expect(keys.destroyKeys(['member-1'])).rejects.toThrow(/closed/);
  });
});
