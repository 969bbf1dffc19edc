import type { UndirectedGraph } from 'graphology';
import type { InteractionKind, MemberRole, MemberType } from '@solmu/network/published';

/**
 * The shared shapes of the analysis library. Everything here is plain data so results can be
 * serialised to JSON, compared with networkx fixtures and cached by projections.
 */

/** Which ties count at a date. */
export type TieWindow =
  | { kind: 'cumulative' }
  | { kind: 'sliding'; days: number }
  | { kind: 'decay'; halfLifeDays: number; threshold?: number; halfLifeByKind?: Partial<Record<InteractionKind, number>> };

/** Parses `cumulative`, `sliding:90`, `decay:60` (the API's `window` parameter). */
export type TieWindowSpec = string;

/** A member as a node of the graph at a date. */
export interface MemberNode {
  id: string;
  name: string;
  organisation?: string;
  memberType: MemberType;
  role: MemberRole;
  joinedAt: string;
}

/** A tie between two members at a date: the interactions behind it, summarised. */
export interface Tie {
  /** Interactions per kind inside the window. */
  counts: Partial<Record<InteractionKind, number>>;
  interactions: number;
  /** ISO dates of the first and last interaction inside the window. */
  first: string;
  last: string;
  /** The deepest kind on the ladder reached inside the window. */
  deepestKind: InteractionKind;
  /** Sum of interaction weights by depth (decayed under a decay window). */
  strength: number;
  /** Times each end initiated contact, when an initiator was given: { [memberId]: count }. */
  initiated: Record<string, number>;
  /** Ids of the interactions behind the tie (provenance). */
  interactionIds: string[];
}

/** The network as an undirected graph: node key = member id, edge attributes = Tie. */
export type TieGraph = UndirectedGraph<MemberNode, Tie>;

/** Weights by depth used for a tie's strength (document the defaults in docs/metrics.md). */
export type DepthWeights = Record<InteractionKind, number>;

/** Per-member measures. */
export interface MemberMeasures {
  degree: number;
  strength: number;
  betweenness: number;
  /** Betweenness normalised by (n−1)(n−2)/2. */
  betweennessNormalized: number;
  /** Harmonic closeness, normalised by n−1. */
  closeness: number;
  eigenvector: number;
  clustering: number;
  effectiveSize: number | null;
  efficiency: number | null;
  constraint: number | null;
  community: number;
}

/** Whole-network measures. camelCase names are part of the HTTP API. */
export interface NetworkMeasures {
  members: number;
  ties: number;
  density: number;
  degreeCentralization: number;
  betweennessCentralization: number;
  closenessCentralization: number | null;
  averageClustering: number;
  transitivity: number;
  structuralHoles: number;
  structuralHolesShare: number;
  meanConstraint: number | null;
  maximalCliques: number;
  largestClique: number;
  largestKCore: number;
  degreeGini: number;
  betweennessGini: number;
  components: number;
  largestComponentShare: number;
  isolates: number;
  communities: number;
  modularity: number;
  crossCommunityTieShare: number;
  /** Share of ties whose deepest kind is each kind. */
  ladderProfile: Record<InteractionKind, number>;
}
