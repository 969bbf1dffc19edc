import { Clock, CLOCK } from '@solmu/kernel';
import { MEMBER_INTERACTIONS, MemberInteractions } from '@solmu/network';
import { Global, Module } from '@nestjs/common';
import { GetInteractionHandler, ListInteractionsHandler } from './interaction-log/interaction-log.queries';
import { InteractionLog } from './interaction-log/interaction-log.projection';
import { NetworkDirectory } from './network-directory/network-directory.projection';
import { GetMemberHandler, GetNetworkHandler, ListInterventionsHandler, ListMembersHandler, ListNetworksHandler } from './network-directory/network-directory.queries';
import { NetworkHistory } from './network-history/network-history.projection';
import { ListNetworkEventsHandler } from './network-history/network-history.queries';
import { ExportMemberDataHandler } from './member-export/export-member-data.query';
import { GraphSnapshots } from './network-analysis/analysis-view';
import { NetworkAnalysisProjection } from './network-analysis/network-analysis.projection';
import {
  ExportGraphHandler,
  GetEgoNetworkHandler,
  GetGraphHandler,
  GetInterventionEffectHandler,
  GetTieHistoryHandler,
  GetTimelineHandler,
  GetTipsHandler,
} from './network-analysis/network-analysis.queries';
import { PROJECTIONS } from './projection';
import { ProjectionRunner } from './projection-runner';
import { ReadAccess } from './network-access';

const readModels = [NetworkDirectory, InteractionLog, NetworkHistory, NetworkAnalysisProjection];
const queryHandlers = [
  ListNetworksHandler,
  GetNetworkHandler,
  ListMembersHandler,
  GetMemberHandler,
  ListInterventionsHandler,
  ListInteractionsHandler,
  GetInteractionHandler,
  ListNetworkEventsHandler,
  ExportMemberDataHandler,
  GetGraphHandler,
  GetTimelineHandler,
  GetEgoNetworkHandler,
  GetTipsHandler,
  GetTieHistoryHandler,
  ExportGraphHandler,
  GetInterventionEffectHandler,
];

/**
 * The read side: projections fed from the event store, and the queries they answer. Global, so the
 * write side's MEMBER_INTERACTIONS port is bound without the write side importing the read side.
 */
@Global()
@Module({
  providers: [
    ...readModels,
    ...queryHandlers,
    { provide: PROJECTIONS, inject: readModels, useFactory: (...models: unknown[]) => models },
    ProjectionRunner,
    ReadAccess,
    { provide: GraphSnapshots, inject: [CLOCK], useFactory: (clock: Clock) => new GraphSnapshots(clock) },
    // Erasure asks the write side's port which interactions a member took part in.
    { provide: MEMBER_INTERACTIONS, inject: [InteractionLog], useFactory: (log: InteractionLog): MemberInteractions => ({ interactionIdsOf: async (n, m) => log.interactionIdsOf(n, m) }) },
  ],
  exports: [ProjectionRunner, ReadAccess, MEMBER_INTERACTIONS, ...readModels],
})
export class ProjectionsModule {}
