/**
 * The network measures of one timeline bucket: exactly networkMeasures(graph, options), computed
 * from the member arrays directly (no per-member records are needed for a bucket).
 */
import type { AbstractGraph, Attributes } from 'graphology-types';
import type { NetworkMeasures } from '../graph/types';
import { toCsr } from '../measures/engine/csr';
import { memberArrays } from '../measures/member-measures';
import type { MeasureOptions } from '../measures/member-measures';
import { networkFromArrays } from '../measures/network-measures';

export function bucketMeasures(graph: AbstractGraph<Attributes, Attributes>, options: MeasureOptions = {}): NetworkMeasures {
  const csr = toCsr(graph, { weightAttribute: options.weightAttribute });
  const arrays = memberArrays(csr, options);
  const inputs = { ...arrays, constraint: arrays.burt.constraint, community: arrays.communities.community };
  return networkFromArrays(graph, csr, inputs, options);
}
