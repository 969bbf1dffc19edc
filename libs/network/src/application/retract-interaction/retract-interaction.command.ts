import { Command } from '@nestjs/cqrs';
import { CommandContext } from '@solmu/kernel';
import { InteractionView } from '../views';

/** Withdraw an interaction that should not count (logged by mistake, a duplicate…). */
export class RetractInteractionCommand extends Command<InteractionView> {
  constructor(
    readonly networkId: string,
    readonly interactionId: string,
    readonly reason: string | undefined,
    readonly context: CommandContext,
  ) {
    super();
  }
}
