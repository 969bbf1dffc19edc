/**
 * Burt's structural-hole measures (Burt 1992, "Structural Holes"): whether a member's contacts are
 * redundant (tied to each other) or each opens a different part of the network. The domain brief
 * wants few structural holes in a mature network, because whoever owns a hole can control the
 * collaboration that must pass through it.
 *
 * For an undirected, unweighted graph, with d = degree and t = ties among the member's contacts:
 * - effective size = d − 2t/d (Borgatti 1997's simplification; networkx `effective_size`,
 *   UCINET "EffSize");
 * - efficiency = effective size / d (networkx docs; UCINET "Efficie");
 * - constraint c(v) = Σ_{u ∈ N(v)} (p_vu + Σ_{w ∈ N(v) ∩ N(u)} p_vw · p_wu)², with p_vu = 1/d_v
 *   (networkx `constraint`; UCINET "Constra"; igraph `constraint`). 1 for a single tie, lower when
 *   contacts are many and unconnected.
 * Members without ties have none of these (null), as networkx's NaN. Open pairs are the holes:
 * Σ_v (d_v(d_v − 1)/2 − t_v), counted once per member around whom the pair is open.
 */
import type { Csr } from '../engine/csr';

export interface BurtMeasures {
  effectiveSize: Array<number | null>;
  efficiency: Array<number | null>;
  constraint: Array<number | null>;
}

/** `constraintValues`: constraint(csr) when the caller already has it (the live view updates it). */
export function burtMeasures(csr: Csr, triangleCounts: Int32Array, constraintValues: Float64Array = constraint(csr)): BurtMeasures {
  const { n, degree } = csr;
  const effectiveSize: Array<number | null> = new Array(n);
  const efficiency: Array<number | null> = new Array(n);
  const constraintOut: Array<number | null> = new Array(n);
  for (let v = 0; v < n; v++) {
    const d = degree[v];
    if (d === 0) {
      effectiveSize[v] = efficiency[v] = constraintOut[v] = null;
      continue;
    }
    const size = d - (2 * triangleCounts[v]) / d;
    effectiveSize[v] = size;
    efficiency[v] = size / d;
    constraintOut[v] = constraintValues[v];
  }
  return { effectiveSize, efficiency, constraint: constraintOut };
}

/**
 * Constraint for every member (0 where there are no ties; burtMeasures turns that into null).
 * With p = 1/degree: c(v) = (1/d_v²) Σ_u (1 + Σ_{w common} 1/d_w)². O(Σ_v d_v²).
 */
export function constraint(csr: Csr): Float64Array {
  const out = new Float64Array(csr.n);
  constraintOf(csr, Int32Array.from({ length: csr.n }, (_, v) => v), out);
  return out;
}

/**
 * Constraint of the members `nodes` only, written into `out` (the same sums in the same order as
 * `constraint`). After a new tie a–b only a, b and their contacts change: p = 1/degree moves for a
 * and b, and their contacts see them.
 */
export function constraintOf(csr: Csr, nodes: ArrayLike<number>, out: Float64Array): void {
  const { n, offsets, neighbours, degree } = csr;
  const stamp = new Int32Array(n).fill(-1);
  const inverseDegree = new Float64Array(n);
  for (let v = 0; v < n; v++) inverseDegree[v] = degree[v] > 0 ? 1 / degree[v] : 0;
  for (let i = 0; i < nodes.length; i++) {
    const v = nodes[i];
    const d = degree[v];
    if (d === 0) {
      out[v] = 0;
      continue;
    }
    for (let j = offsets[v]; j < offsets[v + 1]; j++) stamp[neighbours[j]] = v;
    let sum = 0;
    for (let j = offsets[v]; j < offsets[v + 1]; j++) {
      const u = neighbours[j];
      let indirect = 0;
      for (let k = offsets[u]; k < offsets[u + 1]; k++) {
        const w = neighbours[k];
        if (stamp[w] === v) indirect += inverseDegree[w];
      }
      sum += (1 + indirect) * (1 + indirect);
    }
    out[v] = sum / (d * d);
  }
}

export interface StructuralHoles {
  /** Σ over members of pairs of their contacts who are not tied to each other. */
  openPairs: number;
  /** openPairs / Σ over members of all pairs of their contacts; 0 when nobody has two contacts. */
  share: number;
}

export function structuralHoles(csr: Csr, triangleCounts: Int32Array): StructuralHoles {
  let pairs = 0;
  let closed = 0;
  for (let v = 0; v < csr.n; v++) {
    const d = csr.degree[v];
    pairs += (d * (d - 1)) / 2;
    closed += triangleCounts[v];
  }
  const openPairs = pairs - closed;
  return { openPairs, share: pairs === 0 ? 0 : openPairs / pairs };
}
