/**
 * Freeman centralisation (Freeman 1979): how much one member dominates the network, as the summed
 * gap between the most central member and everyone else, divided by the largest gap any graph of the
 * same size can have — a star. 1 means a perfect star (everything through one hub); 0 means everyone
 * is equally central. The brief's "keskittyneisyys": it should fall as collaboration spreads.
 *
 * Conventions (n members; all measures unweighted):
 * - degree: Σ (max d − d_i) / ((n − 1)(n − 2)). UCINET "Network Centralization", igraph
 *   `centr_degree(loops=FALSE)$centralization`.
 * - betweenness: Σ (max b − b_i) / ((n − 1)²(n − 2)/2) on RAW betweenness (a star scores 1).
 *   Equivalently Σ (max b' − b'_i)/(n − 1) on betweenness normalised by (n−1)(n−2)/2.
 * - closeness: Σ (max c − c_i) / ((n − 2)/2) on harmonic closeness c = Σ 1/d / (n − 1). A star
 *   scores 1 (so does a star with one isolate), and no graph scores more: checked exhaustively over
 *   all graphs of 3–7 nodes in the networkx atlas. Unlike classic closeness centralisation it is
 *   defined on disconnected networks.
 * Small graphs: with n < 3 every denominator is 0; degree and betweenness centralisation are then 0
 * (nobody can be between anyone) and closeness centralisation is null (undefined).
 */

export function freemanDegreeCentralisation(degree: ArrayLike<number>): number {
  const n = degree.length;
  return n < 3 ? 0 : gapSum(degree) / ((n - 1) * (n - 2));
}

export function freemanBetweennessCentralisation(rawBetweenness: ArrayLike<number>): number {
  const n = rawBetweenness.length;
  return n < 3 ? 0 : gapSum(rawBetweenness) / (((n - 1) * (n - 1) * (n - 2)) / 2);
}

export function freemanClosenessCentralisation(harmonicCloseness: ArrayLike<number>): number | null {
  const n = harmonicCloseness.length;
  return n < 3 ? null : gapSum(harmonicCloseness) / ((n - 2) / 2);
}

/** Σ (max − x_i). */
function gapSum(values: ArrayLike<number>): number {
  let top = -Infinity;
  for (let i = 0; i < values.length; i++) top = Math.max(top, values[i]);
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += top - values[i];
  return sum;
}
