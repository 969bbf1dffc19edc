import { InMemoryEventStore, InvalidAppendError, NO_STREAM, RecordedEvent, SubscriptionItem } from '@solmu/event-store';
import { InMemoryKeyStore } from './adapters/in-memory-key-store';
import { EncryptingEventStore } from './encrypting-event-store';
import { PersonalDataVault, SubjectErasedError } from './personal-data-vault';
import { ERASED_MEMBER, interactionLogged, memberJoined, memberLeft, memberLikePolicy, memberProfileChanged } from './testing/member-like-events';

const NAME = 'Zyxwvut Erasable-Person';
const EMAIL = 'zyxwvut@example.invalid';
const NOTE = 'Zyxwvut discussed salmon quotas';

describe('EncryptingEventStore', () => {
  let inner: InMemoryEventStore;
  let vault: PersonalDataVault;
  let store: EncryptingEventStore;

  beforeEach(() => {
    inner = new InMemoryEventStore();
    vault = new PersonalDataVault(new InMemoryKeyStore());
    store = new EncryptingEventStore(inner, vault, memberLikePolicy);
  });

  afterEach(() => store.close());

  /** What the wrapped store holds, as text: where plaintext must never appear. */
  const innerText = async () => JSON.stringify(await inner.readAll());

  async function logZyxwvutsHistory() {
    await store.append('network-n1', [
      memberJoined('z', { name: NAME, email: EMAIL, organisation: 'Salmon Cooperative' }),
      memberJoined('a', { name: 'Alice Kept' }),
      memberProfileChanged('z', { name: `${NAME} Jr`, email: null, role: 'coordinator' }),
    ]);
    await store.append('interaction-i1', [interactionLogged('i1', ['z', 'a'], NOTE)]);
    await store.append('interaction-i2', [interactionLogged('i2', ['z', 'a'])]);
  }

  describe('before erasure', () => {
    it('stores only ciphertext and reads plaintext back from streams and $all', async () => {
      await logZyxwvutsHistory();

      const network = await store.readStream('network-n1');
      const all = await store.readAll();

      expect(network[0].data).toMatchObject({ memberId: 'z', name: NAME, email: EMAIL, organisation: 'Salmon Cooperative' });
      expect(network[2].data.changes).toEqual({ name: `${NAME} Jr`, email: null, role: 'coordinator' });
      expect(all.find((e) => e.streamId === 'interaction-i1')!.data.note).toBe(NOTE);
      const raw = await innerText();
      for (const secret of ['Zyxwvut', 'zyxwvut', 'Alice Kept', 'salmon quotas']) expect(raw).not.toContain(secret);
      expect(raw).toContain('Salmon Cooperative');
      const rawJoined = (await inner.readStream('network-n1'))[0].data;
      expect(rawJoined.name).toMatch(/^pd1\.member-z\./);
      expect(rawJoined.email).toMatch(/^pd1\.member-z\./);
      expect((await inner.readStream('interaction-i1'))[0].data.note).toMatch(/^pd1\.interaction-i1\./);
    });

    it('keeps absent fields absent and null fields null', async () => {
      await logZyxwvutsHistory();

      const [joinedAlice] = (await store.readStream('network-n1')).filter((e) => e.data.memberId === 'a');
      const [withoutNote] = await store.readStream('interaction-i2');
      const [rawChange] = (await inner.readStream('network-n1', { fromRevision: 2 })).map((e) => e.data.changes);

      expect('email' in joinedAlice.data).toBe(false);
      expect('note' in withoutNote.data).toBe(false);
      expect(rawChange).toMatchObject({ email: null, role: 'coordinator' });
    });

    it('does not change the events the caller handed in', async () => {
      const event = memberJoined('z', { name: NAME, email: EMAIL });
      const before = structuredClone(event);

      await store.append('network-n1', [event]);

      expect(event).toEqual(before);
    });

    it('passes events of types without personal fields through untouched', async () => {
      const left = memberLeft('z');

      await store.append('network-n1', [left]);

      expect((await inner.readStream('network-n1'))[0].data).toEqual(left.data);
      expect((await store.readStream('network-n1'))[0].data).toEqual(left.data);
    });

    it('reads plaintext written before the policy named a field as it is', async () => {
      await inner.append('network-n1', [memberJoined('old', { name: 'Legacy Name' })]);

      expect((await store.readStream('network-n1'))[0].data.name).toBe('Legacy Name');
    });

    it('keeps appends idempotent: a retry of the same events lands once and answers the original result', async () => {
      const batch = [memberJoined('z', { name: NAME, email: EMAIL })];
      const first = await store.append('network-n1', batch, { expectedRevision: NO_STREAM });

      const retry = await store.append('network-n1', batch, { expectedRevision: NO_STREAM });

      expect(retry).toEqual(first);
      const read = await store.readStream('network-n1');
      expect(read).toHaveLength(1);
      expect(read[0].data.name).toBe(NAME);
    });

    it('delivers plaintext to subscribers', async () => {
      await logZyxwvutsHistory();
      const subscription = store.subscribeToAll();

      const items = await takeUntilCaughtUp(subscription);

      const events = items.flatMap((i) => (i.kind === 'event' ? [i.event] : []));
      expect(events.map((e) => e.data.name ?? e.data.note ?? null)).toEqual([NAME, 'Alice Kept', null, NOTE, null]);
    });
  });

  describe('after erasure', () => {
    it('shows the erased member as "erased member" without email, and drops the notes keyed to erased interactions', async () => {
      await logZyxwvutsHistory();

      await vault.erase(['member-z', 'interaction-i1']);

      const network = await store.readStream('network-n1');
      expect(network.map((e) => e.data)).toEqual([
        { networkId: 'n1', memberId: 'z', memberType: 'person', role: 'member', joinedAt: '2024-01-01', name: ERASED_MEMBER, organisation: 'Salmon Cooperative' },
        { networkId: 'n1', memberId: 'a', memberType: 'person', role: 'member', joinedAt: '2024-01-01', name: 'Alice Kept' },
        { networkId: 'n1', memberId: 'z', changes: { name: ERASED_MEMBER, email: null, role: 'coordinator' }, changedAt: '2024-02-01' },
      ]);
      const [interaction] = await store.readStream('interaction-i1');
      expect(interaction.data).toEqual({ networkId: 'n1', interactionId: 'i1', kind: 'met', participants: ['z', 'a'], occurredAt: '2024-01-15' });
    });

    it('keeps the structure: ids, types, revisions, positions and metadata read as before', async () => {
      await logZyxwvutsHistory();
      const structure = (events: RecordedEvent[]) => events.map(({ id, streamId, revision, position, type, metadata }) => ({ id, streamId, revision, position, type, metadata }));
      const before = structure(await store.readAll());

      await vault.erase(['member-z', 'interaction-i1']);

      expect(structure(await store.readAll())).toEqual(before);
    });

    it('delivers the erased stand-ins to subscribers', async () => {
      await logZyxwvutsHistory();
      await vault.erase(['member-z']);
      const subscription = store.subscribeToAll();

      const items = await takeUntilCaughtUp(subscription);

      const names = items.flatMap((i) => (i.kind === 'event' && i.event.type === 'MemberJoined' ? [i.event.data.name] : []));
      expect(names).toEqual([ERASED_MEMBER, 'Alice Kept']);
    });

    it('refuses new personal data for an erased subject and writes nothing', async () => {
      await logZyxwvutsHistory();
      await vault.erase(['member-z']);

      const attempt = store.append('network-n1', [memberProfileChanged('z', { name: 'Back Again' })]);

      await expect(attempt).rejects.toBeInstanceOf(SubjectErasedError);
      await expect(attempt).rejects.toMatchObject({ code: 'subject_erased', problems: [{ field: 'changes.name' }] });
      expect(await store.readStream('network-n1')).toHaveLength(3);
    });

    it('still accepts events about the erased member that carry no personal data', async () => {
      await logZyxwvutsHistory();
      await vault.erase(['member-z']);

      await store.append('network-n1', [memberLeft('z'), memberProfileChanged('z', { role: 'member', email: null })]);

      expect(await store.readStream('network-n1')).toHaveLength(5);
    });
  });

  describe('refusing malformed personal data', () => {
    it('refuses a personal field that is not a string', async () => {
      const event = memberJoined('z', { name: NAME });
      event.data.name = { first: 'Zyxwvut' };

      await expect(store.append('network-n1', [event])).rejects.toBeInstanceOf(InvalidAppendError);
    });

    it('refuses personal data whose subject cannot be named', async () => {
      const event = memberJoined('has space', { name: NAME });

      await expect(store.append('network-n1', [event])).rejects.toThrow(/no valid subject/);
      expect(await inner.readAll()).toEqual([]);
    });
  });
});

async function takeUntilCaughtUp(subscription: AsyncIterable<SubscriptionItem> & { stop(): Promise<void> }): Promise<SubscriptionItem[]> {
  const items: SubscriptionItem[] = [];
  for await (const item of subscription) {
    if (item.kind === 'caught_up') break;
    items.push(item);
  }
  await subscription.stop();
  return items;
}
