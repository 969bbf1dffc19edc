/**
 * Connected components: the separate pieces of the network. A young network is often in pieces
 * (members who have not met anyone yet are components of one); a working network is one piece.
 *
 * Conventions: an isolate (a member without ties) is a component of its own, as networkx
 * `connected_components` and igraph `components`. `largestShare` = size of the largest component / n
 * (0 when n = 0). Labels are numbered in order of each component's lowest node index.
 */
import type { Csr } from '../engine/csr';

export interface Components {
  count: number;
  /** Component label per node. */
  label: Int32Array;
  largest: number;
  largestShare: number;
  isolates: number;
}

export function connectedComponents(csr: Csr): Components {
  const { n, offsets, neighbours } = csr;
  const label = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  let count = 0;
  let largest = 0;
  let isolates = 0;
  for (let s = 0; s < n; s++) {
    if (csr.degree[s] === 0) isolates++;
    if (label[s] >= 0) continue;
    let head = 0;
    let tail = 0;
    queue[tail++] = s;
    label[s] = count;
    while (head < tail) {
      const v = queue[head++];
      for (let j = offsets[v]; j < offsets[v + 1]; j++) {
        const w = neighbours[j];
        if (label[w] < 0) {
          label[w] = count;
          queue[tail++] = w;
        }
      }
    }
    largest = Math.max(largest, tail);
    count++;
  }
  return { count, label, largest, largestShare: n === 0 ? 0 : largest / n, isolates };
}
