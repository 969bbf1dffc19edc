/**
 * Compact adjacency (CSR) of an undirected graph: the one structure every fast kernel reads.
 *
 * Why: graphology stores adjacency in per-node objects keyed by strings, which is flexible but slow
 * to traverse thousands of times (Brandes runs one search per member). Copying the graph once into
 * typed arrays makes each traversal a tight loop over integers.
 *
 * Conventions:
 * - Nodes are indexed in ascending key order (UTF-16 code units), not insertion order, so every
 *   measure — Louvain included — gives the same answer however the graph was assembled.
 * - Each node's neighbours are sorted ascending; `weights` is aligned with `neighbours`.
 * - Self-loops are ignored (a tie needs two members). Multigraphs are refused: parallel edges would
 *   count a tie twice in every measure.
 */
import type { AbstractGraph, Attributes } from 'graphology-types';

export interface Csr {
  /** Number of nodes. */
  readonly n: number;
  /** Number of (undirected) edges, self-loops excluded. */
  readonly m: number;
  /** Node keys by index, ascending. */
  readonly keys: readonly string[];
  readonly indexOf: ReadonlyMap<string, number>;
  /** `neighbours[offsets[v] .. offsets[v + 1])` are the neighbours of v. Length n + 1. */
  readonly offsets: Int32Array;
  /** Length 2m. */
  readonly neighbours: Int32Array;
  /** Edge weight per adjacency entry (1 when the attribute is missing). Length 2m. */
  readonly weights: Float64Array;
  readonly degree: Int32Array;
}

export const CSR_DEFAULTS = {
  /** Edge attribute read as the weight; TieGraph ties carry their depth-weighted `strength`. */
  weightAttribute: 'strength',
} as const;

export interface CsrOptions {
  weightAttribute?: string | null;
}

/** Builds the CSR of a graphology graph in O(n log n + m). The graph is only read. */
export function toCsr(graph: AbstractGraph<Attributes, Attributes>, options: CsrOptions = {}): Csr {
  if (graph.multi) throw new TypeError('toCsr: the measures need a simple graph, not a multigraph');
  const weightAttribute = options.weightAttribute === undefined ? CSR_DEFAULTS.weightAttribute : options.weightAttribute;
  const keys = graph.nodes().sort(compareKeys);
  const n = keys.length;
  const indexOf = new Map<string, number>();
  for (let i = 0; i < n; i++) indexOf.set(keys[i], i);

  const sources: number[] = [];
  const targets: number[] = [];
  const edgeWeights: number[] = [];
  graph.forEachEdge((_edge, attributes, source, target) => {
    if (source === target) return;
    sources.push(indexOf.get(source)!);
    targets.push(indexOf.get(target)!);
    const raw = weightAttribute === null ? 1 : attributes[weightAttribute];
    edgeWeights.push(typeof raw === 'number' && Number.isFinite(raw) ? raw : 1);
  });
  return csrFromEdges(n, keys, indexOf, sources, targets, edgeWeights);
}

/**
 * Builds a CSR from integer edge lists. Two passes of a counting sort (by target, then by source)
 * leave every neighbour list sorted without a comparison sort.
 */
export function csrFromEdges(
  n: number,
  keys: readonly string[],
  indexOf: ReadonlyMap<string, number>,
  sources: ArrayLike<number>,
  targets: ArrayLike<number>,
  edgeWeights: ArrayLike<number>,
): Csr {
  const m = sources.length;
  const degree = new Int32Array(n);
  for (let e = 0; e < m; e++) {
    degree[sources[e]]++;
    degree[targets[e]]++;
  }
  const offsets = new Int32Array(n + 1);
  for (let v = 0; v < n; v++) offsets[v + 1] = offsets[v] + degree[v];

  // Pass 1: the 2m directed arcs bucketed by their head.
  const byHeadTail = new Int32Array(2 * m);
  const byHeadWeight = new Float64Array(2 * m);
  const fill = offsets.slice(0, n);
  for (let e = 0; e < m; e++) {
    const a = sources[e];
    const b = targets[e];
    let p = fill[b]++;
    byHeadTail[p] = a;
    byHeadWeight[p] = edgeWeights[e];
    p = fill[a]++;
    byHeadTail[p] = b;
    byHeadWeight[p] = edgeWeights[e];
  }
  // Pass 2: walking heads in ascending order appends each head to its tail's list in order.
  const neighbours = new Int32Array(2 * m);
  const weights = new Float64Array(2 * m);
  fill.set(offsets.subarray(0, n));
  for (let head = 0; head < n; head++) {
    for (let p = offsets[head]; p < offsets[head + 1]; p++) {
      const tail = byHeadTail[p];
      const q = fill[tail]++;
      neighbours[q] = head;
      weights[q] = byHeadWeight[p];
    }
  }
  return { n, m, keys, indexOf, offsets, neighbours, weights, degree };
}

/** Index of `x` in the ascending `list[lo .. hi)`, or -1. */
export function indexIn(list: Int32Array, lo: number, hi: number, x: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const y = list[mid];
    if (y === x) return mid;
    if (y < x) lo = mid + 1;
    else hi = mid;
  }
  return -1;
}

/** The first index in the ascending `list[from .. to)` whose value is > x (to when none is). */
export function firstAbove(list: ArrayLike<number>, from: number, to: number, x: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether u and v are tied: a binary search in the shorter neighbour list, without allocating. */
export function areTied(csr: Csr, u: number, v: number): boolean {
  const short = csr.degree[u] <= csr.degree[v] ? u : v;
  return indexIn(csr.neighbours, csr.offsets[short], csr.offsets[short + 1], short === u ? v : u) >= 0;
}

/** N(a) ∩ N(b), ascending: the shorter list walked, each entry looked up in the longer. */
export function commonNeighbours(csr: Csr, a: number, b: number): Int32Array {
  const { offsets, neighbours, degree } = csr;
  const [short, long] = degree[a] <= degree[b] ? [a, b] : [b, a];
  const out = new Int32Array(degree[short]);
  let k = 0;
  for (let p = offsets[short]; p < offsets[short + 1]; p++) {
    if (indexIn(neighbours, offsets[long], offsets[long + 1], neighbours[p]) >= 0) out[k++] = neighbours[p];
  }
  return out.subarray(0, k);
}

/** Plain code-unit order: deterministic and locale-free. */
export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Maps per-index values back to a record keyed by node. */
export function byKey<T>(csr: Csr, values: ArrayLike<T>): Record<string, T> {
  const out: Record<string, T> = {};
  for (let i = 0; i < csr.n; i++) out[csr.keys[i]] = values[i];
  return out;
}
