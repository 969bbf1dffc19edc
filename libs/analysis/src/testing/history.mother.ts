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

/**
 * A small network through four months for the picture's stops: a, b, c, d join at the founding, e in
 * February; d leaves in March (and a tie of theirs goes with them).
 */
export const fourMonthsWithALeaver: NetworkHistoryEvent[] = [
  { type: 'NetworkFounded', data: { networkId: NET, name: 'Hiiden verkosto', foundedAt: '2024-01-01T00:00:00Z' } },
  ...['a', 'b', 'c', 'd'].map((id) => joined(id, '2024-01-01T00:00:00Z')),
  joined('e', '2024-02-10T00:00:00Z'),
  logged('i1', ['a', 'b'], '2024-01-05T10:00:00Z', 'acquainted'),
  logged('i2', ['a', 'c'], '2024-01-20T10:00:00Z', 'discussed'),
  logged('i3', ['b', 'c'], '2024-02-03T10:00:00Z', 'exchanged_information'),
  logged('i4', ['a', 'b', 'e'], '2024-02-15T10:00:00Z', 'outlined_goals'),
  logged('i5', ['c', 'd'], '2024-02-20T10:00:00Z', 'discussed'),
  left('d', '2024-03-15T00:00:00Z'),
  logged('i6', ['a', 'e'], '2024-04-02T10:00:00Z', 'co_developed'),
];
