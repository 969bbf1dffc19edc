/**
 * The network measures of one timeline bucket: exactly networkMeasures(graph, options), with the
 * maximal-clique count taken from the bitset kernel in clique-count.ts (the array-based enumeration
 * in measures/cliques.ts is stopped at its first clique). The spec checks the two give equal results.
 */
import type { AbstractGraph, Attributes } from 'graphology-types';
import type { NetworkMeasures } from '../graph/types';
import { toCsr } from '../measures/csr';
import { memberArrays } from '../measures/member-measures';
import type { MeasureOptions } from '../measures/member-measures';
import { networkFromArrays } from '../measures/network-measures';
import { countMaximalCliques } from './clique-count';

export function bucketMeasures(graph: AbstractGraph<Attributes, Attributes>, options: MeasureOptions = {}): NetworkMeasures {
  const csr = toCsr(graph, { weightAttribute: options.weightAttribute });
  const arrays = memberArrays(csr, options);
  const inputs = { ...arrays, constraint: arrays.burt.constraint, community: arrays.communities.community };
  const network = networkFromArrays(graph, csr, inputs, { ...options, cliques: { ...options.cliques, limit: 1 } });
  const cliques = countMaximalCliques(csr, options.cliques);
  return { ...network, maximalCliques: cliques.count, largestClique: cliques.largest };
}
