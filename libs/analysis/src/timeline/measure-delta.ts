/**
 * The difference between two sets of network measures (later − earlier), field by field, for
 * before/after comparisons. A field that is null on either side has a null difference.
 */
import { INTERACTION_KINDS } from '@solmu/network/published';
import type { InteractionKind } from '@solmu/network/published';
import type { NetworkMeasures } from '../graph/types';

type ScalarKey = Exclude<keyof NetworkMeasures, 'ladderProfile'>;

export type MeasureDelta = { [K in ScalarKey]: NetworkMeasures[K] extends number ? number : number | null } & {
  ladderProfile: Record<InteractionKind, number>;
};

export function measureDelta(earlier: NetworkMeasures, later: NetworkMeasures): MeasureDelta {
  const delta: Record<string, unknown> = {};
  for (const key of Object.keys(later) as Array<keyof NetworkMeasures>) {
    if (key === 'ladderProfile') continue;
    const a = earlier[key] as number | null;
    const b = later[key] as number | null;
    delta[key] = a === null || b === null ? null : b - a;
  }
  delta.ladderProfile = Object.fromEntries(INTERACTION_KINDS.map((kind) => [kind, later.ladderProfile[kind] - earlier.ladderProfile[kind]]));
  return delta as MeasureDelta;
}
