/**
 * Whole-network measures: the figures the brief's development phases are read from — density up,
 * centralisation down, few structural holes, centrality evenly spread (founding → deepening →
 * settling). Computed from the member measures so the expensive parts are shared.
 *
 * Small-graph conventions (never NaN): with no members every count, share and index is 0 and
 * `meanConstraint` and `closenessCentralization` are null; with n < 3 degree and betweenness
 * centralisation are 0 and closeness centralisation is null; without ties density, transitivity,
 * shares, modularity and the ladder profile are 0. See docs/metrics.md.
 */
import type { AbstractGraph, Attributes } from 'graphology-types';
import type { MemberMeasures, NetworkMeasures } from '../graph/types';
import { structuralHoles } from './cohesion/burt';
import { maximalCliques } from './cohesion/cliques';
import type { CliqueSummary } from './cohesion/cliques';
import { averageClustering, transitivity } from './cohesion/clustering';
import { connectedComponents } from './cohesion/components';
import { coreNumbers, largestCore } from './cohesion/cores';
import { toCsr } from './engine/csr';
import type { Csr } from './engine/csr';
import {
  freemanBetweennessCentralisation,
  freemanClosenessCentralisation,
  freemanDegreeCentralisation,
} from './centrality/freeman-centralisation';
import { gini } from './centrality/gini';
import { ladderProfile } from './cohesion/ladder-profile';
import { memberArrays, memberRecords } from './member-measures';
import type { MeasureOptions, MemberArrays } from './member-measures';
import { crossCommunityTieShare, modularity } from './communities/modularity';
import { triangles } from './cohesion/triangles';

export interface NetworkMeasureOptions extends MeasureOptions {
  /** Member measures already computed for this same graph, to avoid computing them again. */
  members?: Record<string, MemberMeasures>;
}

export function networkMeasures(graph: AbstractGraph<Attributes, Attributes>, options: NetworkMeasureOptions = {}): NetworkMeasures {
  const csr = toCsr(graph, { weightAttribute: options.weightAttribute });
  const inputs = options.members ? reuseMembers(csr, options.members) : fromArrays(memberArrays(csr, options));
  return networkFromArrays(graph, csr, inputs, options);
}

/** Member and network measures together, sharing one CSR and one shortest-path sweep. */
export function measureGraph(
  graph: AbstractGraph<Attributes, Attributes>,
  options: MeasureOptions = {},
): { members: Record<string, MemberMeasures>; network: NetworkMeasures } {
  const csr = toCsr(graph, { weightAttribute: options.weightAttribute });
  const arrays = memberArrays(csr, options);
  return { members: memberRecords(csr, arrays), network: networkFromArrays(graph, csr, fromArrays(arrays), options) };
}

/** What the network measures read from the member measures, by CSR index. */
export interface NetworkInputs {
  degree: ArrayLike<number>;
  betweenness: ArrayLike<number>;
  closeness: ArrayLike<number>;
  clustering: ArrayLike<number>;
  triangles: Int32Array;
  constraint: ReadonlyArray<number | null>;
  community: ArrayLike<number>;
}

export function fromArrays(arrays: MemberArrays): NetworkInputs {
  return { ...arrays, constraint: arrays.burt.constraint, community: arrays.communities.community };
}

/** The network measures that only need the graph itself, plus the shared member arrays. */
export function networkFromArrays(
  graph: AbstractGraph<Attributes, Attributes>,
  csr: Csr,
  members: NetworkInputs,
  options: MeasureOptions = {},
  known: { cliques?: CliqueSummary } = {},
): NetworkMeasures {
  const { n, m } = csr;
  const holes = structuralHoles(csr, members.triangles);
  // Enumerating cliques is the costliest network measure; the live view updates it per added tie.
  const cliques = known.cliques ?? maximalCliques(csr, options.cliques);
  const components = connectedComponents(csr);
  const constraints = members.constraint.filter((c): c is number => c !== null);
  return {
    members: n,
    ties: m,
    density: n < 2 ? 0 : (2 * m) / (n * (n - 1)),
    degreeCentralization: freemanDegreeCentralisation(members.degree),
    betweennessCentralization: freemanBetweennessCentralisation(members.betweenness),
    closenessCentralization: freemanClosenessCentralisation(members.closeness),
    averageClustering: averageClustering(members.clustering),
    transitivity: transitivity(csr, members.triangles),
    structuralHoles: holes.openPairs,
    structuralHolesShare: holes.share,
    meanConstraint: constraints.length === 0 ? null : constraints.reduce((a, b) => a + b, 0) / constraints.length,
    maximalCliques: cliques.count,
    largestClique: cliques.largest,
    largestKCore: largestCore(coreNumbers(csr)),
    degreeGini: gini(members.degree),
    betweennessGini: gini(members.betweenness),
    components: components.count,
    largestComponentShare: components.largestShare,
    isolates: components.isolates,
    communities: countCommunitiesWithTies(csr, members.community),
    modularity: modularity(csr, members.community, {
      resolution: options.communities?.resolution,
      weighted: options.communities?.weighted,
    }),
    crossCommunityTieShare: crossCommunityTieShare(csr, members.community),
    ladderProfile: ladderProfile(graph),
  };
}

function countCommunitiesWithTies(csr: Csr, community: ArrayLike<number>): number {
  const seen = new Set<number>();
  for (let v = 0; v < csr.n; v++) if (csr.degree[v] > 0) seen.add(community[v]);
  return seen.size;
}

/** Turns member records back into arrays by CSR index; recomputes only the cheap triangle counts. */
function reuseMembers(csr: Csr, records: Record<string, MemberMeasures>): NetworkInputs {
  const n = csr.n;
  const betweenness = new Float64Array(n);
  const closeness = new Float64Array(n);
  const clustering = new Float64Array(n);
  const community = new Int32Array(n);
  const constraint: Array<number | null> = new Array(n);
  for (let v = 0; v < n; v++) {
    const record = records[csr.keys[v]];
    if (record === undefined) throw new RangeError(`members has no measures for node ${csr.keys[v]}; pass measures of this same graph`);
    betweenness[v] = record.betweenness;
    closeness[v] = record.closeness;
    clustering[v] = record.clustering;
    community[v] = record.community;
    constraint[v] = record.constraint;
  }
  return {
    degree: csr.degree,
    betweenness,
    closeness,
    clustering,
    triangles: triangles(csr),
    constraint,
    community,
  };
}
