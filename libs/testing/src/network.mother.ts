import type { InteractionLogged, MemberJoined, NetworkFounded } from '@solmu/network/published';

/** Object mothers: readable test data with sensible defaults (CodelyTV style). */
export const NETWORK_ID = '00000000-0000-7000-8000-00000000000a';
export const ALICE = '00000000-0000-7000-8000-0000000000a1';
export const BOB = '00000000-0000-7000-8000-0000000000b0';
export const CAROL = '00000000-0000-7000-8000-0000000000c0';

export const aNetworkFounded = (data: Partial<NetworkFounded['data']> = {}): NetworkFounded => ({
  type: 'NetworkFounded',
  data: { networkId: NETWORK_ID, name: 'Itä-Uusimaa business network', foundedAt: '2024-01-01T00:00:00.000Z', ...data },
});

export const aMemberJoined = (memberId: string, data: Partial<MemberJoined['data']> = {}): MemberJoined => ({
  type: 'MemberJoined',
  data: {
    networkId: NETWORK_ID,
    memberId,
    name: `Member ${memberId.slice(-2)}`,
    memberType: 'company',
    role: 'member',
    joinedAt: '2024-01-10T00:00:00.000Z',
    ...data,
  },
});

export const anInteractionLogged = (interactionId: string, data: Partial<InteractionLogged['data']> = {}): InteractionLogged => ({
  type: 'InteractionLogged',
  data: {
    interactionId,
    networkId: NETWORK_ID,
    kind: 'discussed',
    participants: [ALICE, BOB],
    occurredAt: '2024-03-01T10:00:00.000Z',
    ...data,
  },
});
