/**
 * Test data for the graph specs: readable events of one network with short member ids.
 * Test-only (imported by *.spec.ts); positions are added by `positioned`.
 */
import type { InteractionKind } from '@solmu/network/published';
import type { NetworkHistoryEvent } from '../graph/network-history';

export const NET = 'net-1';

export const joined = (memberId: string, joinedAt = '2024-01-01T00:00:00Z', extra: Partial<{ name: string; organisation: string }> = {}): NetworkHistoryEvent => ({
  type: 'MemberJoined',
  data: { networkId: NET, memberId, name: extra.name ?? memberId.toUpperCase(), organisation: extra.organisation, memberType: 'company', role: 'member', joinedAt },
});

export const left = (memberId: string, leftAt: string): NetworkHistoryEvent => ({
  type: 'MemberLeft',
  data: { networkId: NET, memberId, leftAt },
});

export const logged = (
  interactionId: string,
  participants: string[],
  occurredAt: string,
  kind: InteractionKind = 'discussed',
  initiator?: string,
): NetworkHistoryEvent => ({
  type: 'InteractionLogged',
  data: { networkId: NET, interactionId, kind, participants, occurredAt, initiator },
});

export const corrected = (interactionId: string, participants: string[], occurredAt: string, kind: InteractionKind = 'discussed'): NetworkHistoryEvent => ({
  type: 'InteractionCorrected',
  data: { networkId: NET, interactionId, kind, participants, occurredAt, reason: 'typo' },
});

export const retracted = (interactionId: string): NetworkHistoryEvent => ({
  type: 'InteractionRetracted',
  data: { networkId: NET, interactionId, reason: 'logged twice' },
});

/** Numbers the events 1, 2, 3, … as global positions. */
export const positioned = (events: NetworkHistoryEvent[]): NetworkHistoryEvent[] => events.map((e, i) => ({ ...e, position: i + 1 }));
