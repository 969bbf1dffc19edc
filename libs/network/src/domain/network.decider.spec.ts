import { NotFound, StateConflict, ValidationFailed } from '@solmu/kernel';
import { aMemberJoined, aNetworkFounded, ALICE, BOB, DeciderSpecification, NETWORK_ID } from '@solmu/testing';
import { decideNetwork, evolveNetwork, initialNetworkState, isMemberAt, NetworkCommand } from './network.decider';
import { NetworkEvent } from './network.events';

const NOW = new Date('2025-06-01T12:00:00.000Z');
const given = DeciderSpecification.for<NetworkCommand, NetworkEvent, ReturnType<typeof initialNetworkState>>({
  decide: (command, state) => decideNetwork(command, state, NOW),
  evolve: evolveNetwork,
  initialState: initialNetworkState,
});

describe('network decider', () => {
  describe('founding a network', () => {
    it('records the founding, trimmed, dated now when no date is given', () =>
      given([])
        .when({ type: 'FoundNetwork', data: { networkId: NETWORK_ID, name: '  Kasvu-verkosto ', description: 'Regional growth', timeZone: 'UTC' } })
        .then([{ type: 'NetworkFounded', data: { networkId: NETWORK_ID, name: 'Kasvu-verkosto', description: 'Regional growth', foundedAt: NOW.toISOString(), timeZone: 'UTC' } }]));

    it('accepts a past founding date so existing histories can be imported', () =>
      given([])
        .when({ type: 'FoundNetwork', data: { networkId: NETWORK_ID, name: 'Old', foundedAt: '2019-03-01', timeZone: 'UTC' } })
        .then([{ type: 'NetworkFounded', data: { networkId: NETWORK_ID, name: 'Old', foundedAt: '2019-03-01T00:00:00.000Z', timeZone: 'UTC' } }]));

    it('records the network’s zone and reads an offset-less founding date in it', () =>
      given([])
        .when({ type: 'FoundNetwork', data: { networkId: NETWORK_ID, name: 'Kasvu', foundedAt: '2024-06-01T10:00:00', timeZone: 'europe/helsinki' } })
        .then([{ type: 'NetworkFounded', data: { networkId: NETWORK_ID, name: 'Kasvu', foundedAt: '2024-06-01T07:00:00.000Z', timeZone: 'Europe/Helsinki' } }]));

    it('refuses a zone Intl does not know and a date outside the accepted forms, naming each field', () =>
      given([])
        .when({ type: 'FoundNetwork', data: { networkId: NETWORK_ID, name: 'Kasvu', foundedAt: '2024-W23', timeZone: 'Mars/Olympus' } })
        .thenThrows(ValidationFailed, { problems: [{ field: 'timeZone', problem: expect.stringContaining('IANA') }, { field: 'foundedAt', problem: expect.stringContaining('must be a date') }] }));

    it('names every bad field at once', () =>
      given([])
        .when({ type: 'FoundNetwork', data: { networkId: NETWORK_ID, name: ' ', foundedAt: '2999-01-01T00:00:00Z', timeZone: 'UTC' } })
        .thenThrows(ValidationFailed, {
          problems: [
            { field: 'name', problem: 'must not be empty' },
            { field: 'foundedAt', problem: expect.stringContaining('must not be in the future') },
          ],
        }));

    it('refuses to found the same network twice', () =>
      given([aNetworkFounded()]).when({ type: 'FoundNetwork', data: { networkId: NETWORK_ID, name: 'Again', timeZone: 'UTC' } }).thenThrows(StateConflict));
  });

  describe('members joining', () => {
    it('joins as a member of type other unless told otherwise', () =>
      given([aNetworkFounded()])
        .when({ type: 'JoinNetwork', data: { memberId: ALICE, name: 'Alice', joinedAt: '2024-02-01T00:00:00Z' } })
        .then([
          {
            type: 'MemberJoined',
            data: { networkId: NETWORK_ID, memberId: ALICE, name: 'Alice', memberType: 'other', role: 'member', joinedAt: '2024-02-01T00:00:00.000Z' },
          },
        ]));

    it('keeps type, role and organisation', () =>
      given([aNetworkFounded()])
        .when({ type: 'JoinNetwork', data: { memberId: ALICE, name: 'Alice', organisation: 'Posintra', memberType: 'incubator', role: 'coordinator' } })
        .then([
          {
            type: 'MemberJoined',
            data: { networkId: NETWORK_ID, memberId: ALICE, name: 'Alice', organisation: 'Posintra', memberType: 'incubator', role: 'coordinator', joinedAt: NOW.toISOString() },
          },
        ]));

    it('refuses a join before the network was founded, an unknown type and a future date', () =>
      given([aNetworkFounded({ foundedAt: '2024-01-01T00:00:00.000Z' })])
        .when({ type: 'JoinNetwork', data: { memberId: ALICE, name: 'Alice', memberType: 'pirate', joinedAt: '2023-12-31T00:00:00Z' } })
        .thenThrows(ValidationFailed, {
          problems: [
            { field: 'type', problem: expect.stringContaining('must be one of company, association') },
            { field: 'joinedAt', problem: expect.stringContaining('before the network was founded') },
          ],
        }));

    it('cannot join a network that does not exist', () =>
      given([]).when({ type: 'JoinNetwork', data: { memberId: ALICE, name: 'Alice' } }).thenThrows(NotFound));
  });

  describe('profile changes', () => {
    it('records only what changed, and clears an organisation with null', () =>
      given([aNetworkFounded(), aMemberJoined(ALICE, { name: 'Alice', organisation: 'Old Oy' })])
        .when({ type: 'ChangeMemberProfile', data: { memberId: ALICE, name: 'Alice', organisation: null, role: 'coordinator' } })
        .then([
          {
            type: 'MemberProfileChanged',
            data: { networkId: NETWORK_ID, memberId: ALICE, changes: { organisation: null, role: 'coordinator' }, changedAt: NOW.toISOString() },
          },
        ]));

    it('records nothing when nothing changed', () =>
      given([aNetworkFounded(), aMemberJoined(ALICE, { name: 'Alice' })]).when({ type: 'ChangeMemberProfile', data: { memberId: ALICE, name: 'Alice' } }).thenNothingHappens());

    it('does not know members who never joined', () =>
      given([aNetworkFounded()]).when({ type: 'ChangeMemberProfile', data: { memberId: BOB, name: 'Bob' } }).thenThrows(NotFound, { code: 'member_not_found' }));

    it('evolves the profile so the state shows the change', () => {
      const state = [
        aNetworkFounded(),
        aMemberJoined(ALICE, { organisation: 'Old Oy' }),
        { type: 'MemberProfileChanged', data: { networkId: NETWORK_ID, memberId: ALICE, changes: { organisation: null, memberType: 'research' }, changedAt: NOW.toISOString() } },
      ].reduce((s, e) => evolveNetwork(s, e as NetworkEvent), initialNetworkState());
      expect(state.members.get(ALICE)).toMatchObject({ memberType: 'research', organisation: undefined });
    });
  });

  describe('leaving', () => {
    it('records the leaving date, defaulting to now', () =>
      given([aNetworkFounded(), aMemberJoined(ALICE)])
        .when({ type: 'LeaveNetwork', data: { memberId: ALICE } })
        .then([{ type: 'MemberLeft', data: { networkId: NETWORK_ID, memberId: ALICE, leftAt: NOW.toISOString() } }]));

    it('refuses a leaving date before joining', () =>
      given([aNetworkFounded(), aMemberJoined(ALICE, { joinedAt: '2024-05-01T00:00:00.000Z' })])
        .when({ type: 'LeaveNetwork', data: { memberId: ALICE, leftAt: '2024-04-01T00:00:00Z' } })
        .thenThrows(ValidationFailed, { problems: [{ field: 'leftAt', problem: expect.stringContaining('after the member joined') }] }));

    it('cannot leave twice', () =>
      given([aNetworkFounded(), aMemberJoined(ALICE), { type: 'MemberLeft', data: { networkId: NETWORK_ID, memberId: ALICE, leftAt: '2024-06-01T00:00:00.000Z' } }])
        .when({ type: 'LeaveNetwork', data: { memberId: ALICE } })
        .thenThrows(StateConflict, { code: 'member_left' }));
  });

  it('a member belongs to the network from joining until leaving', () => {
    const member = { id: ALICE, name: 'A', memberType: 'company' as const, role: 'member' as const, joinedAt: '2024-01-10T00:00:00.000Z', leftAt: '2024-06-01T00:00:00.000Z' };
    expect([isMemberAt(member, '2024-01-09T23:59:59Z'), isMemberAt(member, '2024-01-10T00:00:00Z'), isMemberAt(member, '2024-05-31T00:00:00Z'), isMemberAt(member, '2024-06-01T00:00:00Z')]).toEqual([
      false,
      true,
      true,
      false,
    ]);
  });

  describe('interventions', () => {
    const record = (data: Record<string, unknown>): NetworkCommand => ({
      type: 'RecordIntervention',
      data: { interventionId: 'i-1', kind: 'workshop', title: 'Matchmaking breakfast', occurredAt: '2024-05-01T08:00:00Z', ...data } as never,
    });

    it('records a coordinator’s intervention with its date', () =>
      given([aNetworkFounded()])
        .when(record({ description: 'Pairs who share partners met' }))
        .then([
          {
            type: 'InterventionRecorded',
            data: { networkId: NETWORK_ID, interventionId: 'i-1', kind: 'workshop', title: 'Matchmaking breakfast', description: 'Pairs who share partners met', occurredAt: '2024-05-01T08:00:00.000Z' },
          },
        ]));

    it('refuses an unknown kind, an empty title and a date before the founding', () =>
      given([aNetworkFounded()])
        .when(record({ kind: 'party', title: '', occurredAt: '2023-01-01T00:00:00Z' }))
        .thenThrows(ValidationFailed, { problems: [{ field: 'kind' }, { field: 'title' }, { field: 'occurredAt' }] }));
  });

  describe('founding by a person', () => {
    it('makes the founder the first coordinator, linked to their account', () =>
      given([])
        .when({
          type: 'FoundNetwork',
          data: { networkId: NETWORK_ID, name: 'Kasvu', foundedAt: '2024-01-01T00:00:00Z', timeZone: 'UTC', founder: { memberId: ALICE, accountId: 'acc-1', name: 'Alice', email: 'Alice@Example.org' } },
        })
        .then([
          { type: 'NetworkFounded', data: { networkId: NETWORK_ID, name: 'Kasvu', foundedAt: '2024-01-01T00:00:00.000Z', timeZone: 'UTC' } },
          {
            type: 'MemberJoined',
            data: { networkId: NETWORK_ID, memberId: ALICE, name: 'Alice', memberType: 'other', role: 'coordinator', joinedAt: '2024-01-01T00:00:00.000Z', email: 'alice@example.org', accountId: 'acc-1' },
          },
        ]));
  });

  describe('emails, accounts and erasure', () => {
    it('refuses an email that is not one', () =>
      given([aNetworkFounded()]).when({ type: 'JoinNetwork', data: { memberId: BOB, name: 'Bob', email: 'bob-at-home' } }).thenThrows(ValidationFailed, { problems: [{ field: 'email' }] }));

    it('links an account to a member once, and not to two members of one network', () => {
      const base = [aNetworkFounded(), aMemberJoined(ALICE), aMemberJoined(BOB)];
      given(base)
        .when({ type: 'LinkMemberAccount', data: { memberId: ALICE, accountId: 'acc-1' } })
        .then([{ type: 'MemberAccountLinked', data: { networkId: NETWORK_ID, memberId: ALICE, accountId: 'acc-1' } }]);
      const linked = [...base, { type: 'MemberAccountLinked', data: { networkId: NETWORK_ID, memberId: ALICE, accountId: 'acc-1' } } as NetworkEvent];
      given(linked).when({ type: 'LinkMemberAccount', data: { memberId: ALICE, accountId: 'acc-1' } }).thenNothingHappens();
      given(linked).when({ type: 'LinkMemberAccount', data: { memberId: BOB, accountId: 'acc-1' } }).thenThrows(StateConflict, { code: 'account_already_member' });
      given(linked).when({ type: 'LinkMemberAccount', data: { memberId: ALICE, accountId: 'acc-2' } }).thenThrows(StateConflict, { code: 'member_linked' });
    });

    it('erases once; the member stays as "erased member" without an email, and cannot be changed any more', () => {
      const base = [aNetworkFounded(), aMemberJoined(ALICE, { name: 'Alice', email: 'a@example.org' })];
      given(base).when({ type: 'EraseMember', data: { memberId: ALICE } }).then([{ type: 'MemberErased', data: { networkId: NETWORK_ID, memberId: ALICE, erasedAt: NOW.toISOString() } }]);
      const erased = [...base, { type: 'MemberErased', data: { networkId: NETWORK_ID, memberId: ALICE, erasedAt: NOW.toISOString() } } as NetworkEvent];
      given(erased).when({ type: 'EraseMember', data: { memberId: ALICE } }).thenNothingHappens();
      given(erased).when({ type: 'ChangeMemberProfile', data: { memberId: ALICE, name: 'Back' } }).thenThrows(StateConflict, { code: 'member_erased' });
      const state = erased.reduce(evolveNetwork, initialNetworkState());
      expect(state.members.get(ALICE)).toMatchObject({ name: 'erased member', erased: true, email: undefined });
    });

    it('changes settings only when they differ', () => {
      given([aNetworkFounded()])
        .when({ type: 'ChangeNetworkSettings', data: { membersSeeNetwork: false } })
        .then([{ type: 'NetworkSettingsChanged', data: { networkId: NETWORK_ID, settings: { membersSeeNetwork: false } } }]);
      given([aNetworkFounded()]).when({ type: 'ChangeNetworkSettings', data: { membersSeeNetwork: true } }).thenNothingHappens();
    });

    it('bounds depth weights to 0–1000 so strengths and constraint stay finite', () => {
      given([aNetworkFounded()])
        .when({ type: 'ChangeNetworkSettings', data: { depthWeights: { acquainted: 0, evaluated_learning: 1000 } } })
        .then([{ type: 'NetworkSettingsChanged', data: { networkId: NETWORK_ID, settings: { depthWeights: { acquainted: 0, evaluated_learning: 1000 } } } }]);
      given([aNetworkFounded()])
        .when({ type: 'ChangeNetworkSettings', data: { depthWeights: { discussed: 1e308, co_developed: 1000.5 } } })
        .thenThrows(ValidationFailed, {
          problems: [
            { field: 'depthWeights.discussed', problem: 'must be a number from 0 to 1000' },
            { field: 'depthWeights.co_developed', problem: 'must be a number from 0 to 1000' },
          ],
        });
    });

    it('changes the zone through the settings, refusing one Intl does not know', () => {
      given([aNetworkFounded()])
        .when({ type: 'ChangeNetworkSettings', data: { timeZone: 'Europe/Helsinki' } })
        .then([{ type: 'NetworkSettingsChanged', data: { networkId: NETWORK_ID, settings: { timeZone: 'Europe/Helsinki' } } }]);
      given([aNetworkFounded()])
        .when({ type: 'ChangeNetworkSettings', data: { timeZone: 'Helsinki' } })
        .thenThrows(ValidationFailed, { problems: [{ field: 'timeZone' }] });
    });

    it('reads offset-less and date-only inputs in the network’s zone, a date alone from the start of that day', () => {
      const helsinki = [aNetworkFounded(), { type: 'NetworkSettingsChanged', data: { networkId: NETWORK_ID, settings: { timeZone: 'Europe/Helsinki' } } } as NetworkEvent];
      given(helsinki)
        .when({ type: 'JoinNetwork', data: { memberId: ALICE, name: 'Alice', joinedAt: '2024-06-01' } })
        .then([{ type: 'MemberJoined', data: { networkId: NETWORK_ID, memberId: ALICE, name: 'Alice', memberType: 'other', role: 'member', joinedAt: '2024-05-31T21:00:00.000Z' } }]);
      given([...helsinki, aMemberJoined(ALICE)])
        .when({ type: 'LeaveNetwork', data: { memberId: ALICE, leftAt: '2024-06-30' } })
        .then([{ type: 'MemberLeft', data: { networkId: NETWORK_ID, memberId: ALICE, leftAt: '2024-06-29T21:00:00.000Z' } }]);
      // A network founded before zones existed reads UTC.
      given([aNetworkFounded()])
        .when({ type: 'RecordIntervention', data: { interventionId: 'i-1', kind: 'event', title: 'Breakfast', occurredAt: '2024-06-01T08:00:00' } })
        .then([{ type: 'InterventionRecorded', data: { networkId: NETWORK_ID, interventionId: 'i-1', kind: 'event', title: 'Breakfast', occurredAt: '2024-06-01T08:00:00.000Z' } }]);
    });

    it('takes the network’s own depth weights, refusing unknown kinds and negative weights', () => {
      given([aNetworkFounded()])
        .when({ type: 'ChangeNetworkSettings', data: { depthWeights: { exchanged_information: 5 } } })
        .then([{ type: 'NetworkSettingsChanged', data: { networkId: NETWORK_ID, settings: { depthWeights: { exchanged_information: 5 } } } }]);
      given([aNetworkFounded()])
        .when({ type: 'ChangeNetworkSettings', data: { depthWeights: { gossip: 1, discussed: -2 } as never } })
        .thenThrows(ValidationFailed, { problems: [{ field: 'depthWeights.gossip' }, { field: 'depthWeights.discussed' }] });
    });
  });
});
