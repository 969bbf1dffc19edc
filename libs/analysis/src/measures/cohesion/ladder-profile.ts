/**
 * Ladder profile: the share of ties whose deepest interaction is each step of the ladder
 * (acquainted → … → evaluated_learning). The brief's development runs from knowing through trust to
 * commitment; the profile shows where the network's ties sit on that ladder and whether they climb.
 *
 * Conventions: every kind is a key, shallowest first; shares sum to 1 when there are ties, and are
 * all 0 when there are none. Ties without a known `deepestKind` (plain graphs) count in the
 * denominator only.
 */
import { INTERACTION_KINDS } from '@solmu/network/published';
import type { InteractionKind } from '@solmu/network/published';
import type { AbstractGraph, Attributes } from 'graphology-types';

export function ladderProfile(graph: AbstractGraph<Attributes, Attributes>): Record<InteractionKind, number> {
  const counts = Object.fromEntries(INTERACTION_KINDS.map((kind) => [kind, 0])) as Record<InteractionKind, number>;
  let ties = 0;
  graph.forEachEdge((_edge, attributes, source, target) => {
    if (source === target) return;
    ties++;
    const kind = attributes.deepestKind as InteractionKind | undefined;
    if (kind !== undefined && kind in counts) counts[kind]++;
  });
  if (ties > 0) for (const kind of INTERACTION_KINDS) counts[kind] /= ties;
  return counts;
}
