/**
 * One tie from the interactions behind it: counts per kind, first and last date, the deepest step
 * on the ladder, strength, who initiated, and the interaction ids (provenance, so every figure can be
 * traced back to what members logged).
 */
import type { InteractionKind } from '@solmu/network/published';
import { INTERACTION_KINDS } from '@solmu/network/published';
import { DAY_MS } from './instant';
import type { InteractionRecord, PairLog } from './network-history';
import type { DepthWeights, Tie, TieWindow } from './types';

/** Per-kind weights in ladder order, and for decay the per-kind half-lives in days. */
export interface TieWeighting {
  weightByDepth: Float64Array;
  /** null unless the window decays. */
  halfLifeByDepth: Float64Array | null;
}

export function tieWeighting(window: TieWindow, weights: DepthWeights): TieWeighting {
  const weightByDepth = Float64Array.from(INTERACTION_KINDS, (kind) => weights[kind]);
  const halfLifeByDepth =
    window.kind === 'decay' ? Float64Array.from(INTERACTION_KINDS, (kind) => window.halfLifeByKind?.[kind] ?? window.halfLifeDays) : null;
  return { weightByDepth, halfLifeByDepth };
}

/** Strength of entries [from, to) at `atMs`: Σ depth weight, each × 0.5^(age days / half-life) when decaying. */
export function tieStrength(entries: readonly InteractionRecord[], from: number, to: number, atMs: number, weighting: TieWeighting): number {
  const { weightByDepth, halfLifeByDepth } = weighting;
  let strength = 0;
  for (let i = from; i < to; i++) {
    const entry = entries[i];
    const weight = weightByDepth[entry.depth];
    strength += halfLifeByDepth === null ? weight : weight * 0.5 ** ((atMs - entry.occurredMs) / DAY_MS / halfLifeByDepth[entry.depth]);
  }
  return strength;
}

/**
 * The tie of entries [start, to), given the tie of [start, from) — for a window that only grew at its
 * recent end (the common case of a timeline walking forward). Not for decay, where every weight changes.
 * Strength is summed in the same order as a full summary, so both give bit-identical results.
 */
export function extendTie(previous: Tie, pair: PairLog, from: number, to: number, weighting: TieWeighting): Tie {
  const counts = { ...previous.counts };
  const initiated = { ...previous.initiated };
  const interactionIds = previous.interactionIds.slice();
  let deepest = INTERACTION_KINDS.indexOf(previous.deepestKind);
  let strength = previous.strength;
  for (let i = from; i < to; i++) {
    const entry = pair.entries[i];
    counts[entry.kind] = (counts[entry.kind] ?? 0) + 1;
    if (entry.depth > deepest) deepest = entry.depth;
    if (entry.initiator === pair.a || entry.initiator === pair.b) initiated[entry.initiator]++;
    interactionIds.push(entry.id);
    strength += weighting.weightByDepth[entry.depth];
  }
  return {
    counts,
    interactions: previous.interactions + (to - from),
    first: previous.first,
    last: pair.entries[to - 1].occurredAt,
    deepestKind: INTERACTION_KINDS[deepest],
    strength,
    initiated,
    interactionIds,
  };
}

/** Counts per depth, reused by every summary (summaries are synchronous, so one scratch array is safe). */
const perDepth = new Int32Array(INTERACTION_KINDS.length);

/**
 * Summarises entries [from, to) of a pair (non-empty range) into a Tie with the given strength.
 * Counts go into a typed array first: building the per-kind object entry by entry was the slowest
 * part of drawing a graph (a dictionary-mode object per tie).
 */
export function summariseTie(pair: PairLog, from: number, to: number, strength: number): Tie {
  perDepth.fill(0);
  let byA = 0;
  let byB = 0;
  const interactionIds: string[] = new Array(to - from);
  let deepest = 0;
  for (let i = from; i < to; i++) {
    const entry = pair.entries[i];
    perDepth[entry.depth]++;
    if (entry.depth > deepest) deepest = entry.depth;
    if (entry.initiator === pair.a) byA++;
    else if (entry.initiator === pair.b) byB++;
    interactionIds[i - from] = entry.id;
  }
  const counts: Partial<Record<InteractionKind, number>> = {};
  for (let depth = 0; depth < perDepth.length; depth++) if (perDepth[depth] > 0) counts[INTERACTION_KINDS[depth]] = perDepth[depth];
  return {
    counts,
    interactions: to - from,
    first: pair.entries[from].occurredAt,
    last: pair.entries[to - 1].occurredAt,
    deepestKind: INTERACTION_KINDS[deepest],
    strength,
    initiated: { [pair.a]: byA, [pair.b]: byB },
    interactionIds,
  };
}
