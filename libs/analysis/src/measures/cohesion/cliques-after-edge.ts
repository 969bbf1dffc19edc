/**
 * The maximal-clique summary after one new tie, without enumerating the whole network again: a
 * what-if ("tie these two together") or a live update only touches the cliques around the new tie.
 *
 * Why it is exact. Let G' = G + ab, with a and b not adjacent in G, and C = N(a) ∩ N(b).
 * - New maximal cliques. A clique of G' without both a and b is a clique of G, so every new one
 *   holds both: it is {a, b} ∪ K for a clique K ⊆ C, and it is maximal iff no member of C extends K,
 *   i.e. iff K is a maximal clique of G[C] (K = ∅ when C = ∅: the lone tie {a, b}).
 * - Lost maximal cliques. A maximal clique Q of G stays a clique of G'; only a or b can newly join
 *   it, and only when Q holds the other. So Q stops being maximal iff Q = {a} ∪ K with K ⊆ C (b now
 *   joins), or likewise {b} ∪ K. If K were not maximal in G[C], some c ∈ C would have extended Q
 *   already in G, so only maximal K of G[C] count; then {a} ∪ K was maximal in G iff no x is adjacent
 *   to a and to all of K. (Such an x lies outside C by K's maximality, is never b — not adjacent to a
 *   in G — and never in K, as there are no self-loops.) For K = ∅ this reads "a had no ties": the
 *   isolate {a} was a maximal clique of size 1.
 * Hence, per maximal clique K of G[C]: a clique of |K| + 2 members appears, and each of {a} ∪ K and
 * {b} ∪ K disappears if it had no common neighbour. Lost cliques are smaller than their replacement,
 * so the largest size only grows, to |K| + 2.
 *
 * Cost: O(min(deg a, deg b) · log) for C; the ties inside C as bitsets, O(|C| · min(|C|, deg) · log);
 * Bron–Kerbosch with Tomita's pivot over C; per K one scan of the shortest neighbour list among
 * a (or b) and K's members, with binary searches. C is usually tiny next to the network.
 *
 * `summary` must be `maximalCliques(before, options)` with the same `minSize` and `limit`. When it
 * was truncated, or the new count reaches `limit`, the counts are no longer exact, so this
 * enumerates the new network in full and answers exactly as `maximalCliques` would.
 */
import { CLIQUE_DEFAULTS, maximalCliques } from './cliques';
import type { CliqueOptions, CliqueSummary } from './cliques';
import { expandMaximalCliques } from './clique-search';
import { areTied, commonNeighbours, csrFromEdges, indexIn } from '../engine/csr';
import type { Csr } from '../engine/csr';

export function cliquesAfterAddingEdge(
  before: Csr,
  summary: CliqueSummary,
  a: number,
  b: number,
  options: CliqueOptions = {},
): CliqueSummary {
  const { n } = before;
  if (!Number.isInteger(a) || !Number.isInteger(b) || a < 0 || b < 0 || a >= n || b >= n) {
    throw new RangeError(`cliquesAfterAddingEdge: members ${a} and ${b} must be indices below ${n}`);
  }
  if (a === b) throw new RangeError(`cliquesAfterAddingEdge: a tie needs two members, got ${a} twice`);
  if (areTied(before, a, b)) throw new RangeError(`cliquesAfterAddingEdge: ${a} and ${b} are already tied`);
  if (summary.truncated) return maximalCliques(withEdge(before, a, b), options);

  const minSize = options.minSize ?? CLIQUE_DEFAULTS.minSize;
  const limit = options.limit ?? CLIQUE_DEFAULTS.limit;
  const after: CliqueSummary = { ...summary };
  const tally = (size: number, sign: 1 | -1): void => {
    after.countAll += sign;
    if (size >= minSize) after.count += sign;
    if (sign > 0 && size > after.largest) after.largest = size;
  };
  const complete = forEachMaximalClique(before, commonNeighbours(before, a, b), limit, (clique, size) => {
    tally(size + 2, 1);
    if (!hasCommonNeighbour(before, a, clique, size)) tally(size + 1, -1);
    if (!hasCommonNeighbour(before, b, clique, size)) tally(size + 1, -1);
  });
  if (!complete || after.countAll >= limit) return maximalCliques(withEdge(before, a, b), options);
  return after;
}

/**
 * Calls `visit` with each maximal clique of the subgraph induced by `members` (sorted ascending) —
 * once with the empty clique when there are no members. Returns false if it stopped at `limit`.
 * As in `maximalCliques`, the sets P and X are bitsets over the members, one row per depth.
 */
function forEachMaximalClique(
  csr: Csr,
  members: Int32Array,
  limit: number,
  visit: (clique: Int32Array, size: number) => void,
): boolean {
  const c = members.length;
  const clique = new Int32Array(c);
  if (c === 0) {
    visit(clique, 0);
    return true;
  }
  const { offsets, neighbours, degree } = csr;
  const words = (c + 31) >>> 5;
  const rows = new Uint32Array(c * words);
  for (let i = 0; i < c; i++) {
    const v = members[i];
    // Look up from the shorter side: v's ties among the members, or the members among v's ties.
    if (degree[v] <= c) {
      for (let p = offsets[v]; p < offsets[v + 1]; p++) {
        const j = indexIn(members, 0, c, neighbours[p]);
        if (j >= 0) rows[i * words + (j >>> 5)] |= 1 << (j & 31);
      }
    } else {
      for (let j = 0; j < c; j++) {
        if (indexIn(neighbours, offsets[v], offsets[v + 1], members[j]) >= 0) rows[i * words + (j >>> 5)] |= 1 << (j & 31);
      }
    }
  }
  const candidates = new Uint32Array((c + 1) * words);
  const excluded = new Uint32Array((c + 1) * words);
  const branches = new Uint32Array((c + 1) * words);
  for (let w = 0; w < words; w++) candidates[w] = c - (w << 5) >= 32 ? 0xffffffff : 0xffffffff >>> (32 - (c - (w << 5)));
  let found = 0;
  const path = new Int32Array(c + 1);
  return expandMaximalCliques({ words, rows, candidates, excluded, branches }, 0, path, (size) => {
    for (let i = 0; i < size; i++) clique[i] = members[path[i]];
    visit(clique, size);
    return ++found < limit;
  });
}

/** Whether some member is tied to `s` and to every member of `clique[0 .. size)`. */
function hasCommonNeighbour(csr: Csr, s: number, clique: Int32Array, size: number): boolean {
  const { offsets, neighbours, degree } = csr;
  if (size === 0) return degree[s] > 0;
  // Scan the shortest list; a hit on s or on a clique member fails its own (loop-free) adjacency test.
  let scan = s;
  for (let i = 0; i < size; i++) if (degree[clique[i]] < degree[scan]) scan = clique[i];
  for (let p = offsets[scan]; p < offsets[scan + 1]; p++) {
    const x = neighbours[p];
    if (scan !== s && !areTied(csr, s, x)) continue;
    let all = true;
    for (let i = 0; i < size && all; i++) all = clique[i] === scan || areTied(csr, clique[i], x);
    if (all) return true;
  }
  return false;
}

/** The CSR of `before` plus the tie a–b, for the full fallback; the new tie weighs 1. */
function withEdge(before: Csr, a: number, b: number): Csr {
  const sources: number[] = [a];
  const targets: number[] = [b];
  const weights: number[] = [1];
  for (let u = 0; u < before.n; u++) {
    for (let p = before.offsets[u]; p < before.offsets[u + 1]; p++) {
      if (before.neighbours[p] <= u) continue;
      sources.push(u);
      targets.push(before.neighbours[p]);
      weights.push(before.weights[p]);
    }
  }
  return csrFromEdges(before.n, before.keys, before.indexOf, sources, targets, weights);
}
