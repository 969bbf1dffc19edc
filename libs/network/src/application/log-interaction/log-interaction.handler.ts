import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, EventStore, retryOnConflict } from '@solmu/event-store';
import { Clock, CLOCK, CommandContext, deterministicId, Forbidden, ID_GENERATOR, IdGenerator, ValidationFailed } from '@solmu/kernel';
import { decideInteraction, initialInteractionState } from '../../domain/interaction.decider';
import { InteractionLogged } from '../../domain/interaction.events';
import { interactionStream } from '../../domain/streams';
import { commandMetadata } from '../command-metadata';
import { requireAccess } from '../network-access';
import { InteractionRepository, NetworkRepository } from '../network.repositories';
import { InteractionView } from '../views';
import { LogInteractionCommand } from './log-interaction.command';

@CommandHandler(LogInteractionCommand)
export class LogInteractionHandler implements ICommandHandler<LogInteractionCommand> {
  constructor(
    private readonly networks: NetworkRepository,
    private readonly interactions: InteractionRepository,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  async execute({ networkId, details, context, onReplay }: LogInteractionCommand): Promise<InteractionView> {
    const key = context.idempotencyKey;
    // With a key, ids derive from it: a retried request lands on the same stream and event. The
    // event id also covers the request hash, so another body under the same key cannot pass as a retry.
    const interactionId = key ? deterministicId('interaction', networkId, key) : this.ids.next();
    const eventId = key ? deterministicId('interaction-logged', networkId, key, context.requestHash ?? '') : this.ids.next();
    const stream = interactionStream(interactionId);

    return retryOnConflict(async (attempt) => {
      const { state: network } = await this.networks.loadExisting(networkId);
      const access = requireAccess(network, context.principal);
      if (!access.can('interactions:write-any') && !(access.memberId && details.participants?.includes(access.memberId))) {
        throw new Forbidden('you can log only interactions you take part in', 'participants');
      }
      if (key || attempt > 1) {
        const earlier = await this.earlierAnswer(stream, context);
        if (earlier) {
          onReplay?.();
          return earlier;
        }
      }
      const [logged] = decideInteraction(
        { type: 'LogInteraction', data: { interactionId, details } },
        initialInteractionState(),
        { network, now: this.clock.now() },
      ) as [InteractionLogged];
      await this.interactions.append(stream, [logged], -1, { eventIds: [eventId], metadata: commandMetadata(context) });
      return toView(logged.data);
    });
  }

  /** The answer already given for this idempotency key, or a refusal if the request differs. */
  private async earlierAnswer(stream: string, context: CommandContext): Promise<InteractionView | undefined> {
    const [first] = await this.store.readStream(stream, { maxCount: 1 });
    if (!first) return undefined;
    if (first.metadata.requestHash !== context.requestHash) {
      throw ValidationFailed.field('Idempotency-Key', 'was already used with a different request', 'idempotency_key_reused');
    }
    return toView(first.data as unknown as InteractionLogged['data']);
  }
}

function toView({ interactionId, ...rest }: InteractionLogged['data']): InteractionView {
  return { id: interactionId, ...rest, status: 'active' };
}
