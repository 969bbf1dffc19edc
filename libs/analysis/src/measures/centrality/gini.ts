/**
 * Gini coefficient: how unequally a quantity (degree, betweenness) is spread over members.
 * The brief's settled network has "evenly distributed centrality": a Gini near 0. Near 1, a few
 * members hold all the ties or all the brokerage.
 *
 * Population Gini, G = Σ_i Σ_j |x_i − x_j| / (2 n² x̄), computed on sorted values as
 * Σ_i (2i − n − 1) x_(i) / (n Σx) with i = 1…n ascending. No small-sample correction n/(n − 1)
 * (igraph/ineq `Gini(x, corr = FALSE)`). 0 when n = 0 or all values are 0. Values must be ≥ 0.
 */
export function gini(values: ArrayLike<number>): number {
  const n = values.length;
  if (n === 0) return 0;
  const sorted = Float64Array.from(values).sort();
  let total = 0;
  let weighted = 0;
  for (let i = 0; i < n; i++) {
    total += sorted[i];
    weighted += (2 * (i + 1) - n - 1) * sorted[i];
  }
  return total === 0 ? 0 : weighted / (n * total);
}
