import { Command } from '@nestjs/cqrs';
import { CommandContext } from '@solmu/kernel';

export interface FoundedNetwork {
  id: string;
  name: string;
  description?: string;
  foundedAt: string;
  /** The zone its dates are read and its calendar drawn in. */
  timeZone?: string;
  /** The founder's own member record (they become its first coordinator). */
  coordinatorMemberId?: string;
}

export class FoundNetworkCommand extends Command<FoundedNetwork> {
  constructor(
    /** `timeZone` defaults to the installation's (SOLMU_TIME_ZONE). */
    readonly input: { name: string; description?: string; foundedAt?: string; timeZone?: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}
