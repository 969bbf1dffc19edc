/**
 * The "now" picture, kept up to date as interactions arrive: every member and network measure of a
 * graph that changes a little at a time, updated from the previous result instead of from scratch.
 *
 * Why: on a 2,000-member network the full measures take ~0.4 s, most of it the all-sources
 * shortest-path sweep (betweenness, closeness) and the clique enumeration. A coordinator watching
 * the network while members log should see it change at once. Updates, by what changed:
 * - only weights (a new interaction on ties that already exist, the common case): every measure is
 *   unweighted except strength and the ladder profile, so the rest is reused;
 * - one new tie a–b: triangles and maximal cliques are updated locally; harmonic closeness is
 *   recomputed only for the members whose distances can change (those s with |d(s,a) − d(s,b)| ≥ 2,
 *   since a shorter path through the new tie needs one end two steps nearer than the other);
 *   betweenness is searched again only from the sources s with d(s,a) ≠ d(s,b) — for the others the
 *   tie lies on no shortest path — keeping each source's dependencies (sources × n numbers: 4 MB
 *   for 256 sources over 2,000 members) to swap in the new ones; eigenvector, Burt and Louvain are
 *   recomputed (cheap);
 * - anything else (members joining or leaving, ties dropping out of a sliding window): from scratch.
 *
 * Betweenness is exact up to `exactUpTo` members. Above that the live view estimates it from
 * `pivots` sampled sources (Brandes & Pich 2007, as `betweenness({ pivots })`, the same seeded pivots
 * every time so the picture does not jitter); the result says so, and docs/metrics.md gives the
 * measured error. Dated pictures and the timeline stay exact. Closeness is always exact.
 *
 * Every update equals `measureGraph(graph, { betweenness: { pivots } })` of the same graph (tested).
 */
import type { AbstractGraph, Attributes } from 'graphology-types';
import type { MemberMeasures, NetworkMeasures } from '../../graph/types';
import { betweennessSources, scaleBetweenness } from '../centrality/betweenness';
import type { Betweenness } from '../centrality/betweenness';
import { burtMeasures, constraint, constraintOf } from '../cohesion/burt';
import { maximalCliques } from '../cohesion/cliques';
import type { CliqueSummary } from '../cohesion/cliques';
import { cliquesAfterAddingEdge } from '../cohesion/cliques-after-edge';
import { normaliseHarmonic } from '../centrality/closeness';
import { localClustering } from '../cohesion/clustering';
import { commonNeighbours, toCsr } from './csr';
import type { Csr } from './csr';
import { strengths } from '../centrality/degree';
import { eigenvectorCentrality } from '../centrality/eigenvector';
import { louvain } from '../communities/louvain';
import { memberRecords } from '../member-measures';
import type { MeasureOptions, MemberArrays } from '../member-measures';
import { fromArrays, networkFromArrays } from '../network-measures';
import { hopsFrom, shortestPathSweep } from './shortest-paths';
import { diffStructure } from './structure-diff';
import { triangles } from '../cohesion/triangles';

export const LIVE_MEASURE_DEFAULTS = {
  /** Exact betweenness up to this many members. */
  exactUpTo: 1_000,
  /** Sampled sources above it. */
  pivots: 256,
};

export interface LiveMeasureOptions extends Omit<MeasureOptions, 'betweenness'> {
  exactUpTo?: number;
  pivots?: number;
  seed?: number;
}

export interface LiveMeasured {
  members: Record<string, MemberMeasures>;
  network: NetworkMeasures;
  /** The CSR the measures are indexed by (reusable by tips; do not modify). */
  csr: Csr;
  /** How the result was reached: from scratch, weights only, or one added tie. */
  update: 'full' | 'weights' | 'tie-added';
  /** Whether betweenness (and the measures read from it) is exact or sampled, and from how many sources. */
  betweenness: { exact: boolean; pivots: number };
}

export interface LiveMeasures {
  /** Measures `graph`, reusing the previous call's work where the structure allows. */
  measure(graph: AbstractGraph<Attributes, Attributes>): LiveMeasured;
}

interface State {
  csr: Csr;
  arrays: MemberArrays;
  /** Raw Σ 1/d per member (before normalising), for incremental closeness. */
  harmonic: Float64Array;
  /** Summed dependencies from the searched sources (before scaling), for incremental betweenness. */
  dependency: Float64Array;
  /** Each searched source's own dependencies, row by row (sources × n), and each member's row or −1. */
  perSource: Float64Array;
  rowOf: Int32Array;
  /** Burt's constraint per member (0 without ties), updated around a new tie. */
  constraint: Float64Array;
  cliques: CliqueSummary;
}

export function createLiveMeasures(options: LiveMeasureOptions = {}): LiveMeasures {
  const exactUpTo = options.exactUpTo ?? LIVE_MEASURE_DEFAULTS.exactUpTo;
  const pivots = options.pivots ?? LIVE_MEASURE_DEFAULTS.pivots;
  const sourcesFor = (n: number) => (n <= exactUpTo ? null : betweennessSources(n, { pivots, seed: options.seed }));
  // Weighted communities would change with weights; then a weights-only change recomputes them.
  const weightedCommunities = options.communities?.weighted === true;
  let state: State | undefined;

  return {
    measure(graph) {
      const csr = toCsr(graph, { weightAttribute: options.weightAttribute });
      const change = state === undefined ? { kind: 'other' as const } : diffStructure(state.csr, csr);
      const sources = sourcesFor(csr.n);
      let next: State;
      if (state !== undefined && change.kind === 'same') {
        const communities = weightedCommunities ? louvain(csr, options.communities) : state.arrays.communities;
        next = { ...state, csr, arrays: { ...state.arrays, degree: csr.degree, strength: strengths(csr), communities } };
      } else if (state !== undefined && change.kind === 'tie-added') {
        next = afterAddedTie(state, csr, change.a, change.b, sources, options);
      } else {
        next = fromScratch(csr, sources, options);
      }
      state = next;
      return {
        members: memberRecords(csr, next.arrays),
        network: networkFromArrays(graph, csr, fromArrays(next.arrays), options, { cliques: next.cliques }),
        csr,
        update: change.kind === 'same' ? 'weights' : change.kind === 'tie-added' ? 'tie-added' : 'full',
        betweenness: { exact: sources === null, pivots: sources === null ? csr.n : sources.length },
      };
    },
  };
}

function fromScratch(csr: Csr, sources: Int32Array | null, options: LiveMeasureOptions): State {
  const searched = sources ?? allNodes(csr.n);
  const perSource = new Float64Array(searched.length * csr.n);
  const sweep = shortestPathSweep(csr, { sources: searched, perSource });
  const harmonic = sources === null ? sweep.harmonic : shortestPathSweep(csr, { dependencies: false }).harmonic;
  const rowOf = new Int32Array(csr.n).fill(-1);
  searched.forEach((s, row) => (rowOf[s] = row));
  const counts = triangles(csr);
  const constraints = constraint(csr);
  return {
    csr,
    harmonic,
    dependency: sweep.dependency,
    perSource,
    rowOf,
    constraint: constraints,
    cliques: maximalCliques(csr, options.cliques),
    arrays: assemble(csr, scaleBetweenness(csr.n, sweep.dependency, searched.length), harmonic, counts, constraints, options),
  };
}

function afterAddedTie(before: State, csr: Csr, a: number, b: number, sources: Int32Array | null, options: LiveMeasureOptions): State {
  const fromA = hopsFrom(before.csr, a);
  const fromB = hopsFrom(before.csr, b);
  // Closeness: only members one of a, b is at least two steps nearer than the other get shorter paths.
  const moved: number[] = [];
  for (let s = 0; s < csr.n; s++) {
    if (fromA[s] !== fromB[s] && (fromA[s] < 0 || fromB[s] < 0 || Math.abs(fromA[s] - fromB[s]) >= 2)) moved.push(s);
  }
  const harmonic = before.harmonic.slice();
  const again = shortestPathSweep(csr, { sources: moved, dependencies: false }).harmonic;
  for (const s of moved) harmonic[s] = again[s];
  // Betweenness: a source as far from a as from b has the new tie on none of its shortest paths, so
  // its dependencies stand; the others are searched again and their rows swapped in. The previous
  // state is not used again, so its rows are updated in place.
  const searched = sources ?? allNodes(csr.n);
  const affected = searched.filter((s) => fromA[s] !== fromB[s]);
  const { perSource, rowOf } = before;
  const dependency = before.dependency;
  const fresh = new Float64Array(affected.length * csr.n);
  shortestPathSweep(csr, { sources: affected, perSource: fresh });
  affected.forEach((s, i) => {
    const row = rowOf[s] * csr.n;
    for (let v = 0; v < csr.n; v++) {
      dependency[v] += fresh[i * csr.n + v] - perSource[row + v];
      perSource[row + v] = fresh[i * csr.n + v];
    }
  });
  const counts = before.arrays.triangles.slice();
  const common = commonNeighbours(before.csr, a, b);
  for (const w of common) counts[w]++;
  counts[a] += common.length;
  counts[b] += common.length;
  // Constraint reads 1/degree of a member's contacts: only a, b and their contacts change.
  const constraints = before.constraint;
  constraintOf(csr, neighbourhoodOf(csr, a, b), constraints);
  return {
    csr,
    harmonic,
    dependency,
    perSource,
    rowOf,
    constraint: constraints,
    cliques: cliquesAfterAddingEdge(before.csr, before.cliques, a, b, options.cliques),
    arrays: assemble(csr, scaleBetweenness(csr.n, dependency, searched.length), harmonic, counts, constraints, options),
  };
}

function allNodes(n: number): Int32Array {
  const all = new Int32Array(n);
  for (let i = 0; i < n; i++) all[i] = i;
  return all;
}

function assemble(csr: Csr, between: Betweenness, harmonic: Float64Array, counts: Int32Array, constraints: Float64Array, options: LiveMeasureOptions): MemberArrays {
  return {
    degree: csr.degree,
    strength: strengths(csr),
    betweenness: between.raw,
    betweennessNormalized: between.normalized,
    closeness: normaliseHarmonic(harmonic, csr.n),
    eigenvector: eigenvectorCentrality(csr, options.eigenvector).values,
    triangles: counts,
    clustering: localClustering(csr, counts),
    burt: burtMeasures(csr, counts, constraints),
    communities: louvain(csr, options.communities),
  };
}

/** a, b and everyone tied to either, once each. */
function neighbourhoodOf(csr: Csr, a: number, b: number): Int32Array {
  const seen = new Uint8Array(csr.n);
  const out: number[] = [];
  for (const v of [a, b]) {
    if (seen[v] === 0) out.push(v);
    seen[v] = 1;
    for (let j = csr.offsets[v]; j < csr.offsets[v + 1]; j++) {
      const w = csr.neighbours[j];
      if (seen[w] === 0) out.push(w);
      seen[w] = 1;
    }
  }
  return Int32Array.from(out);
}
