/**
 * Every per-member measure in one pass over a shared CSR, so the expensive parts (the all-sources
 * shortest-path sweep, triangles) run once: betweenness and harmonic closeness come out of the same
 * Brandes search, clustering and Burt's measures share the triangle counts.
 *
 * All measures are unweighted except `strength`. See docs/metrics.md for every definition.
 */
import type { AbstractGraph, Attributes } from 'graphology-types';
import type { MemberMeasures } from '../graph/types';
import { betweennessSources, scaleBetweenness } from './centrality/betweenness';
import type { BetweennessOptions } from './centrality/betweenness';
import { burtMeasures } from './cohesion/burt';
import type { BurtMeasures } from './cohesion/burt';
import type { CliqueOptions } from './cohesion/cliques';
import { normaliseHarmonic } from './centrality/closeness';
import { toCsr } from './engine/csr';
import type { Csr } from './engine/csr';
import { strengths } from './centrality/degree';
import { eigenvectorCentrality } from './centrality/eigenvector';
import type { EigenvectorOptions } from './centrality/eigenvector';
import { localClustering } from './cohesion/clustering';
import { louvain } from './communities/louvain';
import type { Communities, LouvainOptions } from './communities/louvain';
import { shortestPathSweep } from './engine/shortest-paths';
import { triangles } from './cohesion/triangles';

export interface MeasureOptions {
  /** Edge attribute summed into `strength` (default the tie's `strength`; null counts ties). */
  weightAttribute?: string | null;
  betweenness?: BetweennessOptions;
  eigenvector?: EigenvectorOptions;
  communities?: LouvainOptions;
  cliques?: CliqueOptions;
}

/** Member measures as typed arrays by CSR index — the form the network measures read. */
export interface MemberArrays {
  degree: Int32Array;
  strength: Float64Array;
  betweenness: Float64Array;
  betweennessNormalized: Float64Array;
  closeness: Float64Array;
  eigenvector: Float64Array;
  triangles: Int32Array;
  clustering: Float64Array;
  burt: BurtMeasures;
  communities: Communities;
}

export function memberMeasures(graph: AbstractGraph<Attributes, Attributes>, options: MeasureOptions = {}): Record<string, MemberMeasures> {
  const csr = toCsr(graph, { weightAttribute: options.weightAttribute });
  return memberRecords(csr, memberArrays(csr, options));
}

export function memberArrays(csr: Csr, options: MeasureOptions = {}): MemberArrays {
  const n = csr.n;
  const sources = betweennessSources(n, options.betweenness);
  // Exact: one sweep gives both. Sampled: betweenness from the pivots, closeness still exact.
  const sweep = shortestPathSweep(csr, { sources: sources ?? undefined });
  const harmonic = sources === null ? sweep.harmonic : shortestPathSweep(csr, { dependencies: false }).harmonic;
  const between = scaleBetweenness(n, sweep.dependency, sources === null ? n : sources.length);
  const triangleCounts = triangles(csr);
  return {
    degree: csr.degree,
    strength: strengths(csr),
    betweenness: between.raw,
    betweennessNormalized: between.normalized,
    closeness: normaliseHarmonic(harmonic, n),
    eigenvector: eigenvectorCentrality(csr, options.eigenvector).values,
    triangles: triangleCounts,
    clustering: localClustering(csr, triangleCounts),
    burt: burtMeasures(csr, triangleCounts),
    communities: louvain(csr, options.communities),
  };
}

export function memberRecords(csr: Csr, arrays: MemberArrays): Record<string, MemberMeasures> {
  const out: Record<string, MemberMeasures> = {};
  for (let v = 0; v < csr.n; v++) {
    out[csr.keys[v]] = {
      degree: arrays.degree[v],
      strength: arrays.strength[v],
      betweenness: arrays.betweenness[v],
      betweennessNormalized: arrays.betweennessNormalized[v],
      closeness: arrays.closeness[v],
      eigenvector: arrays.eigenvector[v],
      clustering: arrays.clustering[v],
      effectiveSize: arrays.burt.effectiveSize[v],
      efficiency: arrays.burt.efficiency[v],
      constraint: arrays.burt.constraint[v],
      community: arrays.communities.community[v],
    };
  }
  return out;
}
