import { Command } from '@nestjs/cqrs';
import { CommandContext } from '@solmu/kernel';

export interface FoundedNetwork {
  id: string;
  name: string;
  description?: string;
  foundedAt: string;
  /** The founder's own member record (they become its first coordinator). */
  coordinatorMemberId?: string;
}

export class FoundNetworkCommand extends Command<FoundedNetwork> {
  constructor(
    readonly input: { name: string; description?: string; foundedAt?: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}
