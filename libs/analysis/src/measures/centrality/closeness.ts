/**
 * Harmonic closeness: how near a member is to everyone else, Σ 1/d(v, t) over the others t,
 * divided by n − 1 (Marchiori & Latora 2000; Rochat 2009). Unreachable members add 0 instead of an
 * infinite distance, so the measure works on disconnected networks, which new networks often are.
 *
 * Conventions: networkx `harmonic_centrality(G)[v] / (n − 1)`; igraph `harmonic_centrality(normalized=TRUE)`.
 * In [0, 1]; 1 means tied directly to everyone. n ≤ 1 gives 0. Unweighted (hops).
 * This differs from classic (Freeman) closeness, which networkx's `closeness_centrality` computes with
 * the Wasserman–Faust correction; the two agree only in ranking on connected graphs, not in value.
 */
import type { Csr } from '../engine/csr';
import { shortestPathSweep } from '../engine/shortest-paths';

export function harmonicCloseness(csr: Csr): Float64Array {
  const { harmonic } = shortestPathSweep(csr, { dependencies: false });
  return normaliseHarmonic(harmonic, csr.n);
}

/** Divides harmonic sums by n − 1 (0 when n ≤ 1). */
export function normaliseHarmonic(harmonic: Float64Array, n: number): Float64Array {
  const out = new Float64Array(n);
  if (n <= 1) return out;
  for (let v = 0; v < n; v++) out[v] = harmonic[v] / (n - 1);
  return out;
}
