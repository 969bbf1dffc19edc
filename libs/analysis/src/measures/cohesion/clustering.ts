/**
 * Clustering: do a member's contacts know each other? Local clustering is the share of a member's
 * contact pairs that are tied (Watts & Strogatz 1998); transitivity is the same share over the whole
 * network (Newman 2001, "global clustering"). High values mean closed, trusting circles; low values
 * mean open triads — introductions waiting to be made.
 *
 * Conventions (networkx `clustering`, `average_clustering`, `transitivity`, unweighted):
 * - local clustering = triangles / (d(d − 1)/2); members with fewer than two ties score 0.
 * - average clustering = mean of local clustering over ALL members (zeros included); 0 when n = 0.
 *   igraph `transitivity_local_undirected(mode="zero")` then mean; UCINET's "average" likewise.
 * - transitivity = 3 × triangles / connected triples = Σ triangles_v / Σ d_v(d_v − 1)/2; 0 when
 *   there is no connected triple.
 */
import type { Csr } from '../engine/csr';

export function localClustering(csr: Csr, triangleCounts: Int32Array): Float64Array {
  const out = new Float64Array(csr.n);
  for (let v = 0; v < csr.n; v++) {
    const d = csr.degree[v];
    out[v] = d < 2 ? 0 : (2 * triangleCounts[v]) / (d * (d - 1));
  }
  return out;
}

export function averageClustering(clustering: ArrayLike<number>): number {
  if (clustering.length === 0) return 0;
  let sum = 0;
  for (let v = 0; v < clustering.length; v++) sum += clustering[v];
  return sum / clustering.length;
}

export function transitivity(csr: Csr, triangleCounts: Int32Array): number {
  let closed = 0;
  let triples = 0;
  for (let v = 0; v < csr.n; v++) {
    const d = csr.degree[v];
    closed += triangleCounts[v];
    triples += (d * (d - 1)) / 2;
  }
  return triples === 0 ? 0 : closed / triples;
}
