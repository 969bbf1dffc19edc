import { SolmuConfig } from '@solmu/config';
import { EVENT_STORE, EventStore, openSnapshotStore, SNAPSHOT_STORE, SnapshotStore } from '@solmu/event-store';
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
import { NetworkAnalysisProjection } from './network-analysis/network-analysis.projection';
import {
  ExportGraphHandler,
  GetEgoNetworkHandler,
  GetGraphHandler,
  GetInterventionEffectHandler,
  GetPictureStepsHandler,
  GetTieHistoryHandler,
  GetTimelineHandler,
  GetTipsHandler,
} from './network-analysis/network-analysis.queries';
import { AnalysisPool } from './network-analysis/worker/analysis-pool';
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
  GetPictureStepsHandler,
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
    // Snapshots live with the events: the file beside the SQLite store, or the same PostgreSQL database.
    { provide: SNAPSHOT_STORE, inject: [SolmuConfig], useFactory: (config: SolmuConfig) => openSnapshotStore(config.eventStore) },
    // The analysis runs on worker threads, each owning a shard of the networks (docs/architecture.md).
    {
      provide: AnalysisPool,
      inject: [EVENT_STORE, SNAPSHOT_STORE, SolmuConfig],
      useFactory: (store: EventStore, snapshots: SnapshotStore, config: SolmuConfig) => new AnalysisPool(store, config.analysisWorkers, { snapshots, ...config.analysisMemory }),
    },
    // Erasure asks the write side's port which interactions a member took part in.
    { provide: MEMBER_INTERACTIONS, inject: [InteractionLog], useFactory: (log: InteractionLog): MemberInteractions => ({ interactionIdsOf: async (n, m) => log.interactionIdsOf(n, m) }) },
  ],
  exports: [ProjectionRunner, ReadAccess, MEMBER_INTERACTIONS, AnalysisPool, ...readModels],
})
export class ProjectionsModule {}
