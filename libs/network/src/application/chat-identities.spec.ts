import { InMemoryEventStore, RecordedEvent } from '@solmu/event-store';
import { CommandContext, FixedClock, Forbidden, Principal, SequentialIdGenerator, StateConflict } from '@solmu/kernel';
import { ChangeMemberProfileCommand } from './change-member-profile/change-member-profile.command';
import { ChangeMemberProfileHandler } from './change-member-profile/change-member-profile.handler';
import { FoundNetworkCommand } from './found-network/found-network.command';
import { FoundNetworkHandler } from './found-network/found-network.handler';
import { JoinNetworkCommand } from './join-network/join-network.command';
import { JoinNetworkHandler } from './join-network/join-network.handler';
import { LinkExternalIdentityCommand } from './link-external-identity/link-external-identity.command';
import { LinkExternalIdentityHandler } from './link-external-identity/link-external-identity.handler';
import { LinkMemberAccountCommand } from './link-member-account/link-member-account.command';
import { LinkMemberAccountHandler } from './link-member-account/link-member-account.handler';
import { LogInteractionCommand } from './log-interaction/log-interaction.command';
import { LogInteractionHandler } from './log-interaction/log-interaction.handler';
import { InteractionRepository, NetworkRepository } from './network.repositories';

/**
 * Chat identities through the handlers: who may set them (coordinators), who may link them (the
 * member, with a verified one-time link), and a member logging from chat as a chat principal.
 */
const clock = new FixedClock(new Date('2024-06-01T12:00:00Z'));
const coordinator: Principal = { kind: 'account', accountId: 'acc-coord', admin: false, name: 'Coordinator' };
const aino: Principal = { kind: 'account', accountId: 'acc-aino', admin: false };
const as = (principal: Principal, source: CommandContext['source'] = 'api'): CommandContext => ({ principal, source });

async function setUp() {
  const store = new InMemoryEventStore();
  const ids = new SequentialIdGenerator(1);
  const networks = new NetworkRepository(store);
  const network = await new FoundNetworkHandler(networks, clock, ids).execute(new FoundNetworkCommand({ name: 'Verkosto', foundedAt: '2024-01-01T00:00:00Z' }, as(coordinator)));
  const join = (name: string) => new JoinNetworkHandler(networks, clock, ids).execute(new JoinNetworkCommand(network.id, { name, joinedAt: '2024-01-02T00:00:00Z' }, as(coordinator)));
  const a = await join('Aino');
  const b = await join('Bertta');
  await new LinkMemberAccountHandler(networks, clock, ids).execute(new LinkMemberAccountCommand(network.id, a.id, 'acc-aino', as({ kind: 'system', name: 'test' })));
  return {
    store,
    networkId: network.id,
    a: a.id,
    b: b.id,
    change: new ChangeMemberProfileHandler(networks, clock, ids),
    link: new LinkExternalIdentityHandler(networks, clock, ids),
    log: new LogInteractionHandler(networks, new InteractionRepository(store), store, clock, ids),
    events: async (type: string): Promise<RecordedEvent[]> => (await store.readAll()).filter((e) => e.type === type),
  };
}

describe('chat identities through the command handlers', () => {
  it('a coordinator sets a member\'s identities with a profile change', async () => {
    const { change, networkId, a, events } = await setUp();
    const member = await change.execute(new ChangeMemberProfileCommand(networkId, a, { externalIds: { slack: 'T1:UAINO' } }, as(coordinator)));
    expect(member.externalIds).toEqual({ slack: 'T1:UAINO' });
    expect((await events('MemberExternalIdsChanged')).map((e) => e.data)).toEqual([expect.objectContaining({ memberId: a, changes: { slack: 'T1:UAINO' }, via: 'coordinator' })]);
  });

  it('a member may not set their own identities directly (only by linking), and nothing is written', async () => {
    const { change, networkId, a, events } = await setUp();
    await expect(change.execute(new ChangeMemberProfileCommand(networkId, a, { externalIds: { slack: 'T1:UAINO' } }, as(aino)))).rejects.toMatchObject({
      constructor: Forbidden,
      problems: [{ field: 'externalIds' }],
    });
    expect(await events('MemberExternalIdsChanged')).toEqual([]);
  });

  it('a member links an identity to their own record only with a verified link', async () => {
    const { link, networkId, a, events } = await setUp();
    await expect(link.execute(new LinkExternalIdentityCommand(networkId, { slack: 'T1:UAINO' }, as(aino, 'web')))).rejects.toBeInstanceOf(Forbidden);
    const member = await link.execute(new LinkExternalIdentityCommand(networkId, { slack: 'T1:UAINO' }, as(aino, 'web'), true));
    expect(member).toMatchObject({ id: a, externalIds: { slack: 'T1:UAINO' } });
    expect((await events('MemberExternalIdsChanged')).map((e) => e.data.via)).toEqual(['link']);
  });

  it('an identity another member holds cannot be linked', async () => {
    const { change, link, networkId, b } = await setUp();
    await change.execute(new ChangeMemberProfileCommand(networkId, b, { externalIds: { slack: 'T1:UAINO' } }, as(coordinator)));
    await expect(link.execute(new LinkExternalIdentityCommand(networkId, { slack: 'T1:UAINO' }, as(aino, 'web'), true))).rejects.toBeInstanceOf(StateConflict);
  });

  it('a member logging from chat is the actor, with the platform as source, under their own rights', async () => {
    const { log, networkId, a, b, events } = await setUp();
    const chat: Principal = { kind: 'chat', platform: 'teams', networkId, memberId: a };
    await log.execute(new LogInteractionCommand(networkId, { kind: 'discussed', participants: [a, b], occurredAt: '2024-05-01T10:00:00Z' }, as(chat, 'teams')));
    expect((await events('InteractionLogged'))[0].metadata).toMatchObject({ actor: `member:${a}`, source: 'teams' });
    const forOthers = log.execute(new LogInteractionCommand(networkId, { kind: 'discussed', participants: [b, 'someone'], occurredAt: '2024-05-01T10:00:00Z' }, as(chat, 'teams')));
    await expect(forOthers).rejects.toMatchObject({ constructor: Forbidden, problems: [{ field: 'participants' }] });
  });
});
