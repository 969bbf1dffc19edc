/**
 * Degree and strength: how many members a member is tied to, and how much collaboration those
 * ties carry. Degree is the simplest sign of integration; strength adds depth (a tie of joint
 * projects weighs more than one of a single acquaintance).
 *
 * Conventions: degree counts distinct ties (networkx `G.degree()`); strength sums the edge weight,
 * for a TieGraph the tie's depth-weighted `strength` (networkx `G.degree(weight=…)`, igraph `strength`).
 */
import type { Csr } from '../engine/csr';

export function degrees(csr: Csr): Int32Array {
  return csr.degree;
}

export function strengths(csr: Csr): Float64Array {
  const out = new Float64Array(csr.n);
  const { offsets, weights } = csr;
  for (let v = 0; v < csr.n; v++) {
    let sum = 0;
    for (let j = offsets[v]; j < offsets[v + 1]; j++) sum += weights[j];
    out[v] = sum;
  }
  return out;
}
