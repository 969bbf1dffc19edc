/**
 * Modularity of a partition (Newman & Girvan 2004): the share of ties inside communities minus the
 * share expected if ties were placed at random with the same degrees. Around 0.3 or more signals
 * clear sub-groups; in a network that should collaborate across its parts, very high modularity
 * is a warning of cliques that do not talk to each other.
 *
 * Q = Σ_c [ in_c / 2m − γ (tot_c / 2m)² ], with in_c the sum of A_ij over i, j in c (each internal tie
 * counted twice) and tot_c the sum of degrees in c. Equals networkx `community.modularity`
 * (resolution γ, default 1) and igraph `modularity`. Unweighted unless `weighted`; 0 without ties.
 */
import type { Csr } from '../engine/csr';

export interface ModularityOptions {
  resolution?: number;
  /** Use edge weights (the CSR's weights) instead of counting each tie as 1. */
  weighted?: boolean;
}

export function modularity(csr: Csr, community: ArrayLike<number>, options: ModularityOptions = {}): number {
  const resolution = options.resolution ?? 1;
  const weighted = options.weighted ?? false;
  const { n, offsets, neighbours, weights } = csr;
  const inside = new Map<number, number>();
  const total = new Map<number, number>();
  let twiceM = 0;
  for (let v = 0; v < n; v++) {
    const cv = community[v];
    let kv = 0;
    let internal = 0;
    for (let j = offsets[v]; j < offsets[v + 1]; j++) {
      const w = weighted ? weights[j] : 1;
      kv += w;
      if (community[neighbours[j]] === cv) internal += w;
    }
    twiceM += kv;
    inside.set(cv, (inside.get(cv) ?? 0) + internal);
    total.set(cv, (total.get(cv) ?? 0) + kv);
  }
  if (twiceM === 0) return 0;
  let q = 0;
  for (const [c, tot] of total) q += (inside.get(c) ?? 0) / twiceM - resolution * (tot / twiceM) ** 2;
  return q;
}

/** Share of ties whose two ends are in different communities; 0 without ties. */
export function crossCommunityTieShare(csr: Csr, community: ArrayLike<number>): number {
  if (csr.m === 0) return 0;
  let crossing = 0;
  for (let v = 0; v < csr.n; v++) {
    for (let j = csr.offsets[v]; j < csr.offsets[v + 1]; j++) {
      const u = csr.neighbours[j];
      if (u > v && community[u] !== community[v]) crossing++;
    }
  }
  return crossing / csr.m;
}
