import { Inject, Injectable } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { interventionEffect, pairKey, Tip, tips, tipsForMember, timeline, Timeline, TimelineInterval, toCsv, toDynamicGexf, toGraphML } from '@solmu/analysis';
import { Clock, CLOCK, Forbidden, NotFound, Principal } from '@solmu/kernel';
import { LEGACY_TIME_ZONE } from '@solmu/network';
import { ReadAccess } from '../network-access';
import { NetworkDirectory } from '../network-directory/network-directory.projection';
import { AnalysisAt, GraphNode, GraphSnapshot, GraphSnapshots, GraphTie, resolveAt } from './analysis-view';
import { AnalysedNetwork, NetworkAnalysisProjection } from './network-analysis.projection';

export class GetGraphQuery extends Query<GraphSnapshot> {
  constructor(readonly networkId: string, readonly options: AnalysisAt, readonly principal: Principal) {
    super();
  }
}

export class GetTimelineQuery extends Query<Timeline> {
  constructor(
    readonly networkId: string,
    /** Without `interval` the timeline chooses one that fits the history (and says so). */
    readonly options: { interval?: TimelineInterval; window?: string; from?: string; to?: string },
    readonly principal: Principal,
  ) {
    super();
  }
}

export interface EgoNetwork {
  member: GraphNode;
  at: string;
  window: string;
  /** The member's contacts, closest first: deepest kind on the ladder, then strength, then most recent. */
  alters: Array<GraphNode & { tie: GraphTie }>;
  /** Ties among the contacts: who of them know each other. */
  tiesAmongAlters: GraphTie[];
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

export interface TieHistory {
  a: string;
  b: string;
  interactions: Array<{ id: string; kind: string; occurredAt: string; initiator?: string; participants: number }>;
}

export class GetTieHistoryQuery extends Query<TieHistory> {
  constructor(readonly networkId: string, readonly a: string, readonly b: string, readonly principal: Principal) {
    super();
  }
}

export type ExportFormat = 'graphml' | 'nodes.csv' | 'edges.csv' | 'gexf';

export class ExportGraphQuery extends Query<{ contentType: string; body: string; filename: string }> {
  constructor(readonly networkId: string, readonly format: ExportFormat, readonly options: AnalysisAt, readonly principal: Principal) {
    super();
  }
}

export class GetInterventionEffectQuery extends Query<ReturnType<typeof interventionEffect>> {
  constructor(readonly networkId: string, readonly interventionId: string, readonly options: { window?: string; days?: number }, readonly principal: Principal) {
    super();
  }
}

/**
 * Shared by the analysis queries: access, the network's analysed history, dates and the snapshot
 * cache. The handlers inherit this constructor (and its injection metadata).
 */
@Injectable()
abstract class AnalysisHandler {
  constructor(
    protected readonly access: ReadAccess,
    protected readonly analysis: NetworkAnalysisProjection,
    protected readonly snapshots: GraphSnapshots,
    @Inject(CLOCK) protected readonly clock: Clock,
    protected readonly directory: NetworkDirectory,
  ) {}

  /** The network's own depth weights, when it has set any. */
  protected weights(networkId: string) {
    return this.directory.get(networkId)?.settings.depthWeights;
  }

  /** The zone the network reads offset-less dates and draws its calendar in. */
  protected timeZone(networkId: string): string {
    return this.directory.get(networkId)?.settings.timeZone ?? LEGACY_TIME_ZONE;
  }

  protected network(networkId: string): AnalysedNetwork {
    const network = this.analysis.network(networkId);
    if (!network) throw new NotFound('network', networkId);
    return network;
  }

  protected snapshot(networkId: string, options: AnalysisAt) {
    const timeZone = this.timeZone(networkId);
    const { at, window } = resolveAt(options, this.clock, timeZone);
    return this.snapshots.snapshot(networkId, this.network(networkId), at, window, options.at === undefined, this.weights(networkId), timeZone);
  }
}

@QueryHandler(GetGraphQuery)
export class GetGraphHandler extends AnalysisHandler implements IQueryHandler<GetGraphQuery> {
  async execute({ networkId, options, principal }: GetGraphQuery): Promise<GraphSnapshot> {
    await this.access.to(networkId, principal, 'analysis:read');
    return this.snapshot(networkId, options).snapshot;
  }
}

@QueryHandler(GetTimelineQuery)
export class GetTimelineHandler extends AnalysisHandler implements IQueryHandler<GetTimelineQuery> {
  async execute({ networkId, options, principal }: GetTimelineQuery): Promise<Timeline> {
    await this.access.to(networkId, principal, 'analysis:read');
    const { window } = resolveAt({ window: options.window }, this.clock);
    const network = this.network(networkId);
    return timeline(network.history, {
      interval: options.interval,
      window,
      from: options.from,
      // Up to now, so a network gone quiet shows as dormant (the library's own default is the latest event).
      to: options.to ?? this.clock.now(),
      timeZone: this.timeZone(networkId),
      loggedBy: network.loggedBy,
      weights: this.weights(networkId),
    });
  }
}

@QueryHandler(GetEgoNetworkQuery)
export class GetEgoNetworkHandler extends AnalysisHandler implements IQueryHandler<GetEgoNetworkQuery> {
  async execute({ networkId, memberId, options, principal }: GetEgoNetworkQuery): Promise<EgoNetwork> {
    const access = await this.access.to(networkId, principal);
    if (access.memberId !== memberId && !access.can('analysis:read')) throw new Forbidden('you can see only your own network');
    const { graph, snapshot } = this.snapshot(networkId, options);
    const nodes = new Map(snapshot.nodes.map((n) => [n.id, n]));
    const member = nodes.get(memberId);
    if (!member) throw new NotFound('member', memberId);
    const ties = new Map(snapshot.ties.map((t) => [pairKey(t.a, t.b), t]));
    const alterIds = graph.neighbors(memberId);
    const alters = alterIds
      .map((id) => ({ ...nodes.get(id)!, tie: ties.get(pairKey(memberId, id))! }))
      .sort((x, y) => depth(y.tie) - depth(x.tie) || y.tie.strength - x.tie.strength || y.tie.last.localeCompare(x.tie.last));
    const inEgo = new Set(alterIds);
    const tiesAmongAlters = snapshot.ties.filter((t) => inEgo.has(t.a) && inEgo.has(t.b));
    return { member, at: snapshot.at, window: snapshot.window, alters, tiesAmongAlters };
  }
}

const LADDER = ['acquainted', 'discussed', 'exchanged_information', 'explored_collaboration', 'outlined_goals', 'co_developed', 'evaluated_learning'];
const depth = (tie: GraphTie) => LADDER.indexOf(tie.deepestKind);

const tipsOfSnapshot = new WeakMap<GraphSnapshot, Tip[]>();

@QueryHandler(GetTipsQuery)
export class GetTipsHandler extends AnalysisHandler implements IQueryHandler<GetTipsQuery> {
  async execute({ networkId, options, principal }: GetTipsQuery) {
    const access = await this.access.to(networkId, principal);
    if (!access.can('tips:read-all') && !access.memberId) throw new Forbidden('you may not see tips in this network');
    const { graph, snapshot, csr, whatIf } = this.snapshot(networkId, options);
    let all = tipsOfSnapshot.get(snapshot);
    if (all === undefined) {
      const members = Object.fromEntries(snapshot.nodes.map((n) => [n.id, n.measures]));
      all = tips(graph, { members, network: snapshot.measures }, { at: snapshot.at, history: this.network(networkId).history, csr, whatIf });
      // The "now" snapshot is cached until the network changes: so are its tips.
      tipsOfSnapshot.set(snapshot, all);
    }
    return { at: snapshot.at, window: snapshot.window, tips: access.can('tips:read-all') ? all : tipsForMember(all, graph, access.memberId!, { seesNetwork: access.can('analysis:read') }) };
  }
}

@QueryHandler(GetTieHistoryQuery)
export class GetTieHistoryHandler extends AnalysisHandler implements IQueryHandler<GetTieHistoryQuery> {
  async execute({ networkId, a, b, principal }: GetTieHistoryQuery): Promise<TieHistory> {
    const access = await this.access.to(networkId, principal);
    const ownTie = access.memberId === a || access.memberId === b;
    if (!ownTie && !access.can('analysis:read')) throw new Forbidden('you can see only your own ties');
    const pair = this.network(networkId).history.pairs.get(pairKey(a, b));
    if (!pair) throw new NotFound('tie', `${a}–${b}`);
    return {
      a: pair.a,
      b: pair.b,
      interactions: pair.entries.map((e) => ({ id: e.id, kind: e.kind, occurredAt: e.occurredAt, ...(e.initiator && { initiator: e.initiator }), participants: e.participants.length })),
    };
  }
}

@QueryHandler(ExportGraphQuery)
export class ExportGraphHandler extends AnalysisHandler implements IQueryHandler<ExportGraphQuery> {
  async execute({ networkId, format, options, principal }: ExportGraphQuery) {
    await this.access.to(networkId, principal, 'analysis:read');
    if (format === 'gexf') {
      const { window } = resolveAt({ window: options.window }, this.clock);
      return { contentType: 'application/gexf+xml; charset=utf-8', filename: `solmu-${networkId}.gexf`, body: toDynamicGexf(this.network(networkId).history, { window, to: this.clock.now(), weights: this.weights(networkId) }) };
    }
    const { graph, snapshot } = this.snapshot(networkId, options);
    const members = Object.fromEntries(snapshot.nodes.map((n) => [n.id, n.measures]));
    const day = snapshot.at.slice(0, 10);
    if (format === 'graphml') return { contentType: 'application/graphml+xml; charset=utf-8', filename: `solmu-${networkId}-${day}.graphml`, body: toGraphML(graph, { members }) };
    const csv = toCsv(graph, { members });
    return format === 'nodes.csv'
      ? { contentType: 'text/csv; charset=utf-8', filename: `solmu-${networkId}-${day}-nodes.csv`, body: csv.nodes }
      : { contentType: 'text/csv; charset=utf-8', filename: `solmu-${networkId}-${day}-edges.csv`, body: csv.edges };
  }
}

@QueryHandler(GetInterventionEffectQuery)
export class GetInterventionEffectHandler extends AnalysisHandler implements IQueryHandler<GetInterventionEffectQuery> {
  async execute({ networkId, interventionId, options, principal }: GetInterventionEffectQuery) {
    await this.access.to(networkId, principal, 'analysis:read');
    const history = this.network(networkId).history;
    if (!history.interventions.has(interventionId)) throw new NotFound('intervention', interventionId);
    const { window } = resolveAt({ window: options.window }, this.clock);
    return interventionEffect(history, interventionId, { window, days: options.days, asOf: this.clock.now(), weights: this.weights(networkId) });
  }
}
