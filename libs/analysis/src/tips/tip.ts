/** What a tip is: its kind, the members it concerns, evidence and action in English and Finnish. */
import type { MemberMeasures, NetworkMeasures } from '../graph/types';
import type { WhatIf } from './what-if';

/** The kinds, in the order they are listed: most structural first. */
export const TIP_KINDS = [
  'reduce_broker_dependence',
  'integrate_newcomer',
  'spread_coordinator_load',
  'bridge_communities',
  'introduce',
  'climb_ladder',
  'reengage_quiet',
] as const;
export type TipKind = (typeof TIP_KINDS)[number];

export interface Tip {
  /** Stable within a date: kind and the members it turns on. */
  id: string;
  kind: TipKind;
  /** The members the tip concerns (the subject first). */
  members: string[];
  evidence: { en: string; fi: string; figures: Record<string, number | string | string[]> };
  action: { en: string; fi: string };
  whatIf?: WhatIf;
}

export interface TipMeasures {
  members: Record<string, MemberMeasures>;
  network: NetworkMeasures;
}
