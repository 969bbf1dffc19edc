/**
 * Core numbers: the largest k such that a member belongs to a group in which everyone has at least
 * k ties inside the group (Seidman 1983). The largest k-core is the network's dense, committed
 * centre; its growth over time is one sign of the "deepening" phase.
 *
 * Batagelj & Zaversnik (2003) bucket algorithm, O(n + m). Equals networkx `core_number`,
 * igraph `coreness`. Members without ties have core number 0.
 */
import type { Csr } from '../engine/csr';

export function coreNumbers(csr: Csr): Int32Array {
  return coreDecomposition(csr).core;
}

/**
 * Core numbers and the order in which the algorithm peeled the nodes off — a degeneracy ordering,
 * in which every node has at most `max core` neighbours later in the order (used by the clique search).
 */
export function coreDecomposition(csr: Csr): { core: Int32Array; order: Int32Array } {
  const { n, offsets, neighbours } = csr;
  const core = Int32Array.from(csr.degree);
  if (n === 0) return { core, order: new Int32Array(0) };
  let maxDegree = 0;
  for (let v = 0; v < n; v++) maxDegree = Math.max(maxDegree, core[v]);
  // Nodes sorted by current degree, with `binStart[d]` the first position of degree d.
  const binStart = new Int32Array(maxDegree + 2);
  for (let v = 0; v < n; v++) binStart[core[v] + 1]++;
  for (let d = 1; d <= maxDegree + 1; d++) binStart[d] += binStart[d - 1];
  const position = new Int32Array(n);
  const order = new Int32Array(n);
  const fill = binStart.slice();
  for (let v = 0; v < n; v++) {
    position[v] = fill[core[v]]++;
    order[position[v]] = v;
  }
  for (let i = 0; i < n; i++) {
    const v = order[i];
    for (let j = offsets[v]; j < offsets[v + 1]; j++) {
      const u = neighbours[j];
      if (core[u] > core[v]) {
        // Move u to the front of its bin, then shrink the bin: u's degree drops by one.
        const du = core[u];
        const front = binStart[du];
        const w = order[front];
        if (w !== u) {
          order[position[u]] = w;
          position[w] = position[u];
          order[front] = u;
          position[u] = front;
        }
        binStart[du]++;
        core[u]--;
      }
    }
  }
  return { core, order };
}

export function largestCore(core: Int32Array): number {
  let top = 0;
  for (const k of core) top = Math.max(top, k);
  return top;
}
