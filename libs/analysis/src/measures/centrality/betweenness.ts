/**
 * Betweenness centrality: how often a member lies on the shortest paths between two others
 * (Freeman 1977; computed with Brandes 2001). In network work this is the broker, the
 * "lähetti" through whom information must pass — and a single point of failure when it is high.
 *
 * Conventions (identical to networkx `betweenness_centrality` on an undirected, unweighted graph):
 * - `raw`: Σ over unordered pairs {s, t}, s ≠ v ≠ t, of σ_st(v) / σ_st; endpoints excluded.
 *   networkx `normalized=False`; UCINET's "Betweenness"; igraph `betweenness(directed=FALSE)`.
 * - `normalized`: raw / ((n−1)(n−2)/2), in [0, 1]; networkx `normalized=True`. For n ≤ 2 it is 0.
 * - Sampled (`pivots: k < n`): the Brandes–Pich (2007) estimator — dependencies from k uniformly
 *   drawn sources, scaled by n/k. Unbiased; as networkx `betweenness_centrality(k=…, seed=…)`, though
 *   the pivots drawn for a given seed differ. Exact remains the default.
 */
import type { Csr } from '../engine/csr';
import { mulberry32 } from '../engine/seeded-random';
import { shortestPathSweep } from '../engine/shortest-paths';

export const BETWEENNESS_DEFAULTS = {
  /** Number of sampled sources; null = exact (all n sources). */
  pivots: null as number | null,
  /** Seed for drawing pivots. */
  seed: 1,
};

export interface BetweennessOptions {
  pivots?: number | null;
  seed?: number;
}

export interface Betweenness {
  raw: Float64Array;
  normalized: Float64Array;
  /** The sources actually searched (n when exact). */
  pivots: number;
  exact: boolean;
}

export function betweenness(csr: Csr, options: BetweennessOptions = {}): Betweenness {
  const sources = betweennessSources(csr.n, options);
  const { dependency } = shortestPathSweep(csr, { sources: sources ?? undefined });
  return scaleBetweenness(csr.n, dependency, sources === null ? csr.n : sources.length);
}

/**
 * The sources to search: null for all (exact), else k distinct nodes drawn without replacement
 * by a seeded partial Fisher–Yates shuffle, returned in ascending order.
 */
export function betweennessSources(n: number, options: BetweennessOptions = {}): Int32Array | null {
  const pivots = options.pivots ?? BETWEENNESS_DEFAULTS.pivots;
  if (pivots === null || pivots >= n) return null;
  if (!Number.isInteger(pivots) || pivots < 1) throw new RangeError(`betweenness pivots must be a positive integer, got ${pivots}`);
  const rng = mulberry32(options.seed ?? BETWEENNESS_DEFAULTS.seed);
  const pool = new Int32Array(n);
  for (let i = 0; i < n; i++) pool[i] = i;
  for (let i = 0; i < pivots; i++) {
    const j = i + Math.floor(rng() * (n - i));
    const tmp = pool[i];
    pool[i] = pool[j];
    pool[j] = tmp;
  }
  return pool.slice(0, pivots).sort();
}

/** Turns summed dependencies from `searched` sources into raw and normalised betweenness. */
export function scaleBetweenness(n: number, dependency: Float64Array, searched: number): Betweenness {
  // Each unordered pair is seen from both of its ends, hence the 1/2; sampling scales by n/k.
  const rawScale = searched === 0 ? 0 : n / searched / 2;
  const pairs = ((n - 1) * (n - 2)) / 2;
  const raw = new Float64Array(n);
  const normalized = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    raw[v] = dependency[v] * rawScale;
    normalized[v] = pairs > 0 ? raw[v] / pairs : 0;
  }
  return { raw, normalized, pivots: searched, exact: searched === n };
}
