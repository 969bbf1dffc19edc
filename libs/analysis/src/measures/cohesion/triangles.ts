/**
 * Triangles per member: how many pairs of a member's contacts are tied to each other.
 * The shared ingredient of clustering, transitivity, Burt's effective size and the count of
 * structural holes (open pairs = contact pairs − triangles).
 *
 * Node-iterator with a stamp array, counting each triangle once from its lowest-index corner:
 * O(Σ_v d_v²) time, O(n) memory. Equals networkx `triangles(G)`.
 */
import type { Csr } from '../engine/csr';

export function triangles(csr: Csr): Int32Array {
  const { n, offsets, neighbours } = csr;
  const count = new Int32Array(n);
  const stamp = new Int32Array(n).fill(-1);
  for (let v = 0; v < n; v++) {
    const start = offsets[v];
    const end = offsets[v + 1];
    for (let j = start; j < end; j++) stamp[neighbours[j]] = v;
    for (let j = start; j < end; j++) {
      const u = neighbours[j];
      if (u <= v) continue;
      for (let k = offsets[u]; k < offsets[u + 1]; k++) {
        const w = neighbours[k];
        // Neighbour lists are sorted, so w > u > v means each triangle is found once.
        if (w > u && stamp[w] === v) {
          count[v]++;
          count[u]++;
          count[w]++;
        }
      }
    }
  }
  return count;
}

/** Pairs of contacts of each member, d(d − 1)/2. */
export function contactPairs(csr: Csr): Float64Array {
  const out = new Float64Array(csr.n);
  for (let v = 0; v < csr.n; v++) out[v] = (csr.degree[v] * (csr.degree[v] - 1)) / 2;
  return out;
}
