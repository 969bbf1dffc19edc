import type { RecordedEvent } from '@solmu/event-store';
import { payloadOf, receiverAccess } from './webhook-payload';

const recorded = (type: string, data: Record<string, unknown>): RecordedEvent => ({
  id: 'e1',
  streamId: 's',
  revision: 0,
  position: 7,
  type,
  data,
  metadata: {},
  recordedAt: new Date('2026-03-01T10:00:00Z'),
});

describe('webhook payloads', () => {
  const access = receiverAccess('n1', 'w1');

  it('carry an interaction without its note or reason: a receiver reads as an API token does', () => {
    const payload = payloadOf('interaction.corrected', recorded('InteractionCorrected', { networkId: 'n1', interactionId: 'i1', kind: 'discussed', participants: ['a', 'b'], occurredAt: '2026-02-28T10:00:00Z', note: 'private words', reason: 'typo' }), access);
    expect(payload).toEqual({
      type: 'interaction.corrected',
      timestamp: '2026-03-01T10:00:00.000Z',
      data: { networkId: 'n1', interactionId: 'i1', kind: 'discussed', participants: ['a', 'b'], occurredAt: '2026-02-28T10:00:00Z' },
    });
  });

  it('carry a new member’s name but never their email', () => {
    const payload = payloadOf('member.joined', recorded('MemberJoined', { networkId: 'n1', memberId: 'm1', name: 'Aino', email: 'aino@example.test', memberType: 'person', role: 'member', joinedAt: '2026-01-01', accountId: 'acc' }), access);
    expect(payload.data).toEqual({ networkId: 'n1', memberId: 'm1', name: 'Aino', memberType: 'person', role: 'member', joinedAt: '2026-01-01' });
  });

  it('would carry notes to someone the rule lets read them (the rule decides, not this file)', () => {
    const coordinator = { visible: true, role: 'coordinator' as const, can: () => true };
    const payload = payloadOf('interaction.logged', recorded('InteractionLogged', { networkId: 'n1', interactionId: 'i1', participants: ['a', 'b'], note: 'hello' }), coordinator);
    expect(payload.data.note).toBe('hello');
  });
});
