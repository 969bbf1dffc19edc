import { Module } from '@nestjs/common';
import { ChangeNetworkSettingsHandler } from './change-network-settings/change-network-settings.handler';
import { DryRunHandler } from './dry-run/dry-run.handler';
import { EraseMemberHandler } from './erase-member/erase-member.handler';
import { LinkExternalIdentityHandler } from './link-external-identity/link-external-identity.handler';
import { LinkMemberAccountHandler } from './link-member-account/link-member-account.handler';
import { ChangeMemberProfileHandler } from './change-member-profile/change-member-profile.handler';
import { CorrectInteractionHandler } from './correct-interaction/correct-interaction.handler';
import { FoundNetworkHandler } from './found-network/found-network.handler';
import { JoinNetworkHandler } from './join-network/join-network.handler';
import { LeaveNetworkHandler } from './leave-network/leave-network.handler';
import { LogInteractionHandler } from './log-interaction/log-interaction.handler';
import { InteractionAuthorship } from './interaction-authorship';
import { InteractionRepository, NetworkRepository } from './network.repositories';
import { RecordInterventionHandler } from './record-intervention/record-intervention.handler';
import { RetractInteractionHandler } from './retract-interaction/retract-interaction.handler';

const commandHandlers = [
  FoundNetworkHandler,
  JoinNetworkHandler,
  ChangeMemberProfileHandler,
  LeaveNetworkHandler,
  LogInteractionHandler,
  CorrectInteractionHandler,
  RetractInteractionHandler,
  RecordInterventionHandler,
  LinkMemberAccountHandler,
  LinkExternalIdentityHandler,
  EraseMemberHandler,
  ChangeNetworkSettingsHandler,
  DryRunHandler,
];
const repositories = [NetworkRepository, InteractionRepository, InteractionAuthorship];

/**
 * The write side of networks, members and interactions. Needs EVENT_STORE, CLOCK, ID_GENERATOR,
 * PERSONAL_DATA_ERASER and MEMBER_INTERACTIONS from the application, and CqrsModule.forRoot().
 */
@Module({ providers: [...commandHandlers, ...repositories] })
export class NetworkModule {}
