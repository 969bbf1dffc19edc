/**
 * Eigenvector centrality: a member is central when tied to central members (Bonacich 1972).
 * It tells apart the newcomer tied to the coordinator from the member at the heart of the core.
 *
 * Computed exactly as networkx `eigenvector_centrality(G)` (unweighted): power iteration on A + I
 * from the uniform vector 1/n, Euclidean normalisation after each step, stopping when the L1 change
 * is below n · tol. The + I shift keeps the iteration from oscillating on bipartite graphs.
 * Values are ≥ 0 with Euclidean norm 1. On a disconnected graph the mass concentrates on the
 * component with the largest eigenvalue; other components decay towards 0 (as in networkx).
 * Without ties every member gets 1/√n. If it has not converged after `maxIter` steps, networkx
 * raises; here the last iterate is returned and `converged` is false, so a timeline never breaks.
 */
import type { Csr } from '../engine/csr';

export const EIGENVECTOR_DEFAULTS = {
  /** networkx's defaults. */
  maxIter: 100,
  tol: 1e-6,
};

export interface EigenvectorOptions {
  maxIter?: number;
  tol?: number;
}

export interface Eigenvector {
  values: Float64Array;
  converged: boolean;
  iterations: number;
}

export function eigenvectorCentrality(csr: Csr, options: EigenvectorOptions = {}): Eigenvector {
  const maxIter = options.maxIter ?? EIGENVECTOR_DEFAULTS.maxIter;
  const tol = options.tol ?? EIGENVECTOR_DEFAULTS.tol;
  const { n, offsets, neighbours } = csr;
  let x = new Float64Array(n).fill(n > 0 ? 1 / n : 0);
  let y = new Float64Array(n);
  if (n === 0) return { values: x, converged: true, iterations: 0 };
  for (let iteration = 1; iteration <= maxIter; iteration++) {
    y.set(x);
    for (let v = 0; v < n; v++) {
      const xv = x[v];
      for (let j = offsets[v]; j < offsets[v + 1]; j++) y[neighbours[j]] += xv;
    }
    const norm = euclideanNorm(y) || 1;
    let change = 0;
    for (let v = 0; v < n; v++) {
      y[v] /= norm;
      change += Math.abs(y[v] - x[v]);
    }
    [x, y] = [y, x];
    if (change < n * tol) return { values: x, converged: true, iterations: iteration };
  }
  return { values: x, converged: false, iterations: maxIter };
}

/** √Σx², scaled by the largest entry to avoid overflow (as math.hypot). */
function euclideanNorm(values: Float64Array): number {
  let top = 0;
  for (const v of values) top = Math.max(top, Math.abs(v));
  if (top === 0) return 0;
  let sum = 0;
  for (const v of values) sum += (v / top) * (v / top);
  return top * Math.sqrt(sum);
}
