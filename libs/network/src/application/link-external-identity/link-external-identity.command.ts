import { Command } from '@nestjs/cqrs';
import { CommandContext } from '@solmu/kernel';
import type { ExternalIdPlatform } from '../../domain/network.events';
import { MemberView } from '../views';

/**
 * A signed-in person links a Slack or Teams identity to their own member record. The one-time link
 * the platform handed to that identity is the proof (verified by the integrations library before
 * this command is sent, which then sets `linkVerified`).
 */
export class LinkExternalIdentityCommand extends Command<MemberView> {
  constructor(
    readonly networkId: string,
    /** Slack: `{slack}`; Teams: `{teams, teamsUser}` (the sender's Entra object id and Teams user id). */
    readonly identities: Partial<Record<ExternalIdPlatform, string>>,
    readonly context: CommandContext,
    readonly linkVerified = false,
  ) {
    super();
  }
}
