import { AppendOptions, AppendResult, ConcurrencyError, EventStore, InMemoryEventStore, NewEvent, RecordedEvent } from '@solmu/event-store';
import { CommandContext, FixedClock, Forbidden, Principal, SequentialIdGenerator, ValidationFailed } from '@solmu/kernel';
import { networkStream } from '../domain/streams';
import { FoundNetworkCommand } from './found-network/found-network.command';
import { FoundNetworkHandler } from './found-network/found-network.handler';
import { JoinNetworkCommand } from './join-network/join-network.command';
import { JoinNetworkHandler } from './join-network/join-network.handler';
import { LogInteractionCommand } from './log-interaction/log-interaction.command';
import { LogInteractionHandler } from './log-interaction/log-interaction.handler';
import { InteractionRepository, NetworkRepository } from './network.repositories';

/**
 * The command handlers over the in-memory store, without Nest: load, decide, append, and what each
 * leaves in the store when a request is retried, races another writer or is refused.
 */
const clock = new FixedClock(new Date('2024-06-01T12:00:00Z'));
const coordinator: Principal = { kind: 'account', accountId: 'acc-coord', admin: false, name: 'Coordinator' };
const stranger: Principal = { kind: 'account', accountId: 'acc-stranger', admin: false };
const as = (principal: Principal, extra: Partial<CommandContext> = {}): CommandContext => ({ principal, source: 'api', ...extra });

/** Every event in the store, oldest first. */
const everything = (store: EventStore): Promise<RecordedEvent[]> => store.readAll();

/** A second process: its own repositories and ids over the same store. */
function handlersOn(store: EventStore, seed: number) {
  const ids = new SequentialIdGenerator(seed);
  const networks = new NetworkRepository(store);
  return {
    found: new FoundNetworkHandler(networks, clock, ids),
    join: new JoinNetworkHandler(networks, clock, ids),
    log: new LogInteractionHandler(networks, new InteractionRepository(store), store, clock, ids),
  };
}

/** A store where the next append to a chosen stream loses a race: a rival writes there first. */
class RacingStore extends InMemoryEventStore {
  private race?: { streamId: string; rival?: () => Promise<unknown> };
  /** Appends tried on the raced stream since the race was set up, the rival's included. */
  attempts = 0;

  raceOn(streamId: string, rival: () => Promise<unknown>): void {
    this.race = { streamId, rival };
  }

  override async append(streamId: string, events: readonly NewEvent[], options?: AppendOptions): Promise<AppendResult> {
    const race = this.race;
    if (race?.streamId === streamId) this.attempts += 1;
    if (race?.streamId === streamId && race.rival) {
      this.race = { streamId };
      await race.rival();
    }
    return super.append(streamId, events, options);
  }
}

async function aNetwork(handlers: ReturnType<typeof handlersOn>) {
  const network = await handlers.found.execute(new FoundNetworkCommand({ name: 'Verkosto', foundedAt: '2024-01-01T00:00:00Z' }, as(coordinator)));
  const join = (name: string) => handlers.join.execute(new JoinNetworkCommand(network.id, { name, joinedAt: '2024-01-02T00:00:00Z' }, as(coordinator)));
  const a = await join('Aino');
  const b = await join('Bertta');
  return { networkId: network.id, a: a.id, b: b.id };
}

describe('command handlers on the in-memory store', () => {
  describe('an Idempotency-Key', () => {
    it('makes a retried request land on the same interaction and event, written once', async () => {
      const store = new InMemoryEventStore();
      const handlers = handlersOn(store, 1);
      const { networkId, a, b } = await aNetwork(handlers);
      const details = { kind: 'discussed', participants: [a, b], occurredAt: '2024-05-01T10:00:00Z' };
      const context = as(coordinator, { idempotencyKey: 'key-1', requestHash: 'hash-of-body' });

      const first = await handlers.log.execute(new LogInteractionCommand(networkId, details, context));
      const retried = await handlersOn(store, 2).log.execute(new LogInteractionCommand(networkId, details, context));

      expect(retried).toEqual(first);
      const logged = (await everything(store)).filter((e) => e.type === 'InteractionLogged');
      expect(logged).toHaveLength(1);
      expect(logged[0].data.interactionId).toBe(first.id);
      expect(logged[0].metadata).toMatchObject({ idempotencyKey: 'key-1', requestHash: 'hash-of-body' });
    });

    it('tells the caller that asks whether its answer was the earlier one, with nothing written', async () => {
      const store = new InMemoryEventStore();
      const handlers = handlersOn(store, 1);
      const { networkId, a, b } = await aNetwork(handlers);
      const details = { kind: 'discussed', participants: [a, b], occurredAt: '2024-05-01T10:00:00Z' };
      const context = as(coordinator, { idempotencyKey: 'key-1', requestHash: 'hash-of-body' });
      const replays: string[] = [];

      await handlers.log.execute(new LogInteractionCommand(networkId, details, context, () => replays.push('first')));
      await handlers.log.execute(new LogInteractionCommand(networkId, details, context, () => replays.push('second')));
      await handlers.log.execute(new LogInteractionCommand(networkId, details, as(coordinator, { idempotencyKey: 'key-2', requestHash: 'hash-of-body' }), () => replays.push('other key')));

      expect(replays).toEqual(['second']);
    });

    it('with another request body is refused, and nothing more is written', async () => {
      const store = new InMemoryEventStore();
      const handlers = handlersOn(store, 1);
      const { networkId, a, b } = await aNetwork(handlers);
      await handlers.log.execute(new LogInteractionCommand(networkId, { kind: 'discussed', participants: [a, b], occurredAt: '2024-05-01T10:00:00Z' }, as(coordinator, { idempotencyKey: 'key-1', requestHash: 'first' })));
      const head = await store.headPosition();

      const reused = handlers.log.execute(
        new LogInteractionCommand(networkId, { kind: 'co_developed', participants: [a, b], occurredAt: '2024-05-02T10:00:00Z' }, as(coordinator, { idempotencyKey: 'key-1', requestHash: 'second' })),
      );

      await expect(reused).rejects.toBeInstanceOf(ValidationFailed);
      await expect(reused).rejects.toMatchObject({ code: 'idempotency_key_reused' });
      expect(await store.headPosition()).toBe(head);
    });
  });

  describe('a conflict with another writer', () => {
    it('is retried on the fresh state: both writers’ members are in the network', async () => {
      const store = new RacingStore();
      const handlers = handlersOn(store, 1);
      const { networkId } = await aNetwork(handlers);
      store.raceOn(networkStream(networkId), () => handlersOn(store, 9).join.execute(new JoinNetworkCommand(networkId, { name: 'From the other process' }, as(coordinator))));

      const joined = await handlers.join.execute(new JoinNetworkCommand(networkId, { name: 'Ours' }, as(coordinator)));

      const stream = await store.readStream(networkStream(networkId));
      expect(stream.filter((e) => e.type === 'MemberJoined').map((e) => e.data.name)).toEqual(['Coordinator', 'Aino', 'Bertta', 'From the other process', 'Ours']);
      expect(stream[stream.length - 1].data.memberId).toBe(joined.id);
      // Ours was tried on the stale revision, the rival's went in, ours was decided again and appended.
      expect(store.attempts).toBe(3);
    });

    it('that never ends gives up after a bounded number of attempts, having written nothing', async () => {
      const store = new InMemoryEventStore();
      const handlers = handlersOn(store, 1);
      const { networkId } = await aNetwork(handlers);
      const head = await store.headPosition();
      let attempts = 0;
      const conflicting = Object.assign(Object.create(store) as InMemoryEventStore, {
        append: async (streamId: string) => {
          attempts += 1;
          throw new ConcurrencyError(streamId, 0, 1);
        },
      });

      await expect(handlersOn(conflicting, 2).join.execute(new JoinNetworkCommand(networkId, { name: 'Never' }, as(coordinator)))).rejects.toBeInstanceOf(ConcurrencyError);

      expect(attempts).toBe(5);
      expect(await store.headPosition()).toBe(head);
    });
  });

  describe('a refusal', () => {
    it('by the access rules writes nothing', async () => {
      const store = new InMemoryEventStore();
      const handlers = handlersOn(store, 1);
      const { networkId, a, b } = await aNetwork(handlers);
      const head = await store.headPosition();

      await expect(handlers.join.execute(new JoinNetworkCommand(networkId, { name: 'Gatecrasher' }, as(stranger)))).rejects.toMatchObject({ name: 'NotFound' });
      await expect(
        handlers.log.execute(new LogInteractionCommand(networkId, { kind: 'discussed', participants: [a, b], occurredAt: '2024-05-01T10:00:00Z' }, as({ kind: 'token', tokenId: 't', networkId, scopes: ['network:read'] }))),
      ).rejects.toBeInstanceOf(Forbidden);

      expect(await store.headPosition()).toBe(head);
    });

    it('by the domain rules writes nothing, and names the field', async () => {
      const store = new InMemoryEventStore();
      const handlers = handlersOn(store, 1);
      const { networkId, a } = await aNetwork(handlers);
      const head = await store.headPosition();

      const refused = handlers.log.execute(new LogInteractionCommand(networkId, { kind: 'discussed', participants: [a, 'not-a-member'], occurredAt: '2024-05-01T10:00:00Z' }, as(coordinator)));

      await expect(refused).rejects.toBeInstanceOf(ValidationFailed);
      await expect(refused).rejects.toMatchObject({ problems: [expect.objectContaining({ field: 'participants[1]' })] });
      expect(await store.headPosition()).toBe(head);
    });
  });
});
