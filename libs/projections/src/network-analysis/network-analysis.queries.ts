import { Inject, Injectable } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { interventionEffect, PictureSteps, Tip, Timeline } from '@solmu/analysis';
import { Clock, CLOCK, Forbidden, Principal } from '@solmu/kernel';
import { LEGACY_TIME_ZONE } from '@solmu/network';
import { ReadAccess } from '../network-access';
import { NetworkDirectory } from '../network-directory/network-directory.projection';
import type { AnalysisContext } from './analysis-engine';
import { AnalysisAt, GraphSnapshot } from './analysis-view';
import type { EgoNetwork, ExportFormat, ExportOptions, InterventionEffectOptions, PictureStepsQueryOptions, TieHistory, TimelineQueryOptions } from './analysis.types';
import { AnalysisPool, StreamedFile } from './worker/analysis-pool';

export class GetGraphQuery extends Query<GraphSnapshot> {
  constructor(readonly networkId: string, readonly options: AnalysisAt, readonly principal: Principal) {
    super();
  }
}

export class GetTimelineQuery extends Query<Timeline> {
  constructor(
    readonly networkId: string,
    readonly options: TimelineQueryOptions,
    readonly principal: Principal,
  ) {
    super();
  }
}

/** The picture at every stop of the time slider, up to now: a slider step is then drawn without a request. */
export class GetPictureStepsQuery extends Query<PictureSteps> {
  constructor(readonly networkId: string, readonly options: PictureStepsQueryOptions, readonly principal: Principal) {
    super();
  }
}

export class GetEgoNetworkQuery extends Query<EgoNetwork> {
  constructor(readonly networkId: string, readonly memberId: string, readonly options: AnalysisAt, readonly principal: Principal) {
    super();
  }
}

export class GetTipsQuery extends Query<{ at: string; window: string; tips: Tip[] }> {
  constructor(readonly networkId: string, readonly options: AnalysisAt, readonly principal: Principal) {
    super();
  }
}

export class GetTieHistoryQuery extends Query<TieHistory> {
  constructor(readonly networkId: string, readonly a: string, readonly b: string, readonly principal: Principal) {
    super();
  }
}

/** The file's body streams from the analysis worker as it is written. */
export class ExportGraphQuery extends Query<StreamedFile> {
  constructor(readonly networkId: string, readonly format: ExportFormat, readonly options: ExportOptions, readonly principal: Principal) {
    super();
  }
}

export class GetInterventionEffectQuery extends Query<ReturnType<typeof interventionEffect>> {
  constructor(readonly networkId: string, readonly interventionId: string, readonly options: InterventionEffectOptions, readonly principal: Principal) {
    super();
  }
}

/**
 * Shared by the analysis queries: access is checked here, on the main thread, before anything is
 * asked of the analysis worker that owns the network (worker/analysis-pool.ts). The handlers inherit
 * this constructor (and its injection metadata).
 */
@Injectable()
abstract class AnalysisHandler {
  constructor(
    protected readonly access: ReadAccess,
    protected readonly pool: AnalysisPool,
    @Inject(CLOCK) protected readonly clock: Clock,
    protected readonly directory: NetworkDirectory,
  ) {}

  /** What the worker cannot know: the app's "now" and the network's settings (depth weights, time zone). */
  protected context(networkId: string): AnalysisContext {
    const settings = this.directory.get(networkId)?.settings;
    return { now: this.clock.now().getTime(), weights: settings?.depthWeights, timeZone: settings?.timeZone ?? LEGACY_TIME_ZONE };
  }
}

@QueryHandler(GetGraphQuery)
export class GetGraphHandler extends AnalysisHandler implements IQueryHandler<GetGraphQuery> {
  async execute({ networkId, options, principal }: GetGraphQuery): Promise<GraphSnapshot> {
    await this.access.to(networkId, principal, 'analysis:read');
    return this.pool.ask({ kind: 'graph', networkId, options }, this.context(networkId));
  }
}

@QueryHandler(GetTimelineQuery)
export class GetTimelineHandler extends AnalysisHandler implements IQueryHandler<GetTimelineQuery> {
  async execute({ networkId, options, principal }: GetTimelineQuery): Promise<Timeline> {
    await this.access.to(networkId, principal, 'analysis:read');
    return this.pool.ask({ kind: 'timeline', networkId, options }, this.context(networkId));
  }
}

@QueryHandler(GetPictureStepsQuery)
export class GetPictureStepsHandler extends AnalysisHandler implements IQueryHandler<GetPictureStepsQuery> {
  async execute({ networkId, options, principal }: GetPictureStepsQuery): Promise<PictureSteps> {
    // What /graph shows, at more dates: the same rule.
    await this.access.to(networkId, principal, 'analysis:read');
    return this.pool.ask({ kind: 'steps', networkId, options }, this.context(networkId));
  }
}

@QueryHandler(GetEgoNetworkQuery)
export class GetEgoNetworkHandler extends AnalysisHandler implements IQueryHandler<GetEgoNetworkQuery> {
  async execute({ networkId, memberId, options, principal }: GetEgoNetworkQuery): Promise<EgoNetwork> {
    const access = await this.access.to(networkId, principal);
    if (access.memberId !== memberId && !access.can('analysis:read')) throw new Forbidden('you can see only your own network');
    const ego = await this.pool.ask<EgoNetwork>({ kind: 'ego', networkId, memberId, options }, this.context(networkId));
    return access.can('analysis:read') ? ego : ownTiesOnly(ego);
  }
}

/**
 * A member of a network whose picture is closed to members (`membersSeeNetwork: false`) sees their
 * own ties only: not which of their contacts know each other, nor the contacts' network measures.
 */
function ownTiesOnly(ego: EgoNetwork): EgoNetwork {
  return { ...ego, alters: ego.alters.map(({ measures: _measures, ...alter }) => alter as EgoNetwork['alters'][number]), tiesAmongAlters: [] };
}

@QueryHandler(GetTipsQuery)
export class GetTipsHandler extends AnalysisHandler implements IQueryHandler<GetTipsQuery> {
  async execute({ networkId, options, principal }: GetTipsQuery) {
    const access = await this.access.to(networkId, principal);
    if (!access.can('tips:read-all') && !access.memberId) throw new Forbidden('you may not see tips in this network');
    // A member's view needs the graph (who they share a tie with), so the worker that holds it filters.
    const viewer = access.can('tips:read-all') ? undefined : { memberId: access.memberId!, seesNetwork: access.can('analysis:read') };
    return this.pool.ask<{ at: string; window: string; tips: Tip[] }>({ kind: 'tips', networkId, options, viewer }, this.context(networkId));
  }
}

@QueryHandler(GetTieHistoryQuery)
export class GetTieHistoryHandler extends AnalysisHandler implements IQueryHandler<GetTieHistoryQuery> {
  async execute({ networkId, a, b, principal }: GetTieHistoryQuery): Promise<TieHistory> {
    const access = await this.access.to(networkId, principal);
    const ownTie = access.memberId === a || access.memberId === b;
    if (!ownTie && !access.can('analysis:read')) throw new Forbidden('you can see only your own ties');
    return this.pool.ask({ kind: 'tie', networkId, a, b }, this.context(networkId));
  }
}

@QueryHandler(ExportGraphQuery)
export class ExportGraphHandler extends AnalysisHandler implements IQueryHandler<ExportGraphQuery> {
  async execute({ networkId, format, options, principal }: ExportGraphQuery): Promise<StreamedFile> {
    await this.access.to(networkId, principal, 'analysis:read');
    return this.pool.export({ kind: 'export', networkId, format, options }, this.context(networkId));
  }
}

@QueryHandler(GetInterventionEffectQuery)
export class GetInterventionEffectHandler extends AnalysisHandler implements IQueryHandler<GetInterventionEffectQuery> {
  async execute({ networkId, interventionId, options, principal }: GetInterventionEffectQuery) {
    await this.access.to(networkId, principal, 'analysis:read');
    return this.pool.ask<ReturnType<typeof interventionEffect>>({ kind: 'effect', networkId, interventionId, options }, this.context(networkId));
  }
}
