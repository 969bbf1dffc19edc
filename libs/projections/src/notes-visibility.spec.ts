import type { RecordedEvent } from '@solmu/event-store';
import { accessTo, MembershipView } from '@solmu/network';
import { eventWithVisibleNotes, withVisibleNote } from './notes-visibility';
import type { InteractionRecord } from './interaction-log/interaction-log.projection';

const network: MembershipView = {
  members: [
    { id: 'coord', role: 'coordinator', accountId: 'acc-coord' },
    { id: 'alice', role: 'member', accountId: 'acc-alice' },
    { id: 'bob', role: 'member', accountId: 'acc-bob' },
  ],
  settings: { membersSeeNetwork: true },
};
const as = (accountId: string, admin = false) => accessTo('net', network, { kind: 'account', accountId, admin });
const recorded = (type: string, data: Record<string, unknown>): RecordedEvent => ({
  id: 'e', streamId: 'interaction-i1', revision: 0, position: 1, type, data, metadata: {}, recordedAt: new Date(0),
});

describe('notes visibility on the read side', () => {
  const record = { id: 'i1', networkId: 'net', participants: ['alice', 'coord'], note: 'private' } as InteractionRecord;

  it('keeps a record’s note for participants and coordinators and drops it for others', () => {
    expect(withVisibleNote(record, as('acc-alice')).note).toBe('private');
    expect(withVisibleNote({ ...record, participants: ['alice', 'bob'] }, as('acc-coord')).note).toBe('private');
    expect(withVisibleNote(record, as('acc-bob')).note).toBeUndefined();
    expect(withVisibleNote(record, as('acc-admin', true)).note).toBeUndefined();
  });

  it('drops note and reason from events the caller may not read, judging a retraction by the interaction’s participants', () => {
    const logged = recorded('InteractionLogged', { interactionId: 'i1', networkId: 'net', participants: ['alice', 'bob'], note: 'private' });
    const retracted = recorded('InteractionRetracted', { interactionId: 'i1', networkId: 'net', reason: 'mistake' });
    const participantsOf = (id: string) => (id === 'i1' ? ['alice', 'bob'] : []);

    expect(eventWithVisibleNotes(logged, as('acc-admin', true), participantsOf).data).toEqual({ interactionId: 'i1', networkId: 'net', participants: ['alice', 'bob'] });
    expect(eventWithVisibleNotes(retracted, as('acc-admin', true), participantsOf).data).toEqual({ interactionId: 'i1', networkId: 'net' });
    expect(eventWithVisibleNotes(retracted, as('acc-bob'), participantsOf).data.reason).toBe('mistake');
    expect(eventWithVisibleNotes(logged, as('acc-coord'), participantsOf).data.note).toBe('private');
    // The read model's own copy is never changed.
    expect(logged.data.note).toBe('private');
  });
});
