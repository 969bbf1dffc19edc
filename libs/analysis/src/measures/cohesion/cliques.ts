/**
 * Maximal cliques: groups in which everyone is tied to everyone and no one else could join.
 * Their number and size are the brief's "cliquishness" (klikkiytyminen): many overlapping cliques
 * are healthy density; a few closed cliques that talk only among themselves call for bridging.
 *
 * Bron–Kerbosch with Tomita's pivot (the candidate with most neighbours in P) under a degeneracy
 * ordering (Eppstein, Löffler & Strash 2010), O(d · n · 3^(d/3)) for degeneracy d. Each member's
 * search stays inside its neighbourhood, so the sets P and X are bitsets over it: a step is a few
 * word-wise ANDs and popcounts, without allocation (about 3× faster than filtering arrays on a
 * 2,000-member, 40,000-tie network). The same maximal cliques as networkx `find_cliques` and igraph
 * `max_cliques`.
 *
 * Conventions:
 * - `count` counts maximal cliques of at least `minSize` members — by default 3, as UCINET's
 *   clique routine: a lone tie or a lone member is not a "clique" in the social-network sense.
 *   `countAll` counts them all (networkx `len(list(find_cliques(G)))`, isolates included as size 1).
 * - `largest` is the clique number ω: the size of the largest clique (1 without ties, 0 when n = 0).
 * - Enumeration stops after `limit` maximal cliques (`truncated` then says so and counts are lower
 *   bounds); real networks stay far below it, but adversarial graphs can have exponentially many.
 */
import type { Csr } from '../engine/csr';
import { expandMaximalCliques } from './clique-search';
import { coreDecomposition } from './cores';

export const CLIQUE_DEFAULTS = {
  minSize: 3,
  limit: 1_000_000,
};

export interface CliqueOptions {
  minSize?: number;
  limit?: number;
}

export interface CliqueSummary {
  count: number;
  countAll: number;
  largest: number;
  truncated: boolean;
}

export function maximalCliques(csr: Csr, options: CliqueOptions = {}): CliqueSummary {
  const minSize = options.minSize ?? CLIQUE_DEFAULTS.minSize;
  const limit = options.limit ?? CLIQUE_DEFAULTS.limit;
  const { n, offsets, neighbours, degree } = csr;
  const summary: CliqueSummary = { count: 0, countAll: 0, largest: 0, truncated: false };
  if (n === 0) return summary;

  // Every search below lives inside one member's neighbourhood, so its sets are bitsets of `words`
  // 32-bit words over that neighbourhood: each step is a word-wise AND, with no allocation.
  let maxDegree = 1;
  for (let v = 0; v < n; v++) maxDegree = Math.max(maxDegree, degree[v]);
  const words = (maxDegree + 31) >>> 5;
  const rows = new Uint32Array(maxDegree * words);
  const depths = maxDegree + 2;
  const candidates = new Uint32Array(depths * words);
  const excluded = new Uint32Array(depths * words);
  const branches = new Uint32Array(depths * words);
  const local = new Int32Array(n).fill(-1);
  const { order } = coreDecomposition(csr);
  const rank = new Int32Array(n);
  for (let i = 0; i < n; i++) rank[order[i]] = i;

  const sets = { words, rows, candidates, excluded, branches };
  const path = new Int32Array(depths);
  // A clique found from seed member v has v plus one member per depth; stop once `limit` are found.
  const report = (depth: number): boolean => {
    const size = depth + 1;
    summary.countAll++;
    if (size >= minSize) summary.count++;
    if (size > summary.largest) summary.largest = size;
    if (summary.countAll >= limit) summary.truncated = true;
    return !summary.truncated;
  };

  for (let i = 0; i < n && !summary.truncated; i++) {
    const v = order[i];
    const start = offsets[v];
    const d = offsets[v + 1] - start;
    for (let j = 0; j < d; j++) local[neighbours[start + j]] = j;
    rows.fill(0, 0, d * words);
    candidates.fill(0, 0, words);
    excluded.fill(0, 0, words);
    for (let j = 0; j < d; j++) {
      const u = neighbours[start + j];
      const bit = 1 << (j & 31);
      // Later in the degeneracy order: a candidate; earlier: its cliques were found from it already.
      if (rank[u] > i) candidates[j >>> 5] |= bit;
      else excluded[j >>> 5] |= bit;
      for (let k = offsets[u]; k < offsets[u + 1]; k++) {
        const l = local[neighbours[k]];
        if (l >= 0) rows[j * words + (l >>> 5)] |= 1 << (l & 31);
      }
    }
    expandMaximalCliques(sets, 0, path, report);
    for (let j = 0; j < d; j++) local[neighbours[start + j]] = -1;
  }
  return summary;
}
