import { Command } from '@nestjs/cqrs';
import { CommandContext } from '@solmu/kernel';
import { InteractionDetailsInput } from '../../domain/interaction.decider';
import { InteractionView } from '../views';

/** Restate an interaction's details; the original stays in the history. */
export class CorrectInteractionCommand extends Command<InteractionView> {
  constructor(
    readonly networkId: string,
    readonly interactionId: string,
    readonly details: InteractionDetailsInput,
    readonly reason: string | undefined,
    readonly context: CommandContext,
  ) {
    super();
  }
}
