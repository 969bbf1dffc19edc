import { Module } from '@nestjs/common';
import { ChangeMemberProfileHandler } from './change-member-profile/change-member-profile.handler';
import { CorrectInteractionHandler } from './correct-interaction/correct-interaction.handler';
import { FoundNetworkHandler } from './found-network/found-network.handler';
import { JoinNetworkHandler } from './join-network/join-network.handler';
import { LeaveNetworkHandler } from './leave-network/leave-network.handler';
import { LogInteractionHandler } from './log-interaction/log-interaction.handler';
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
];
const repositories = [NetworkRepository, InteractionRepository];

/**
 * The write side of networks, members and interactions. Needs EVENT_STORE, CLOCK and ID_GENERATOR
 * from the application, and CqrsModule.forRoot() for the buses.
 */
@Module({ providers: [...commandHandlers, ...repositories] })
export class NetworkModule {}
