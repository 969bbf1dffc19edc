import { randomUUID } from 'node:crypto';
import type { NewEvent } from '@solmu/event-store';
import { definePersonalDataPolicy, REMOVED } from '../personal-data-policy';

/**
 * Events shaped like Solmu's network and interaction events, and the policy Solmu applies to them,
 * for this library's tests (the library itself knows no event types).
 */
export const ERASED_MEMBER = 'erased member';

export const memberLikePolicy = definePersonalDataPolicy({
  MemberJoined: {
    subject: (d) => `member-${String(d.memberId)}`,
    fields: { name: ERASED_MEMBER, email: REMOVED },
  },
  MemberProfileChanged: {
    subject: (d) => `member-${String(d.memberId)}`,
    fields: { 'changes.name': ERASED_MEMBER, 'changes.email': REMOVED },
  },
  InteractionLogged: {
    subject: (d) => `interaction-${String(d.interactionId)}`,
    fields: { note: REMOVED },
  },
});

const metadata = { actor: 'coordinator-1', source: 'api' };

export function memberJoined(memberId: string, data: { name: string; email?: string; organisation?: string }): NewEvent {
  return {
    id: randomUUID(),
    type: 'MemberJoined',
    data: { networkId: 'n1', memberId, memberType: 'person', role: 'member', joinedAt: '2024-01-01', ...data },
    metadata,
  };
}

export function memberProfileChanged(memberId: string, changes: Record<string, unknown>): NewEvent {
  return { id: randomUUID(), type: 'MemberProfileChanged', data: { networkId: 'n1', memberId, changes, changedAt: '2024-02-01' }, metadata };
}

export function memberLeft(memberId: string): NewEvent {
  return { id: randomUUID(), type: 'MemberLeft', data: { networkId: 'n1', memberId, leftAt: '2024-03-01' }, metadata };
}

export function interactionLogged(interactionId: string, participants: string[], note?: string): NewEvent {
  return {
    id: randomUUID(),
    type: 'InteractionLogged',
    data: { networkId: 'n1', interactionId, kind: 'met', participants, occurredAt: '2024-01-15', ...(note !== undefined && { note }) },
    metadata,
  };
}
