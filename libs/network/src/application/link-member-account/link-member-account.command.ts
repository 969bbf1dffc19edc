import { Command } from '@nestjs/cqrs';
import { CommandContext } from '@solmu/kernel';
import { MemberView } from '../views';

/**
 * An accepted invitation makes an account the owner of a member record. The invitation itself is
 * the authority (verified by the identity library before this command is sent).
 */
export class LinkMemberAccountCommand extends Command<MemberView> {
  constructor(
    readonly networkId: string,
    readonly memberId: string,
    readonly accountId: string,
    readonly context: CommandContext,
    /** Set by the edge once the identity library has accepted a valid invitation for this account. */
    readonly invitationAccepted = false,
  ) {
    super();
  }
}
