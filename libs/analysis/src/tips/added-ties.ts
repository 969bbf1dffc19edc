/**
 * The graph kernels behind what-if previews, each the shortcut for one thing a preview would
 * otherwise recompute for the whole network after adding a few ties:
 * - `csrWithTies`: the CSR with the new arcs merged into the sorted neighbour lists, O(n + m) copying
 *   instead of re-sorting every edge (equals `csrFromEdges` on the edge list plus the ties);
 * - `openPairsAdded`: how the count of open pairs (Burt's structural holes, burt.ts) changes, from the
 *   degrees and common neighbours of the ties' ends instead of counting triangles again;
 * - `constraintAt`: Burt's constraint of one member (burt.ts `constraintOf`, the same sums as
 *   `constraint`, so bit-identical), for the few members a preview reports.
 * Ties are pairs of node indices; a pair that is already tied (or repeated) is refused, because an
 * arc twice would make a multigraph that no measure is defined on.
 */
import { constraintOf } from '../measures/cohesion/burt';
import { areTied, commonNeighbours } from '../measures/engine/csr';
import type { Csr } from '../measures/engine/csr';

/** The change in open pairs when `ties` are added one after another (later ties see earlier ones). */
export function openPairsAdded(csr: Csr, ties: ReadonlyArray<readonly [number, number]>): number {
  let change = 0;
  for (let t = 0; t < ties.length; t++) {
    const [a, b] = ties[t];
    const earlier = ties.slice(0, t);
    const tiedNow = (x: number, y: number): boolean => areTied(csr, x, y) || earlier.some(([p, q]) => (p === x && q === y) || (p === y && q === x));
    if (tiedNow(a, b)) throw new RangeError(`what-if tie ${csr.keys[a]}–${csr.keys[b]} is already a tie`);
    // New partners of a or b from earlier ties: common neighbours the base graph does not know of.
    const fresh = new Set<number>();
    for (const [p, q] of earlier) {
      if (p === a || p === b) fresh.add(q);
      if (q === a || q === b) fresh.add(p);
    }
    let common = commonNeighbours(csr, a, b).length;
    for (const w of fresh) if (tiedNow(a, w) && tiedNow(b, w)) common++;
    const degreeNow = (v: number): number => csr.degree[v] + earlier.filter(([p, q]) => p === v || q === v).length;
    // a and b each gain a pair with every current contact (closed when the contact is common), and
    // the pair {a, b} around each common contact closes: d_a + d_b − 3·common.
    change += degreeNow(a) + degreeNow(b) - 3 * common;
  }
  return change;
}

/** The CSR after adding `ties` (weight 1), sharing keys and indexOf with `csr`. */
export function csrWithTies(csr: Csr, ties: ReadonlyArray<readonly [number, number]>): Csr {
  const { n, offsets, neighbours, weights } = csr;
  const added = new Map<number, number[]>();
  const addArc = (from: number, to: number): void => {
    const list = added.get(from);
    if (list === undefined) added.set(from, [to]);
    else list.push(to);
  };
  for (const [a, b] of ties) {
    addArc(a, b);
    addArc(b, a);
  }
  const degree = csr.degree.slice();
  for (const [v, list] of added) {
    degree[v] += list.length;
    list.sort((x, y) => x - y);
  }
  const outOffsets = new Int32Array(n + 1);
  for (let v = 0; v < n; v++) outOffsets[v + 1] = outOffsets[v] + degree[v];
  const outNeighbours = new Int32Array(outOffsets[n]);
  const outWeights = new Float64Array(outOffsets[n]);
  // Untouched members between two touched ones move as one block; touched ones merge two sorted lists.
  let from = 0;
  for (const v of [...added.keys()].sort((x, y) => x - y)) {
    outNeighbours.set(neighbours.subarray(offsets[from], offsets[v]), outOffsets[from]);
    outWeights.set(weights.subarray(offsets[from], offsets[v]), outOffsets[from]);
    const list = added.get(v)!;
    let i = offsets[v];
    let k = 0;
    for (let p = outOffsets[v]; p < outOffsets[v + 1]; p++) {
      if (k === list.length || (i < offsets[v + 1] && neighbours[i] < list[k])) {
        outNeighbours[p] = neighbours[i];
        outWeights[p] = weights[i++];
      } else {
        outNeighbours[p] = list[k++];
        outWeights[p] = 1;
      }
    }
    from = v + 1;
  }
  outNeighbours.set(neighbours.subarray(offsets[from], offsets[n]), outOffsets[from]);
  outWeights.set(weights.subarray(offsets[from], offsets[n]), outOffsets[from]);
  return { n, m: csr.m + ties.length, keys: csr.keys, indexOf: csr.indexOf, offsets: outOffsets, neighbours: outNeighbours, weights: outWeights, degree };
}

/** Burt's constraint of member v (0 without ties), exactly as `constraint(csr)[v]`. */
export function constraintAt(csr: Csr, v: number): number {
  const out = new Float64Array(csr.n);
  constraintOf(csr, [v], out);
  return out[v];
}
