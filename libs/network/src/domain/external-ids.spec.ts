import { NotFound, StateConflict, ValidationFailed } from '@solmu/kernel';
import { aMemberJoined, aNetworkFounded, ALICE, BOB, DeciderSpecification, NETWORK_ID } from '@solmu/testing';
import { memberByExternalId } from './external-ids';
import { decideNetwork, evolveNetwork, initialNetworkState, NetworkCommand } from './network.decider';
import { NetworkEvent } from './network.events';

const NOW = new Date('2025-06-01T12:00:00.000Z');
const given = DeciderSpecification.for<NetworkCommand, NetworkEvent, ReturnType<typeof initialNetworkState>>({
  decide: (command, state) => decideNetwork(command, state, NOW),
  evolve: evolveNetwork,
  initialState: initialNetworkState,
});
const AAD = '6b3f2c1e-8d7a-4e5b-9c0d-1a2b3c4d5e6f';
const members = [aNetworkFounded(), aMemberJoined(ALICE, { name: 'Alice' }), aMemberJoined(BOB, { name: 'Bob' })];
const idsChanged = (memberId: string, changes: Record<string, string | null>, via: 'coordinator' | 'link' = 'coordinator'): NetworkEvent => ({
  type: 'MemberExternalIdsChanged',
  data: { networkId: NETWORK_ID, memberId, changes, via, changedAt: NOW.toISOString() },
});

describe('chat identities of members (externalIds)', () => {
  describe('set by a coordinator with a profile change', () => {
    it('records the identities, Entra object ids lower-cased, beside the profile change', () =>
      given(members)
        .when({ type: 'ChangeMemberProfile', data: { memberId: ALICE, organisation: 'Posintra', externalIds: { slack: 'T01ABC:U02DEF', teams: AAD.toUpperCase() } } })
        .then([
          { type: 'MemberProfileChanged', data: { networkId: NETWORK_ID, memberId: ALICE, changes: { organisation: 'Posintra' }, changedAt: NOW.toISOString() } },
          idsChanged(ALICE, { slack: 'T01ABC:U02DEF', teams: AAD }),
        ]));

    it('removes one with null and records nothing when nothing changes', () => {
      given([...members, idsChanged(ALICE, { slack: 'T01ABC:U02DEF' })])
        .when({ type: 'ChangeMemberProfile', data: { memberId: ALICE, externalIds: { slack: null } } })
        .then([idsChanged(ALICE, { slack: null })]);
      given([...members, idsChanged(ALICE, { slack: 'T01ABC:U02DEF' })])
        .when({ type: 'ChangeMemberProfile', data: { memberId: ALICE, externalIds: { slack: 'T01ABC:U02DEF', teams: null } } })
        .thenNothingHappens();
    });

    it('names each malformed identity and an unknown platform', () =>
      given(members)
        .when({ type: 'ChangeMemberProfile', data: { memberId: ALICE, externalIds: { slack: 'U02DEF', teams: 'not-a-guid', teamsUser: '28:x', skype: 'x' } } })
        .thenThrows(ValidationFailed, {
          problems: [
            { field: 'externalIds.slack', problem: expect.stringContaining('<team id>:<user id>') },
            { field: 'externalIds.teams', problem: expect.stringContaining('Entra') },
            { field: 'externalIds.teamsUser', problem: expect.stringContaining('29:') },
            { field: 'externalIds.skype', problem: expect.stringContaining('not a known platform') },
          ],
        }));

    it('refuses an identity another member holds, naming the field and the holder', () =>
      given([...members, idsChanged(BOB, { slack: 'T01ABC:U02DEF' })])
        .when({ type: 'ChangeMemberProfile', data: { memberId: ALICE, externalIds: { slack: 'T01ABC:U02DEF' } } })
        .thenThrows(StateConflict, { code: 'external_id_taken', problems: [{ field: 'externalIds.slack', problem: expect.stringContaining(BOB) }] }));

    it('frees the identity of a member who left or was erased', () => {
      const left: NetworkEvent = { type: 'MemberLeft', data: { networkId: NETWORK_ID, memberId: BOB, leftAt: '2025-05-01T00:00:00.000Z' } };
      given([...members, idsChanged(BOB, { slack: 'T01ABC:U02DEF' }), left])
        .when({ type: 'ChangeMemberProfile', data: { memberId: ALICE, externalIds: { slack: 'T01ABC:U02DEF' } } })
        .then([idsChanged(ALICE, { slack: 'T01ABC:U02DEF' })]);
      const erased: NetworkEvent = { type: 'MemberErased', data: { networkId: NETWORK_ID, memberId: BOB, erasedAt: NOW.toISOString() } };
      const state = [...members, idsChanged(BOB, { slack: 'T01ABC:U02DEF' }), erased].reduce(evolveNetwork, initialNetworkState());
      expect(state.members.get(BOB)?.externalIds).toBeUndefined();
    });
  });

  describe('linked by the member through a one-time link', () => {
    it('records the identity as linked', () =>
      given(members)
        .when({ type: 'LinkExternalIdentity', data: { memberId: ALICE, identities: { teams: AAD } } })
        .then([idsChanged(ALICE, { teams: AAD }, 'link')]));

    it('replaces an earlier identity on the same platform and is idempotent', () => {
      given([...members, idsChanged(ALICE, { slack: 'T01ABC:U0OLD' })])
        .when({ type: 'LinkExternalIdentity', data: { memberId: ALICE, identities: { slack: 'T01ABC:U02DEF' } } })
        .then([idsChanged(ALICE, { slack: 'T01ABC:U02DEF' }, 'link')]);
      given([...members, idsChanged(ALICE, { slack: 'T01ABC:U02DEF' })])
        .when({ type: 'LinkExternalIdentity', data: { memberId: ALICE, identities: { slack: 'T01ABC:U02DEF' } } })
        .thenNothingHappens();
    });

    it('refuses an identity held by another member without saying whose it is', () =>
      given([...members, idsChanged(BOB, { slack: 'T01ABC:U02DEF' })])
        .when({ type: 'LinkExternalIdentity', data: { memberId: ALICE, identities: { slack: 'T01ABC:U02DEF' } } })
        .thenThrows(StateConflict, { code: 'external_id_taken', problems: [{ field: 'externalIds.slack', problem: expect.not.stringContaining(BOB) }] }));

    it('needs a current member', () =>
      given(members).when({ type: 'LinkExternalIdentity', data: { memberId: 'nobody', identities: { slack: 'T01ABC:U02DEF' } } }).thenThrows(NotFound));
  });

  it('finds the active member by identity, Entra ids in any case', () => {
    const state = [...members, idsChanged(ALICE, { teams: AAD, teamsUser: '29:1abc' })].reduce(evolveNetwork, initialNetworkState());
    expect(memberByExternalId(state.members.values(), 'teams', AAD.toUpperCase())?.id).toBe(ALICE);
    expect(memberByExternalId(state.members.values(), 'teamsUser', '29:1abc')?.id).toBe(ALICE);
    expect(memberByExternalId(state.members.values(), 'slack', 'T01ABC:U02DEF')).toBeUndefined();
  });
});

