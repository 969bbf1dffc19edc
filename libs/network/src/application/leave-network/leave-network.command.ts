import { Command } from '@nestjs/cqrs';
import { CommandContext } from '@solmu/kernel';
import { MemberView } from '../views';

/** A member leaves the network; their past ties stay in its history. */
export class LeaveNetworkCommand extends Command<MemberView> {
  constructor(
    readonly networkId: string,
    readonly memberId: string,
    readonly leftAt: string | undefined,
    readonly context: CommandContext,
  ) {
    super();
  }
}
