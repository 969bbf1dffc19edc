import { NotFound, StateConflict, ValidationFailed } from '@solmu/kernel';
import { aMemberJoined, aNetworkFounded, ALICE, anInteractionLogged, BOB, CAROL, DeciderSpecification, NETWORK_ID } from '@solmu/testing';
import { decideInteraction, evolveInteraction, initialInteractionState, InteractionCommand, InteractionState } from './interaction.decider';
import { InteractionEvent } from './interaction.events';
import { evolveNetwork, initialNetworkState } from './network.decider';
import { NetworkEvent } from './network.events';

const NOW = new Date('2024-06-01T12:00:00.000Z');
const ID = '00000000-0000-7000-8000-0000000000e1';
const DAVE = '00000000-0000-7000-8000-0000000000d0';
const network = ([
  aNetworkFounded(),
  aMemberJoined(ALICE, { joinedAt: '2024-01-10T00:00:00.000Z' }),
  aMemberJoined(BOB, { joinedAt: '2024-01-10T00:00:00.000Z' }),
  aMemberJoined(CAROL, { joinedAt: '2024-04-01T00:00:00.000Z' }),
  aMemberJoined(DAVE, { joinedAt: '2024-01-10T00:00:00.000Z' }),
  { type: 'MemberLeft', data: { networkId: NETWORK_ID, memberId: DAVE, leftAt: '2024-02-01T00:00:00.000Z' } },
] as NetworkEvent[]).reduce(evolveNetwork, initialNetworkState());

const given = DeciderSpecification.for<InteractionCommand, InteractionEvent, InteractionState>({
  decide: (command, state) => decideInteraction(command, state, { network, now: NOW }),
  evolve: evolveInteraction,
  initialState: initialInteractionState,
});
const log = (details: Record<string, unknown>): InteractionCommand => ({
  type: 'LogInteraction',
  data: { interactionId: ID, details: { kind: 'discussed', participants: [ALICE, BOB], occurredAt: '2024-03-01T10:00:00Z', ...details } as never },
});

describe('interaction decider', () => {
  describe('logging', () => {
    it('records a group interaction with its direction, channel and note', () =>
      given([])
        .when(log({ kind: 'co_developed', participants: [ALICE, BOB, CAROL], occurredAt: '2024-05-02T09:00:00+03:00', initiator: CAROL, channel: 'meeting', note: ' Pilot planning ' }))
        .then([
          {
            type: 'InteractionLogged',
            data: {
              interactionId: ID,
              networkId: NETWORK_ID,
              kind: 'co_developed',
              participants: [ALICE, BOB, CAROL],
              occurredAt: '2024-05-02T06:00:00.000Z',
              initiator: CAROL,
              channel: 'meeting',
              note: 'Pilot planning',
            },
          },
        ]));

    it('accepts long-past dates, as when importing history', () =>
      given([]).when(log({ occurredAt: '2024-01-10T00:00:00Z' })).then([anInteractionLogged(ID, { occurredAt: '2024-01-10T00:00:00.000Z' })]));

    it.each([
      ['a single participant', { participants: [ALICE] }, 'participants', 'must name at least two members'],
      ['a participant named twice', { participants: [ALICE, ALICE] }, 'participants[1]', 'is named more than once'],
      ['a stranger', { participants: [ALICE, 'nobody'] }, 'participants[1]', 'is not a member of this network'],
      ['a member before they joined', { participants: [ALICE, CAROL] }, 'participants[1]', 'after the interaction occurred'],
      ['a member after they left', { participants: [ALICE, DAVE] }, 'participants[1]', 'had left the network'],
      ['an initiator who took no part', { initiator: CAROL }, 'initiator', 'must be one of the participants'],
      ['a date in the future', { occurredAt: '2024-06-02T12:00:00Z' }, 'occurredAt', 'must not be in the future'],
      ['a date that is no date', { occurredAt: 'last tuesday' }, 'occurredAt', 'must be a date'],
      ['an ISO week date', { occurredAt: '2024-W22' }, 'occurredAt', 'must be a date'],
      ['a year before 1800', { occurredAt: '1066-10-14T09:00:00Z' }, 'occurredAt', 'from 1800 to 9999'],
      ['an unknown kind', { kind: 'gossiped' }, 'kind', 'must be one of acquainted'],
      ['an unknown channel', { channel: 'pigeon' }, 'channel', 'must be one of meeting'],
      ['a note too long', { note: 'x'.repeat(1001) }, 'note', 'must be at most 1000 characters'],
    ])('refuses %s, naming the field', (_label, details, field, problem) =>
      given([]).when(log(details)).thenThrows(ValidationFailed, { problems: [{ field, problem: expect.stringContaining(problem) }] }));

    it('allows a member on their joining day and minutes of clock skew', () =>
      given([])
        .when(log({ participants: [ALICE, CAROL], occurredAt: '2024-06-01T12:04:00Z' }))
        .then([anInteractionLogged(ID, { participants: [ALICE, CAROL], occurredAt: '2024-06-01T12:04:00.000Z' })]));

    it('cannot log over an existing interaction', () => given([anInteractionLogged(ID)]).when(log({})).thenThrows(StateConflict));
  });

  describe('correcting', () => {
    const correct = (details: Record<string, unknown>, reason?: string): InteractionCommand => ({
      type: 'CorrectInteraction',
      data: { interactionId: ID, reason, details: { kind: 'discussed', participants: [ALICE, BOB], occurredAt: '2024-03-01T10:00:00Z', ...details } as never },
    });

    it('restates the details with the reason', () =>
      given([anInteractionLogged(ID)])
        .when(correct({ kind: 'outlined_goals' }, 'was a goal workshop'))
        .then([
          {
            type: 'InteractionCorrected',
            data: { interactionId: ID, networkId: NETWORK_ID, kind: 'outlined_goals', participants: [ALICE, BOB], occurredAt: '2024-03-01T10:00:00.000Z', reason: 'was a goal workshop' },
          },
        ]));

    it('records nothing when the details are unchanged', () => given([anInteractionLogged(ID)]).when(correct({})).thenNothingHappens());

    it('checks the corrected details like new ones', () =>
      given([anInteractionLogged(ID)]).when(correct({ participants: [ALICE, 'nobody'] })).thenThrows(ValidationFailed, { problems: [{ field: 'participants[1]' }] }));

    it('cannot correct what was never logged or was retracted', () => {
      given([]).when(correct({})).thenThrows(NotFound);
      given([anInteractionLogged(ID), { type: 'InteractionRetracted', data: { interactionId: ID, networkId: NETWORK_ID } }]).when(correct({})).thenThrows(StateConflict);
    });

    it('evolves to the corrected details', () => {
      const state = [anInteractionLogged(ID), { ...anInteractionLogged(ID, { kind: 'co_developed' }), type: 'InteractionCorrected' } as InteractionEvent].reduce(
        evolveInteraction,
        initialInteractionState(),
      );
      expect(state).toMatchObject({ status: 'active', details: { kind: 'co_developed' } });
    });
  });

  describe('retracting', () => {
    const retract: InteractionCommand = { type: 'RetractInteraction', data: { interactionId: ID, reason: 'duplicate' } };

    it('withdraws the interaction with the reason', () =>
      given([anInteractionLogged(ID)]).when(retract).then([{ type: 'InteractionRetracted', data: { interactionId: ID, networkId: NETWORK_ID, reason: 'duplicate' } }]));

    it('cannot retract twice', () =>
      given([anInteractionLogged(ID), { type: 'InteractionRetracted', data: { interactionId: ID, networkId: NETWORK_ID } }]).when(retract).thenThrows(StateConflict));
  });
});
