/** Every threshold the tip finders use, with the defaults the product runs. */
import type { InteractionKind } from '@solmu/network/published';

export interface TipRules {
  /** At most this many tips of each kind, best first. */
  maxPerKind: number;
  /** What-if previews for the best this-many tips of each kind that suggests ties. */
  whatIfTop: number;
  introduce: { minSharedPartners: number };
  broker: { minGroupSize: number; minBetweenness: number; minEfficiency: number };
  newcomer: { days: number };
  quiet: { days: number };
  bridge: { minCommunitySize: number; maxCrossShare: number };
  ladder: { stuckDays: number; shallowKinds: readonly InteractionKind[] };
  coordinator: { minCentralisation: number; deputies: number };
  whatIf: { exactBetweennessUpTo: number; pivots: number };
}

export const TIP_RULES: Readonly<TipRules> = Object.freeze({
  maxPerKind: 5,
  whatIfTop: 3,
  introduce: { minSharedPartners: 1 },
  broker: { minGroupSize: 2, minBetweenness: 0.4, minEfficiency: 0.8 },
  newcomer: { days: 90 },
  quiet: { days: 90 },
  bridge: { minCommunitySize: 3, maxCrossShare: 0.1 },
  ladder: { stuckDays: 120, shallowKinds: ['acquainted', 'discussed'] as InteractionKind[] },
  coordinator: { minCentralisation: 0.4, deputies: 3 },
  whatIf: { exactBetweennessUpTo: 500, pivots: 128 },
});
