import { InMemoryEventStore } from '@solmu/event-store';
import { CommandContext, FixedClock, Principal, SequentialIdGenerator } from '@solmu/kernel';
import { FoundNetworkCommand } from '../found-network/found-network.command';
import { FoundNetworkHandler } from '../found-network/found-network.handler';
import { JoinNetworkCommand } from '../join-network/join-network.command';
import { JoinNetworkHandler } from '../join-network/join-network.handler';
import { NetworkRepository } from '../network.repositories';
import { DryRunCommand } from './dry-run.command';
import { DryRunHandler } from './dry-run.handler';

const clock = new FixedClock(new Date('2024-06-01T12:00:00Z'));
const coordinator: Principal = { kind: 'account', accountId: 'acc-coord', admin: false, name: 'Coordinator' };
const stranger: Principal = { kind: 'account', accountId: 'acc-stranger', admin: false };
const as = (principal: Principal): CommandContext => ({ principal, source: 'import' });

describe('DryRunHandler', () => {
  async function setUp() {
    const store = new InMemoryEventStore();
    const networks = new NetworkRepository(store);
    const ids = new SequentialIdGenerator(1);
    const network = await new FoundNetworkHandler(networks, clock, ids).execute(new FoundNetworkCommand({ name: 'Verkosto', foundedAt: '2024-01-01T00:00:00Z' }, as(coordinator)));
    const aino = await new JoinNetworkHandler(networks, clock, ids).execute(new JoinNetworkCommand(network.id, { name: 'Aino', joinedAt: '2024-01-02' }, as(coordinator)));
    return { store, handler: new DryRunHandler(networks, clock), networkId: network.id, aino: aino.id };
  }

  it('answers what JoinNetwork and LogInteraction would refuse, in order, and writes nothing', async () => {
    const { store, handler, networkId, aino } = await setUp();
    const before = await store.readAll();
    const outcome = await handler.execute(
      new DryRunCommand(
        networkId,
        [
          { memberId: 'new-1', profile: { name: 'Uusi', joinedAt: '2024-03-01' } },
          { memberId: 'new-2', profile: { name: '', email: 'not-an-email' } },
        ],
        [
          { kind: 'met', participants: [aino, 'new-1'], occurredAt: '2024-04-01' },
          { kind: 'acquainted', participants: [aino, 'new-1'], occurredAt: '2024-02-01' },
          { kind: 'acquainted', participants: [aino, 'new-2'], occurredAt: '2024-05-01' },
          { kind: 'acquainted', participants: [aino, 'new-1'], occurredAt: '2024-06-02' },
        ],
        as(coordinator),
      ),
    );
    expect(outcome.members).toEqual([{ index: 1, problems: expect.arrayContaining([expect.objectContaining({ field: 'name' }), expect.objectContaining({ field: 'email' })]) }]);
    expect(outcome.interactions.map((i) => [i.index, i.problems.map((p) => p.field)])).toEqual([
      [0, ['kind']],
      [1, ['participants[1]']],
      [2, ['participants[1]']],
      [3, ['occurredAt']],
    ]);
    expect(await store.readAll()).toEqual(before);
  });

  it('is for those who may add members and log for anyone', async () => {
    const { handler, networkId } = await setUp();
    await expect(handler.execute(new DryRunCommand(networkId, [], [], as(stranger)))).rejects.toMatchObject({ kind: 'not_found' });
  });
});
