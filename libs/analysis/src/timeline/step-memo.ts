/**
 * A slider stop's member measures, shared by the two computations that measure the same graphs: the
 * picture's steps (picture-steps.ts) and the timeline (bucket-measures.ts). A closed month's stop and
 * the timeline's bucket for that month are the same graph (the same window and weights at the same
 * instant, the month's last millisecond), so whichever runs first records the stop's measures here,
 * keyed by the graph's content, and the other does not measure that graph again.
 *
 * The picture's measures are rounded to 4 significant digits (degree exactly) because the picture
 * only draws and prints them.
 */
import { createHash } from 'node:crypto';
import type { Csr } from '../measures/engine/csr';
import type { MemberArrays } from '../measures/member-measures';

/** The member measures the picture reads, in the order of a frame's `members`. */
export const FRAME_MEASURES = ['degree', 'strength', 'betweenness', 'closeness', 'eigenvector', 'clustering', 'constraint'] as const;
export type FrameMeasure = (typeof FRAME_MEASURES)[number];
export type FrameMeasures = Record<FrameMeasure, Array<number | null>>;

/** Where measured stops are kept across calls (the caller bounds it). */
export interface StepMemo {
  get(key: string): FrameMeasures | undefined;
  set(key: string, measures: FrameMeasures): void;
}

/**
 * What a stop's member measures are read from: the CSR's members, ties and weights (bucketKey also
 * hashes each tie's kind, which these measures do not read). A SHA-256, so equal keys mean equal inputs.
 */
export function stepKey(csr: Csr): string {
  const hash = createHash('sha256');
  hash.update(csr.keys.join('\n'));
  for (const array of [csr.offsets, csr.neighbours, csr.weights]) hash.update(new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
  return hash.digest('base64');
}

/**
 * The picture's measures from the member arrays, rounded for drawing and printing. The arrays must be
 * memberArrays(csr) with the default options (exact betweenness, default eigenvector) over the
 * tie strengths, as the picture's stops are measured.
 */
export function frameMeasures(arrays: MemberArrays): FrameMeasures {
  const sources: Record<FrameMeasure, ArrayLike<number | null>> = {
    degree: arrays.degree,
    strength: arrays.strength,
    betweenness: arrays.betweenness,
    closeness: arrays.closeness,
    eigenvector: arrays.eigenvector,
    clustering: arrays.clustering,
    constraint: arrays.burt.constraint,
  };
  const out = {} as FrameMeasures;
  for (const measure of FRAME_MEASURES) {
    out[measure] = Array.from(sources[measure], measure === 'degree' ? (value) => value : roundMeasure);
  }
  return out;
}

/**
 * 4 significant digits; null for a measure that is undefined for the member (constraint of an
 * isolate). By arithmetic, not toPrecision: that was a fifth of the time of a stop measured afresh.
 */
export function roundMeasure(value: number | null): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  if (value === 0) return 0;
  const digits = 3 - Math.floor(Math.log10(Math.abs(value)));
  if (digits >= 0) {
    const scale = 10 ** digits;
    return Math.round(value * scale) / scale;
  }
  const scale = 10 ** -digits;
  return Math.round(value / scale) * scale;
}
