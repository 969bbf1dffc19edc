import { Command } from '@nestjs/cqrs';
import { CommandContext } from '@solmu/kernel';
import { MemberView } from '../views';

export interface MemberProfileChanges {
  name?: string;
  organisation?: string | null;
  type?: string;
  role?: string;
  /** Slack/Teams identities (coordinators only): `{slack?, teams?, teamsUser?}`, null removes one. */
  externalIds?: Record<string, unknown>;
}

export class ChangeMemberProfileCommand extends Command<MemberView> {
  constructor(
    readonly networkId: string,
    readonly memberId: string,
    readonly changes: MemberProfileChanges,
    readonly context: CommandContext,
  ) {
    super();
  }
}
