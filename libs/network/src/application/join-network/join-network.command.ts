import { Command } from '@nestjs/cqrs';
import { CommandContext } from '@solmu/kernel';
import { MemberView } from '../views';

export interface MemberProfileInput {
  name: string;
  organisation?: string;
  type?: string;
  role?: string;
  joinedAt?: string;
}

/** A person (with their background organisation) joins a network as a member or coordinator. */
export class JoinNetworkCommand extends Command<MemberView> {
  constructor(
    readonly networkId: string,
    readonly profile: MemberProfileInput,
    readonly context: CommandContext,
  ) {
    super();
  }
}
