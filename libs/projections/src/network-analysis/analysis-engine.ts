/**
 * The analysis read model and the answers computed from it, without any framework: each network's
 * history folded from its events, and the graph, timeline, ego network, tips, tie history, exports and
 * intervention effect drawn from it. It runs inside an analysis worker thread (worker/analysis-worker.ts),
 * which owns the networks of its shard; the main thread only checks access and forwards (docs/architecture.md).
 *
 * Requests bring what the main thread knows and the worker does not: the instant that counts as "now"
 * (the app's clock) and the network's depth weights (its settings). Option bags are handed to
 * @solmu/analysis as the query carried them.
 */
import {
  applyLoggedBy,
  applyNetworkEvent,
  createLoggedBy,
  createNetworkHistory,
  dynamicGexf,
  DepthWeights,
  interventionEffect,
  NetworkHistoryEvent,
  pairKey,
  PICTURE_STEPS_DEFAULTS,
  PictureSteps,
  pictureStepsSteps,
  FrameMeasures,
  Tip,
  tips,
  tipsForMember,
  timelineSteps,
  Timeline,
  toCsv,
  toGraphML,
} from '@solmu/analysis';
import { Clock, NotFound } from '@solmu/kernel';
import { decodeAnalysedNetwork, encodeAnalysedNetwork, estimateBytes } from './analysis-snapshot';
import { AnalysedNetwork, AnalysisAt, GraphNode, GraphSnapshot, GraphSnapshots, GraphTie, resolveAt } from './analysis-view';
import type { EgoNetwork, ExportFormat, ExportOptions, InterventionEffectOptions, PictureStepsQueryOptions, TieHistory, TimelineQueryOptions } from './analysis.types';
import { BucketMemoCache } from './bucket-memo-cache';
import { TimelineCache } from './timeline-cache';

/** An event as the main thread forwards it: what the folds read, nothing more. */
export interface ForwardedEvent {
  position: number;
  type: string;
  data: Record<string, unknown>;
  metadata?: Record<string, unknown>;
}

/** What the main thread knows that the analysis needs. */
export interface AnalysisContext {
  /** The app clock's "now" when the request arrived (epoch ms). */
  now: number;
  /** The network's own depth weights, when it has set any. */
  weights?: Partial<DepthWeights>;
  /** The network's zone: offset-less dates are read in it and calendar buckets start at its midnights (UTC when not given). */
  timeZone?: string;
}

/** Who asks for tips when they may not read them all: a member, who sees the network or not. */
export interface TipsViewer {
  memberId: string;
  seesNetwork: boolean;
}

export type AnalysisRequest =
  | { kind: 'graph'; networkId: string; options: AnalysisAt }
  | { kind: 'timeline'; networkId: string; options: TimelineQueryOptions }
  | { kind: 'steps'; networkId: string; options: PictureStepsQueryOptions }
  | { kind: 'ego'; networkId: string; memberId: string; options: AnalysisAt }
  | { kind: 'tips'; networkId: string; options: AnalysisAt; viewer?: TipsViewer }
  | { kind: 'tie'; networkId: string; a: string; b: string }
  | { kind: 'export'; networkId: string; format: ExportFormat; options: ExportOptions }
  | { kind: 'effect'; networkId: string; interventionId: string; options: InterventionEffectOptions };

/** A file: its headers first, then its text in pieces, so a large export is never one string. */
export interface ExportedFile {
  contentType: string;
  filename: string;
  chunks: Iterable<string>;
}

export type AnalysisAnswer = GraphSnapshot | Timeline | PictureSteps | EgoNetwork | { at: string; window: string; tips: Tip[] } | TieHistory | ExportedFile | ReturnType<typeof interventionEffect>;

/** A timeline or the picture's stops: what is computed a step at a time (answerInSteps, the warms). */
export type SlicedRequest = Extract<AnalysisRequest, { kind: 'timeline' | 'steps' }>;

/** Restarts after changes before a request's computation is finished in one go (answerInSteps). */
const RESTARTS_IN_STEPS = 3;

/** A computation under way a step at a time (see compute): its result is cached if nothing changed meanwhile. */
interface Computation<T> {
  networkId: string;
  network: AnalysedNetwork;
  revision: number;
  /** The app's "now" it was started at: what the cache ages it by. */
  computedAt: number;
  steps: Generator<number, T, void>;
}

const LADDER = ['acquainted', 'discussed', 'exchanged_information', 'explored_collaboration', 'outlined_goals', 'co_developed', 'evaluated_learning'];
const depth = (tie: GraphTie) => LADDER.indexOf(tie.deepestKind);

/**
 * The networks a worker holds: only those asked about lately (the pool loads a network on its first
 * request and evicts it when idle or over the memory budget, worker/analysis-pool.ts). Each network
 * keeps the position it has applied, since a network taken up from a snapshot catches up from an
 * older position than the live events the worker has seen for the others.
 */
export class AnalysisEngine {
  private readonly networks = new Map<string, AnalysedNetwork & { position: number }>();
  /** "Now" of the request being answered: the snapshot cache ages by the app's clock, not the worker's. */
  private now = 0;
  private readonly clock: Clock = { now: () => new Date(this.now) };
  private readonly snapshots = new GraphSnapshots(this.clock);
  private readonly tipsOfSnapshot = new WeakMap<GraphSnapshot, Tip[]>();
  private readonly timelines = new TimelineCache();
  /** Closed buckets keep their measures across timelines (a changed network re-measures only what changed). */
  private readonly buckets = new BucketMemoCache();
  /** The picture's slider stops, kept as timelines are (a minute, or until the network changes). */
  private readonly steps = new TimelineCache<PictureSteps>(8);
  /**
   * A stop's member measures by its graph's content: a closed month is measured once. An entry is
   * seven numbers per member (about 60 kB at 1,000 members), so this holds a few networks' stops.
   */
  private readonly stepMeasures = new BucketMemoCache<FrameMeasures>(240);
  /** Timelines and slider stops being computed a step at a time, by cache key (see compute). */
  private readonly computing = new Map<string, Computation<unknown>>();

  /** Starts holding a network, empty (its events or a snapshot follow). */
  hold(networkId: string): void {
    this.forget(networkId);
    this.networks.set(networkId, { history: createNetworkHistory(), loggedBy: createLoggedBy(), position: 0 });
  }

  holds(networkId: string): boolean {
    return this.networks.has(networkId);
  }

  /** Takes a network up from its snapshot, at `position`. */
  restore(networkId: string, state: Uint8Array, position: number): void {
    this.forget(networkId);
    this.networks.set(networkId, { ...decodeAnalysedNetwork(state), position });
  }

  /** The network's state as snapshot bytes; its revision tells whether it changed since. */
  toSnapshot(networkId: string): { state: Uint8Array; revision: number } | undefined {
    const network = this.networks.get(networkId);
    return network && { state: encodeAnalysedNetwork(network), revision: network.history.revision };
  }

  revisionOf(networkId: string): number | undefined {
    return this.networks.get(networkId)?.history.revision;
  }

  sizeOf(networkId: string): number {
    const network = this.networks.get(networkId);
    return network ? estimateBytes(network) : 0;
  }

  /** Drops a network and everything drawn from it. */
  forget(networkId: string): void {
    this.networks.delete(networkId);
    this.snapshots.forget(networkId);
    this.timelines.forget(networkId);
    this.steps.forget(networkId);
    for (const [key, run] of this.computing) if (run.networkId === networkId) this.computing.delete(key);
  }

  /** Folds one event of a network held; an event at or before the network's position is ignored (re-delivery). */
  apply(event: ForwardedEvent): void {
    const networkId = event.data.networkId;
    if (typeof networkId !== 'string') return;
    const network = this.networks.get(networkId);
    if (!network || event.position <= network.position) return;
    network.position = event.position;
    applyNetworkEvent(network.history, { type: event.type, data: event.data, position: event.position } as unknown as NetworkHistoryEvent);
    applyLoggedBy(network.loggedBy, { type: event.type, data: event.data, metadata: event.metadata ?? {} });
  }

  answer(request: AnalysisRequest, context: AnalysisContext): AnalysisAnswer {
    this.now = context.now;
    switch (request.kind) {
      case 'graph':
        return this.snapshot(request.networkId, request.options, context).snapshot;
      case 'timeline':
      case 'steps':
        // At once: the worker asks answerInSteps itself, so as to answer other messages between steps.
        return drain(this.answerInSteps(request, context));
      case 'ego':
        return this.ego(request.networkId, request.memberId, request.options, context);
      case 'tips':
        return this.tips(request.networkId, request.options, context, request.viewer);
      case 'tie':
        return this.tieHistory(request.networkId, request.a, request.b);
      case 'export':
        return this.export(request.networkId, request.format, request.options, context);
      case 'effect':
        return this.interventionEffect(request.networkId, request.interventionId, request.options, context);
    }
  }

  private network(networkId: string): AnalysedNetwork {
    const network = this.networks.get(networkId);
    // Held but never founded: no event of it exists (as before, when only folded networks were kept).
    if (!network || network.history.networkId === null) throw new NotFound('network', networkId);
    return network;
  }

  private snapshot(networkId: string, options: AnalysisAt, context: AnalysisContext) {
    const { at, window } = resolveAt(options, this.clock, context.timeZone);
    return this.snapshots.snapshot(networkId, this.network(networkId), at, window, options.at === undefined, context.weights, context.timeZone);
  }

  /**
   * A timeline or the picture's stops, one bucket or stop per step (answer() runs them all at once).
   * The worker answers these requests a step per turn, handling the messages that came in between,
   * so a cold timeline holds up no other question about the network (analysis-worker.ts). A request
   * for something being computed (by another request or a warm) joins it rather than computing it
   * again. A change to the network meanwhile restarts it on the new state: the computation reads the
   * history as it is folded, so it cannot go on over a moved one, and the answer then holds the
   * change too. After RESTARTS_IN_STEPS such restarts (a network logged to without pause) the rest is
   * computed in one go, so a request always ends.
   */
  *answerInSteps(request: SlicedRequest, context: AnalysisContext): Generator<unknown, Timeline | PictureSteps, void> {
    for (let restarts = 0; ; restarts++) {
      this.now = context.now;
      const { key, network, steps, cache } = request.kind === 'timeline' ? this.timelineOf(request.networkId, request.options, context) : this.pictureStepsOf(request.networkId, request.options, context);
      const run = this.compute<Timeline | PictureSteps>(request.networkId, key, network, context.now, cache, steps);
      const answer = restarts < RESTARTS_IN_STEPS ? yield* run : drain(run);
      if (answer !== undefined) return answer;
    }
  }

  /**
   * The timeline of `request` one bucket per step, then cached as answer() would cache it: the
   * worker's warming takes a step whenever no message waits, so a request waits for one bucket, not
   * a whole cold timeline. Stops early, caching nothing, once the network changed or left the worker
   * (the warmer starts again after a change); a request for the same timeline joins it. Throws at the
   * first step where answer() would throw.
   */
  *warmTimeline(request: Extract<AnalysisRequest, { kind: 'timeline' }>, context: AnalysisContext): Generator<number, void, void> {
    const { key, network, steps, cache } = this.timelineOf(request.networkId, request.options, context);
    yield* this.compute(request.networkId, key, network, context.now, cache, steps);
  }

  /**
   * The picture's slider stops of `request` one stop per step, then cached as answer() would cache
   * them; stopped and joined as warmTimeline is. Warmed after the timeline, most closed stops are
   * already measured (the timeline left their measures in the stop memo), so a step is mostly the
   * stop's graph.
   */
  *warmPictureSteps(request: Extract<AnalysisRequest, { kind: 'steps' }>, context: AnalysisContext): Generator<number, void, void> {
    const { key, network, steps, cache } = this.pictureStepsOf(request.networkId, request.options, context);
    yield* this.compute(request.networkId, key, network, context.now, cache, steps);
  }

  /**
   * The one path of warms and requests: the cached answer, else a step at a time of the computation
   * under way for `key` (started if there is none, or the one there is was of an older state), cached
   * at the end by whoever takes its last step. Everyone after the same key steps the same computation,
   * so it runs once. Returns undefined, dropping the computation, once the network changed or left
   * the worker, or when the answer someone else finished is one the cache no longer takes for `now`
   * (over a minute older): the caller starts again or gives up.
   */
  private *compute<T>(networkId: string, key: string, network: AnalysedNetwork, now: number, cache: TimelineCache<T>, start: () => Generator<number, T, void>): Generator<number, T | undefined, void> {
    const revision = network.history.revision;
    const cached = cache.get(key, revision, now);
    if (cached) return cached;
    const current = this.computing.get(key) as Computation<T> | undefined;
    const run = current !== undefined && current.network === network && current.revision === revision ? current : { networkId, network, revision, computedAt: now, steps: start() };
    this.computing.set(key, run);
    for (;;) {
      if (this.computing.get(key) !== run) return cache.get(key, revision, now);
      let step: IteratorResult<number, T>;
      try {
        step = run.steps.next();
      } catch (error) {
        this.computing.delete(key);
        throw error;
      }
      if (step.done) {
        this.computing.delete(key);
        cache.set(key, revision, run.computedAt, step.value);
        return cache.get(key, revision, now);
      }
      yield step.value;
      if (this.networks.get(networkId) !== network || network.history.revision !== revision) {
        if (this.computing.get(key) === run) this.computing.delete(key);
        return undefined;
      }
    }
  }

  /** A timeline's cache key, its network and its computation (not started); `context.now` is the end of the open bucket. */
  private timelineOf(networkId: string, options: TimelineQueryOptions, context: AnalysisContext) {
    const { window } = resolveAt({ window: options.window }, this.clock);
    const network = this.network(networkId);
    const key = JSON.stringify([networkId, options.interval, window, options.from, options.to, context.timeZone, context.weights]);
    const steps = () =>
      timelineSteps(network.history, {
        interval: options.interval,
        window,
        from: options.from,
        // Up to now, so a network gone quiet shows as dormant (the library's own default is the latest event).
        to: options.to ?? new Date(context.now),
        timeZone: context.timeZone,
        loggedBy: network.loggedBy,
        weights: context.weights,
        memo: this.buckets,
        // The picture's closed monthly stops are these buckets' graphs: their member measures are kept for it.
        stepMemo: this.stepMeasures,
      });
    return { key, network, steps, cache: this.timelines };
  }

  /** The stops' cache key (a timeline's key has other fields, so the two never meet in `computing`), network and computation up to `context.now`. */
  private pictureStepsOf(networkId: string, options: PictureStepsQueryOptions, context: AnalysisContext) {
    const { window } = resolveAt({ window: options.window }, this.clock);
    const network = this.network(networkId);
    // The default interval spelled out, so the web app's `interval=month` finds the stops warmed without one.
    const key = JSON.stringify([networkId, 'steps', options.interval ?? PICTURE_STEPS_DEFAULTS.interval, window, context.timeZone, context.weights]);
    const steps = () =>
      pictureStepsSteps(network.history, { interval: options.interval, window, to: new Date(context.now), timeZone: context.timeZone, weights: context.weights, memo: this.stepMeasures });
    return { key, network, steps, cache: this.steps };
  }

  private ego(networkId: string, memberId: string, options: AnalysisAt, context: AnalysisContext): EgoNetwork {
    const { graph, snapshot } = this.snapshot(networkId, options, context);
    const nodes = new Map(snapshot.nodes.map((n) => [n.id, n]));
    const member = nodes.get(memberId);
    if (!member) throw new NotFound('member', memberId);
    const ties = new Map(snapshot.ties.map((t) => [pairKey(t.a, t.b), t]));
    const alterIds = graph.neighbors(memberId);
    const alters: Array<GraphNode & { tie: GraphTie }> = alterIds
      .map((id) => ({ ...nodes.get(id)!, tie: ties.get(pairKey(memberId, id))! }))
      .sort((x, y) => depth(y.tie) - depth(x.tie) || y.tie.strength - x.tie.strength || y.tie.last.localeCompare(x.tie.last));
    const inEgo = new Set(alterIds);
    const tiesAmongAlters = snapshot.ties.filter((t) => inEgo.has(t.a) && inEgo.has(t.b));
    return { member, at: snapshot.at, window: snapshot.window, alters, tiesAmongAlters };
  }

  /** Every tip, or a member's own view of them (the main thread says who asks and what they may see). */
  private tips(networkId: string, options: AnalysisAt, context: AnalysisContext, viewer?: TipsViewer) {
    const { graph, snapshot, csr, whatIf } = this.snapshot(networkId, options, context);
    let all = this.tipsOfSnapshot.get(snapshot);
    if (all === undefined) {
      const members = Object.fromEntries(snapshot.nodes.map((n) => [n.id, n.measures]));
      all = tips(graph, { members, network: snapshot.measures }, { at: snapshot.at, history: this.network(networkId).history, csr, whatIf });
      // The "now" snapshot is cached until the network changes: so are its tips.
      this.tipsOfSnapshot.set(snapshot, all);
    }
    return { at: snapshot.at, window: snapshot.window, tips: viewer ? tipsForMember(all, graph, viewer.memberId, { seesNetwork: viewer.seesNetwork }) : all };
  }

  private tieHistory(networkId: string, a: string, b: string): TieHistory {
    const pair = this.network(networkId).history.pairs.get(pairKey(a, b));
    if (!pair) throw new NotFound('tie', `${a}–${b}`);
    return {
      a: pair.a,
      b: pair.b,
      interactions: pair.entries.map((e) => ({ id: e.id, kind: e.kind, occurredAt: e.occurredAt, ...(e.initiator && { initiator: e.initiator }), participants: e.participants.length })),
    };
  }

  private export(networkId: string, format: ExportFormat, options: ExportOptions, context: AnalysisContext): ExportedFile {
    if (format === 'gexf') {
      const { window } = resolveAt({ window: options.window }, this.clock);
      const chunks = dynamicGexf(this.network(networkId).history, { window, to: this.clock.now(), weights: context.weights, interval: options.interval });
      return { contentType: 'application/gexf+xml; charset=utf-8', filename: `solmu-${networkId}.gexf`, chunks };
    }
    const { graph, snapshot } = this.snapshot(networkId, options, context);
    const members = Object.fromEntries(snapshot.nodes.map((n) => [n.id, n.measures]));
    const day = snapshot.at.slice(0, 10);
    if (format === 'graphml') return { contentType: 'application/graphml+xml; charset=utf-8', filename: `solmu-${networkId}-${day}.graphml`, chunks: [toGraphML(graph, { members })] };
    const csv = toCsv(graph, { members });
    return format === 'nodes.csv'
      ? { contentType: 'text/csv; charset=utf-8', filename: `solmu-${networkId}-${day}-nodes.csv`, chunks: [csv.nodes] }
      : { contentType: 'text/csv; charset=utf-8', filename: `solmu-${networkId}-${day}-edges.csv`, chunks: [csv.edges] };
  }

  private interventionEffect(networkId: string, interventionId: string, options: InterventionEffectOptions, context: AnalysisContext) {
    const history = this.network(networkId).history;
    if (!history.interventions.has(interventionId)) throw new NotFound('intervention', interventionId);
    const { window } = resolveAt({ window: options.window }, this.clock);
    return interventionEffect(history, interventionId, { window, days: options.days, asOf: this.clock.now(), weights: context.weights });
  }
}

/** Runs a computation's remaining steps and returns its result. */
function drain<T>(steps: Generator<unknown, T, void>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
