import { Command } from '@nestjs/cqrs';
import { CommandContext } from '@solmu/kernel';
import { InteractionDetailsInput } from '../../domain/interaction.decider';
import { InteractionView } from '../views';

/**
 * Log a network event between members. With `context.idempotencyKey`, the same key and request give
 * the same answer and one event; the same key with another request is refused. `onReplay` is called
 * when the answer is that earlier one and nothing new was written (an import counts what it added).
 */
export class LogInteractionCommand extends Command<InteractionView> {
  constructor(
    readonly networkId: string,
    readonly details: InteractionDetailsInput,
    readonly context: CommandContext,
    readonly onReplay?: () => void,
  ) {
    super();
  }
}
