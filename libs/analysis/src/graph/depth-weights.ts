/**
 * How much each kind of interaction adds to a tie's strength.
 *
 * Default: the step on the ladder plus one — acquainted 1, discussed 2, exchanged_information 3,
 * explored_collaboration 4, outlined_goals 5, co_developed 6, evaluated_learning 7. Linear because a
 * coordinator can check it by hand and because the brief gives an order of depth, not distances
 * between the steps; deeper work still dominates (one joint project outweighs five acquaintances).
 * Networks that see the ladder differently pass their own weights; any kind left out keeps its default.
 */
import { DEPTH_WEIGHT_RANGE, INTERACTION_KINDS } from '@solmu/network/published';
import { ValidationFailed } from '@solmu/kernel';
import type { DepthWeights } from './types';

export const DEFAULT_DEPTH_WEIGHTS: Readonly<DepthWeights> = Object.freeze({
  acquainted: 1,
  discussed: 2,
  exchanged_information: 3,
  explored_collaboration: 4,
  outlined_goals: 5,
  co_developed: 6,
  evaluated_learning: 7,
});

/** The defaults overridden by `weights`; each weight must be a number from 0 to 1000 (DEPTH_WEIGHT_RANGE). */
export function resolveDepthWeights(weights: Partial<DepthWeights> = {}): DepthWeights {
  const resolved = { ...DEFAULT_DEPTH_WEIGHTS, ...weights };
  for (const kind of INTERACTION_KINDS) {
    const w = resolved[kind];
    if (typeof w !== 'number' || !Number.isFinite(w) || w < DEPTH_WEIGHT_RANGE.min || w > DEPTH_WEIGHT_RANGE.max) {
      throw ValidationFailed.field(`weights.${kind}`, `must be a number from ${DEPTH_WEIGHT_RANGE.min} to ${DEPTH_WEIGHT_RANGE.max}, got ${String(w)}`, 'invalid_depth_weight');
    }
  }
  return resolved;
}
