import { EventStore, NewEvent, openEventStore, RecordedEvent } from '@solmu/event-store';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteKeyStore } from './adapters/sqlite-key-store';
import { EncryptingEventStore } from './encrypting-event-store';
import { ERASED } from './key-store.port';
import { PersonalDataVault, SubjectErasedError } from './personal-data-vault';
import { ERASED_MEMBER, interactionLogged, memberJoined, memberLikePolicy, memberProfileChanged } from './testing/member-like-events';

/**
 * The acceptance test of GDPR erasure in an append-only log: over a real SQLite event store file and
 * a real SQLite key file, a member's name, email and notes never reach the event store in plaintext,
 * and after erasure not one byte of them (nor of their keys) is readable anywhere in the directory:
 * database files, WALs, shared-memory files, journals, free pages. The network's structure stays.
 */

const NAME = 'Zyxwvut Erasable-Person';
const RENAMED = 'Zyxwvut Renamed-Person';
const EMAIL = 'zyxwvut@example.invalid';
const NOTE = 'Zyxwvut discussed salmon quotas';
const SECRETS = [NAME, RENAMED, EMAIL, NOTE, 'Zyxwvut', 'zyxwvut'];
/** Not personal data: stored in plaintext, so finding it proves the scan can see into these files. */
const ORGANISATION = 'Salmon Cooperative of Kalajoki';

interface Finding {
  file: string;
  what: string;
  encoding: string;
}

/** Searches every byte of every file in the directory for each needle, as UTF-8 and as UTF-16LE. */
function scan(dir: string, needles: Array<{ what: string; bytes: Buffer[] }>): { files: string[]; findings: Finding[] } {
  const files = readdirSync(dir).filter((name) => statSync(join(dir, name)).isFile());
  const findings: Finding[] = [];
  for (const file of files) {
    const content = readFileSync(join(dir, file));
    for (const { what, bytes } of needles) {
      bytes.forEach((needle, i) => {
        if (content.includes(needle)) findings.push({ file, what, encoding: i === 0 ? 'utf8' : 'utf16le' });
      });
    }
  }
  return { files, findings };
}

const text = (what: string) => ({ what, bytes: [Buffer.from(what, 'utf8'), Buffer.from(what, 'utf16le')] });
const binary = (what: string, key: Buffer) => ({ what, bytes: [key] });

describe('crypto-shredding over SQLite files (acceptance)', () => {
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'solmu-erasure-'));
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function open() {
    const events = await openEventStore({ kind: 'sqlite', path: join(dir, 'solmu.db'), pollMs: 20 });
    const keys = new SqliteKeyStore({ path: join(dir, 'solmu-keys.db') });
    const vault = new PersonalDataVault(keys);
    return { events, keys, vault, store: new EncryptingEventStore(events, vault, memberLikePolicy) };
  }

  /** What erasure must leave intact: every event's place, type and the ids that make the network. */
  const structure = (events: RecordedEvent[]) =>
    events.map((e) => ({ id: e.id, streamId: e.streamId, revision: e.revision, type: e.type, memberId: e.data.memberId, participants: e.data.participants }));

  const z = randomUUID();
  const alice = randomUUID();
  const others = Array.from({ length: 150 }, () => randomUUID());
  const withNote = randomUUID();
  const withoutNote = randomUUID();
  const alicesOwn = randomUUID();

  let before: ReturnType<typeof structure>;
  let zKeys: Buffer[];

  it('never writes the plaintext to any file, while reads return it', async () => {
    const { store, keys } = await open();
    await store.append('network-n1', [
      memberJoined(z, { name: NAME, email: EMAIL, organisation: ORGANISATION }),
      memberJoined(alice, { name: 'Alice Kept', email: 'alice@example.invalid' }),
      ...others.map((id, i) => memberJoined(id, { name: `Member ${i}`, email: `member${i}@example.invalid` })),
      memberProfileChanged(z, { name: RENAMED }),
    ]);
    const interactions: Array<[string, NewEvent]> = [
      [withNote, interactionLogged(withNote, [z, alice], NOTE)],
      [withoutNote, interactionLogged(withoutNote, [z, others[0]])],
      [alicesOwn, interactionLogged(alicesOwn, [alice, others[1]], 'Alice and a colleague planned the pilot')],
      ...others.map((id, i): [string, NewEvent] => {
        const interactionId = randomUUID();
        return [interactionId, interactionLogged(interactionId, [id, others[(i + 1) % others.length]], `Note ${i} about the pilot`)];
      }),
    ];
    await Promise.all(interactions.map(([id, event]) => store.append(`interaction-${id}`, [event])));

    const all = await store.readAll();
    const joinedZ = all.find((e) => e.type === 'MemberJoined' && e.data.memberId === z)!;
    expect(joinedZ.data).toMatchObject({ name: NAME, email: EMAIL, organisation: ORGANISATION });
    expect(all.find((e) => e.type === 'MemberProfileChanged')!.data.changes).toEqual({ name: RENAMED });
    expect((await store.readStream(`interaction-${withNote}`))[0].data.note).toBe(NOTE);

    // Both stores still open: their WALs are on disk too, and are scanned with the rest.
    const whileOpen = scan(dir, [...SECRETS.map(text), text(ORGANISATION)]);
    expect(whileOpen.files).toEqual(expect.arrayContaining(['solmu.db', 'solmu.db-wal', 'solmu-keys.db', 'solmu-keys.db-wal']));
    expect(whileOpen.findings.filter((f) => f.what !== ORGANISATION)).toEqual([]);
    expect(whileOpen.findings.some((f) => f.what === ORGANISATION && f.file.startsWith('solmu.db'))).toBe(true);

    before = structure(all);
    const held = await keys.getKeys([`member-${z}`, `interaction-${withNote}`]);
    zKeys = [...held.values()] as Buffer[];
    expect(zKeys).toHaveLength(2);
    expect(scan(dir, zKeys.map((key, i) => binary(`key ${i}`, key))).findings.length).toBeGreaterThan(0);
    await store.close();
  });

  it('after erasure, no byte of the name, email, notes or their keys is left in any file', async () => {
    const { store, vault } = await open();

    await vault.erase([`member-${z}`, `interaction-${withNote}`, `interaction-${withoutNote}`]);
    const whileOpen = scan(dir, zKeys.map((key, i) => binary(`key ${i}`, key)));
    await store.close();

    expect(whileOpen.files).toEqual(expect.arrayContaining(['solmu-keys.db', 'solmu-keys.db-wal', 'solmu-keys.db-shm']));
    expect(whileOpen.findings).toEqual([]);
    const after = scan(dir, [...SECRETS.map(text), ...zKeys.map((key, i) => binary(`key ${i}`, key)), text(ORGANISATION)]);
    expect(after.files).toEqual(expect.arrayContaining(['solmu.db', 'solmu-keys.db']));
    expect(after.findings.filter((f) => f.what !== ORGANISATION)).toEqual([]);
    expect(after.findings.some((f) => f.what === ORGANISATION)).toBe(true);
  });

  it('after reopening, reads show the erased placeholders and the structure is unchanged', async () => {
    const { store } = await open();

    const all = await store.readAll();
    await store.close();

    expect(structure(all)).toEqual(before);
    const joinedZ = all.find((e) => e.type === 'MemberJoined' && e.data.memberId === z)!;
    expect(joinedZ.data.name).toBe(ERASED_MEMBER);
    expect('email' in joinedZ.data).toBe(false);
    expect(joinedZ.data.organisation).toBe(ORGANISATION);
    expect(all.find((e) => e.type === 'MemberProfileChanged')!.data.changes).toEqual({ name: ERASED_MEMBER });
    const noted = all.find((e) => e.streamId === `interaction-${withNote}`)!;
    expect(noted.data.participants).toEqual([z, alice]);
    expect('note' in noted.data).toBe(false);
    const joinedAlice = all.find((e) => e.type === 'MemberJoined' && e.data.memberId === alice)!;
    expect(joinedAlice.data).toMatchObject({ name: 'Alice Kept', email: 'alice@example.invalid' });
    expect(all.find((e) => e.streamId === `interaction-${alicesOwn}`)!.data.note).toBe('Alice and a colleague planned the pilot');
  });

  it('refuses to make a new key, or store new personal data, for the erased member', async () => {
    const { store, keys, vault } = await open();
    const count = (await store.readAll()).length;

    const answer = await keys.getOrCreateKeys([`member-${z}`, `interaction-${withoutNote}`]);
    const appending = store.append('network-n1', [memberProfileChanged(z, { name: NAME })]);

    expect([...answer.values()]).toEqual([ERASED, ERASED]);
    await expect(vault.encrypt(`member-${z}`, NAME)).rejects.toBeInstanceOf(SubjectErasedError);
    await expect(appending).rejects.toBeInstanceOf(SubjectErasedError);
    expect(await (store as EventStore).readAll()).toHaveLength(count);
    await store.close();
    expect(scan(dir, SECRETS.map(text)).findings).toEqual([]);
  });
});
