import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock, CLOCK, ID_GENERATOR, IdGenerator } from '@solmu/kernel';
import { decideInteraction } from '../../domain/interaction.decider';
import { interactionStream } from '../../domain/streams';
import { commandMetadata } from '../command-metadata';
import { InteractionAuthorship } from '../interaction-authorship';
import { InteractionRepository, NetworkRepository } from '../network.repositories';
import { interactionView, InteractionView } from '../views';
import { CorrectInteractionCommand } from './correct-interaction.command';

@CommandHandler(CorrectInteractionCommand)
export class CorrectInteractionHandler implements ICommandHandler<CorrectInteractionCommand> {
  constructor(
    private readonly networks: NetworkRepository,
    private readonly interactions: InteractionRepository,
    private readonly authorship: InteractionAuthorship,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  async execute({ networkId, interactionId, details, reason, context }: CorrectInteractionCommand): Promise<InteractionView> {
    const { state: network } = await this.networks.loadExisting(networkId);
    await this.authorship.requireMayChange(network, interactionId, context.principal);
    const { state } = await this.interactions.handle(
      interactionStream(interactionId),
      (current) => decideInteraction({ type: 'CorrectInteraction', data: { interactionId, details, reason } }, current, { network, now: this.clock.now() }),
      { eventIds: [this.ids.next()], metadata: commandMetadata(context) },
    );
    return interactionView(interactionId, state);
  }
}
