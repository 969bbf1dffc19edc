/**
 * @solmu/analysis — the framework-free analysis core: a network's events folded into a history, the
 * network drawn as a graph at any date under a tie window, and the member and network measures the
 * coordinator's picture, timeline and tips are read from. Pure functions; graphology is the one library.
 * Definitions and conventions: docs/metrics.md.
 */
export type {
  DepthWeights,
  MemberMeasures,
  MemberNode,
  NetworkMeasures,
  Tie,
  TieGraph,
  TieWindow,
  TieWindowSpec,
} from './graph/types';

// Events → history → graph at a date.
export {
  applyNetworkEvent,
  createNetworkHistory,
  foldNetworkHistory,
  membershipAt,
  pairKey,
} from './graph/network-history';
export type {
  InteractionRecord,
  InterventionRecord,
  MemberRecord,
  MembershipSpan,
  NetworkHistory,
  NetworkHistoryEvent,
  PairLog,
} from './graph/network-history';
export { GRAPH_AT_DEFAULTS, createGraphTimeline, graphAt } from './graph/graph-at';
export type { GraphAtOptions, GraphTimeline, GraphTimelineOptions } from './graph/graph-at';
export { DEFAULT_DECAY_THRESHOLD, formatTieWindow, parseTieWindow, resolveTieWindow } from './graph/tie-window';
export { DEFAULT_DEPTH_WEIGHTS, resolveDepthWeights } from './graph/depth-weights';
export { toInstant } from './graph/instant';

// Measures: the two entry points (measures/*.ts), then the engine they run on (measures/engine: CSR,
// shortest paths, the seeded generator, the live view) and each family for callers who need one
// measure (measures/centrality, cohesion, communities).
export { memberMeasures } from './measures/member-measures';
export type { MeasureOptions } from './measures/member-measures';
export { measureGraph, networkMeasures } from './measures/network-measures';
export type { NetworkMeasureOptions } from './measures/network-measures';
export { LIVE_MEASURE_DEFAULTS, createLiveMeasures } from './measures/engine/live-measures';
export type { LiveMeasured, LiveMeasureOptions, LiveMeasures } from './measures/engine/live-measures';
export { toCsr } from './measures/engine/csr';
export type { Csr } from './measures/engine/csr';
export { BETWEENNESS_DEFAULTS, betweenness } from './measures/centrality/betweenness';
export type { Betweenness, BetweennessOptions } from './measures/centrality/betweenness';
export { harmonicCloseness } from './measures/centrality/closeness';
export { degrees, strengths } from './measures/centrality/degree';
export { EIGENVECTOR_DEFAULTS, eigenvectorCentrality } from './measures/centrality/eigenvector';
export type { EigenvectorOptions } from './measures/centrality/eigenvector';
export { triangles } from './measures/cohesion/triangles';
export { averageClustering, localClustering, transitivity } from './measures/cohesion/clustering';
export { burtMeasures, constraint, structuralHoles } from './measures/cohesion/burt';
export { coreNumbers, largestCore } from './measures/cohesion/cores';
export { CLIQUE_DEFAULTS, maximalCliques } from './measures/cohesion/cliques';
export type { CliqueOptions, CliqueSummary } from './measures/cohesion/cliques';
export { connectedComponents } from './measures/cohesion/components';
export { LOUVAIN_DEFAULTS, louvain } from './measures/communities/louvain';
export type { Communities, LouvainOptions } from './measures/communities/louvain';
export { crossCommunityTieShare, modularity } from './measures/communities/modularity';
export { gini } from './measures/centrality/gini';
export {
  freemanBetweennessCentralisation,
  freemanClosenessCentralisation,
  freemanDegreeCentralisation,
} from './measures/centrality/freeman-centralisation';
export { ladderProfile } from './measures/cohesion/ladder-profile';
export { mulberry32 } from './measures/engine/seeded-random';

// Development over time, phases, tips, exports and the demo network.
export * from './timeline';
export * from './phases';
export * from './tips';
export * from './export';
export * from './demo';
