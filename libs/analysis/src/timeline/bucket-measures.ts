/**
 * The network measures of one timeline bucket: exactly networkMeasures(graph, options), computed
 * from the member arrays directly (no per-member records are needed for a bucket). With a memo, a
 * graph measured before (same members, ties, weights and kinds, same options) is not measured again.
 *
 * With a step memo, a bucket measured afresh also records its member measures as the picture's slider
 * stop of that instant (step-memo.ts) when they are the picture's (default options, exact
 * betweenness): the timeline has computed them anyway, and the picture's closed monthly stops are
 * these same graphs.
 */
import type { AbstractGraph, Attributes } from 'graphology-types';
import type { NetworkMeasures } from '../graph/types';
import { betweennessSources } from '../measures/centrality/betweenness';
import { toCsr } from '../measures/engine/csr';
import { memberArrays } from '../measures/member-measures';
import type { MeasureOptions } from '../measures/member-measures';
import { networkFromArrays } from '../measures/network-measures';
import { bucketKey } from './bucket-memo';
import type { BucketMemo } from './bucket-memo';
import { frameMeasures, stepKey } from './step-memo';
import type { StepMemo } from './step-memo';

export function bucketMeasures(graph: AbstractGraph<Attributes, Attributes>, options: MeasureOptions = {}, memo?: BucketMemo, stepMemo?: StepMemo): NetworkMeasures {
  const csr = toCsr(graph, { weightAttribute: options.weightAttribute });
  const key = memo && bucketKey(graph, csr, options);
  const known = key === undefined ? undefined : memo!.get(key);
  if (known) return known;
  const arrays = memberArrays(csr, options);
  const inputs = { ...arrays, constraint: arrays.burt.constraint, community: arrays.communities.community };
  const measures = networkFromArrays(graph, csr, inputs, options);
  if (key !== undefined) memo!.set(key, measures);
  if (stepMemo !== undefined && arePictureOptions(options, csr.n)) stepMemo.set(stepKey(csr), frameMeasures(arrays));
  return measures;
}

/**
 * Whether memberArrays with these options gives the picture's measures: tie strengths as weights,
 * exact betweenness, default eigenvector. Communities and cliques are not among the picture's measures.
 */
function arePictureOptions(options: MeasureOptions, n: number): boolean {
  return options.weightAttribute === undefined && options.eigenvector === undefined && betweennessSources(n, options.betweenness) === null;
}
