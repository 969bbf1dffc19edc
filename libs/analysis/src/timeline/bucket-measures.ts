/**
 * The network measures of one timeline bucket: exactly networkMeasures(graph, options), computed
 * from the member arrays directly (no per-member records are needed for a bucket). With a memo, a
 * graph measured before (same members, ties, weights and kinds, same options) is not measured again.
 */
import type { AbstractGraph, Attributes } from 'graphology-types';
import type { NetworkMeasures } from '../graph/types';
import { toCsr } from '../measures/engine/csr';
import { memberArrays } from '../measures/member-measures';
import type { MeasureOptions } from '../measures/member-measures';
import { networkFromArrays } from '../measures/network-measures';
import { bucketKey } from './bucket-memo';
import type { BucketMemo } from './bucket-memo';

export function bucketMeasures(graph: AbstractGraph<Attributes, Attributes>, options: MeasureOptions = {}, memo?: BucketMemo): NetworkMeasures {
  const csr = toCsr(graph, { weightAttribute: options.weightAttribute });
  const key = memo && bucketKey(graph, csr, options);
  const known = key === undefined ? undefined : memo!.get(key);
  if (known) return known;
  const arrays = memberArrays(csr, options);
  const inputs = { ...arrays, constraint: arrays.burt.constraint, community: arrays.communities.community };
  const measures = networkFromArrays(graph, csr, inputs, options);
  if (key !== undefined) memo!.set(key, measures);
  return measures;
}
