import { Module } from '@nestjs/common';
import { GetInteractionHandler, ListInteractionsHandler } from './interaction-log/interaction-log.queries';
import { InteractionLog } from './interaction-log/interaction-log.projection';
import { NetworkDirectory } from './network-directory/network-directory.projection';
import { GetMemberHandler, GetNetworkHandler, ListInterventionsHandler, ListMembersHandler, ListNetworksHandler } from './network-directory/network-directory.queries';
import { NetworkHistory } from './network-history/network-history.projection';
import { ListNetworkEventsHandler } from './network-history/network-history.queries';
import { PROJECTIONS } from './projection';
import { ProjectionRunner } from './projection-runner';

const readModels = [NetworkDirectory, InteractionLog, NetworkHistory];
const queryHandlers = [
  ListNetworksHandler,
  GetNetworkHandler,
  ListMembersHandler,
  GetMemberHandler,
  ListInterventionsHandler,
  ListInteractionsHandler,
  GetInteractionHandler,
  ListNetworkEventsHandler,
];

/** The read side: projections fed from the event store, and the queries they answer. */
@Module({
  providers: [
    ...readModels,
    ...queryHandlers,
    { provide: PROJECTIONS, inject: readModels, useFactory: (...models: unknown[]) => models },
    ProjectionRunner,
  ],
  exports: [ProjectionRunner, ...readModels],
})
export class ProjectionsModule {}
