import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { interactionSubject, memberSubject } from '@solmu/network';
import { ERASED, openKeyStore } from '@solmu/privacy';
import { aPerson, linkPerson, RunningSolmu, startSolmu } from './support/solmu-app';

/** Every byte of every file in the data directory: events, keys and identity, with WALs. */
function filesContaining(dir: string, needles: string[]): string[] {
  return readdirSync(dir).flatMap((file) => {
    const bytes = readFileSync(join(dir, file));
    return needles.filter((n) => bytes.includes(Buffer.from(n, 'utf8')) || bytes.includes(Buffer.from(n, 'utf16le'))).map((n) => `${file}: ${n}`);
  });
}

/** Files of the data directory holding any of these raw byte strings (data keys), by label. */
function filesHoldingBytes(dir: string, needles: Record<string, Buffer>): string[] {
  return readdirSync(dir).flatMap((file) => {
    const bytes = readFileSync(join(dir, file));
    return Object.entries(needles)
      .filter(([, needle]) => bytes.includes(needle))
      .map(([label]) => `${file}: ${label}`);
  });
}

/** The data keys of these subjects as the key file holds them, read through a second connection. */
async function storedKeys(dir: string, subjects: string[]): Promise<Record<string, Buffer>> {
  const keys = await openKeyStore({ kind: 'sqlite', path: join(dir, 'solmu-keys.db') });
  try {
    const found = await keys.getKeys(subjects);
    return Object.fromEntries(subjects.map((subject) => {
      const key = found.get(subject);
      if (key === undefined || key === ERASED) throw new Error(`no key stored for ${subject}`);
      return [subject, key];
    }));
  } finally {
    await keys.close();
  }
}

describe('members’ data rights', () => {
  let solmu: RunningSolmu;
  beforeAll(async () => (solmu = await startSolmu()));
  afterAll(() => solmu.stop());

  it('a member downloads everything Solmu holds about them', async () => {
    const network = (await solmu.request('POST', '/networks', { name: 'Export net', foundedAt: '2024-01-01T00:00:00Z' })).body.id;
    const me = (await solmu.request('POST', `/networks/${network}/members`, { name: 'Eeva Export', email: 'eeva@export.test', joinedAt: '2024-01-02T00:00:00Z' })).body.id;
    const other = (await solmu.request('POST', `/networks/${network}/members`, { name: 'Olli', joinedAt: '2024-01-02T00:00:00Z' })).body.id;
    const third = (await solmu.request('POST', `/networks/${network}/members`, { name: 'Kolmas', joinedAt: '2024-01-02T00:00:00Z' })).body.id;
    const person = await aPerson(solmu, 'eeva@export.test');
    await linkPerson(solmu, network, me, person.token);
    await solmu.request('POST', `/networks/${network}/interactions`, { kind: 'co_developed', participants: [me, other], occurredAt: '2024-03-01T00:00:00Z', note: 'Joint pilot' });
    await solmu.request('POST', `/networks/${network}/interactions`, { kind: 'discussed', participants: [other, third], occurredAt: '2024-03-02T00:00:00Z', note: 'Not about Eeva' });

    const exported = await solmu.requestAs(person.token, 'GET', `/networks/${network}/members/${me}/export`);

    expect(exported.status).toBe(200);
    expect(exported.body.member).toMatchObject({ id: me, name: 'Eeva Export', email: 'eeva@export.test', hasAccount: true });
    expect(exported.body.interactions.map((i: { note: string }) => i.note)).toEqual(['Joint pilot']);
    expect(exported.body.events.map((e: { type: string }) => e.type)).toEqual(['MemberJoined', 'MemberAccountLinked', 'InteractionLogged']);
    expect(JSON.stringify(exported.body)).not.toContain('Not about Eeva');
  });

  it('after erasure no byte of the name, email or notes is readable in any database file, and the structure stays', async () => {
    const secret = { name: 'Zyxwvut Erasable', email: 'zyxwvut@erase.test', note: 'Zyxwvut talked about salmon quotas', renamed: 'Zyxwvut Renamed' };
    const network = (await solmu.request('POST', '/networks', { name: 'Erasure net', foundedAt: '2024-01-01T00:00:00Z' })).body.id;
    const target = (await solmu.request('POST', `/networks/${network}/members`, { name: secret.name, email: secret.email, organisation: 'Kalatalous ry', joinedAt: '2024-01-02T00:00:00Z' })).body.id;
    const other = (await solmu.request('POST', `/networks/${network}/members`, { name: 'Stays Visible', joinedAt: '2024-01-02T00:00:00Z' })).body.id;
    await solmu.request('PATCH', `/networks/${network}/members/${target}`, { name: secret.renamed });
    const interaction = (await solmu.request('POST', `/networks/${network}/interactions`, { kind: 'outlined_goals', participants: [target, other], occurredAt: '2024-03-01T00:00:00Z', note: secret.note })).body.id;
    const before = await solmu.request('GET', `/networks/${network}/events?limit=1000`);
    const needles = Object.values(secret);
    const keys = await storedKeys(solmu.dir, [memberSubject(target), interactionSubject(interaction)]);
    // Positive controls: the scan sees into these files. The organisation is not personal data and
    // is stored as it is; the keys are in the key file. Only then does finding nothing mean anything.
    expect(filesContaining(solmu.dir, ['Kalatalous ry']).length).toBeGreaterThan(0);
    expect(filesHoldingBytes(solmu.dir, keys).map((found) => found.split(': ')[1]).sort()).toEqual(Object.keys(keys).sort());
    expect(filesContaining(solmu.dir, needles)).toEqual([]); // encrypted at rest from the start

    const erased = await solmu.request('POST', `/networks/${network}/members/${target}/erase`);
    const member = await solmu.request('GET', `/networks/${network}/members/${target}`);
    const note = await solmu.request('GET', `/networks/${network}/interactions/${interaction}`);
    solmu = await solmu.restart();
    const afterRestart = await solmu.request('GET', `/networks/${network}/events?limit=1000`);
    const memberAfterRestart = await solmu.request('GET', `/networks/${network}/members/${target}`);
    const dir = solmu.dir;
    await solmu.app.close();

    expect(erased.body).toMatchObject({ memberId: target, interactionsShredded: 1 });
    expect(member.body).toMatchObject({ id: target, name: 'erased member', erased: true, organisation: 'Kalatalous ry' });
    expect(member.body.email).toBeUndefined();
    expect(note.body.note).toBeUndefined();
    expect(note.body.participants).toEqual([target, other]);
    expect(memberAfterRestart.body).toMatchObject({ name: 'erased member', erased: true });
    expect(afterRestart.body.events.map((e: { type: string }) => e.type)).toEqual([...before.body.events.map((e: { type: string }) => e.type), 'MemberErased']);
    expect(JSON.stringify(afterRestart.body)).not.toMatch(/Zyxwvut/);
    expect(filesContaining(dir, needles)).toEqual([]);
    expect(filesHoldingBytes(dir, keys)).toEqual([]);
    expect(filesContaining(dir, ['Kalatalous ry']).length).toBeGreaterThan(0);
    solmu = await startSolmu({ dir });
  });

  it('a member may erase themselves; a member may not erase someone else', async () => {
    const network = (await solmu.request('POST', '/networks', { name: 'Self erasure', foundedAt: '2024-01-01T00:00:00Z' })).body.id;
    const me = (await solmu.request('POST', `/networks/${network}/members`, { name: 'Minä', joinedAt: '2024-01-02T00:00:00Z' })).body.id;
    const other = (await solmu.request('POST', `/networks/${network}/members`, { name: 'Muu', joinedAt: '2024-01-02T00:00:00Z' })).body.id;
    const person = await aPerson(solmu, 'mina@self.test');
    await linkPerson(solmu, network, me, person.token);

    const someoneElse = await solmu.requestAs(person.token, 'POST', `/networks/${network}/members/${other}/erase`);
    const myself = await solmu.requestAs(person.token, 'POST', `/networks/${network}/members/${me}/erase`);

    expect(someoneElse.status).toBe(403);
    expect(myself.status).toBe(200);
  });
});
