/**
 * Remembered bucket measures, keyed by what the measures read: a bucket's network measures are a
 * pure function of its graph (the CSR's members, ties and weights, and each tie's deepest kind for
 * the ladder profile) and the measure options. A timeline asked again after its network changed, or
 * after its minute in the cache, measures only the buckets whose graph is not one measured before —
 * usually the open one, since a closed bucket's graph changes only when an event is back-dated into
 * it. The key is a SHA-256 of those inputs, so equal keys mean equal inputs, not merely similar ones.
 */
import { createHash } from 'node:crypto';
import type { AbstractGraph, Attributes } from 'graphology-types';
import type { NetworkMeasures } from '../graph/types';
import type { Csr } from '../measures/engine/csr';
import type { MeasureOptions } from '../measures/member-measures';

/** Where measured buckets are kept (the caller bounds it: analysis-engine keeps a few thousand). */
export interface BucketMemo {
  get(key: string): NetworkMeasures | undefined;
  set(key: string, measures: NetworkMeasures): void;
}

export function bucketKey(graph: AbstractGraph<Attributes, Attributes>, csr: Csr, options: MeasureOptions): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify(options));
  hash.update(csr.keys.join('\n'));
  hash.update(new Uint8Array(csr.offsets.buffer, csr.offsets.byteOffset, csr.offsets.byteLength));
  hash.update(new Uint8Array(csr.neighbours.buffer, csr.neighbours.byteOffset, csr.neighbours.byteLength));
  hash.update(new Uint8Array(csr.weights.buffer, csr.weights.byteOffset, csr.weights.byteLength));
  // The ladder profile reads each tie's deepest kind, which the CSR does not hold.
  const kinds: string[] = [];
  graph.forEachEdge((_edge, attributes, source, target) => {
    if (source !== target) kinds.push(`${source}\t${target}\t${String(attributes.deepestKind)}`);
  });
  hash.update(kinds.sort().join('\n'));
  return hash.digest('base64');
}
