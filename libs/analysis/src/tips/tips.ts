/**
 * Tips for strengthening a network — what Uotta (seed `003_…txt`) promises: "antaa analyysejä ja
 * vinkkejä verkostojen vahvistamiseen". Each tip names the members it concerns, says why in figures a
 * coordinator can check (evidence), what to do (action), in English and Finnish, and, where the tip is
 * a new tie, previews its effect on the structure (what-if).
 *
 * This file only orders the work: one finder per kind in finders/ (each file says what its kind looks
 * for and why), all reading one Scene (scene.ts). Kinds are listed most structural first (TIP_KINDS).
 *
 * Inputs: the graph at a date (graphAt) and its measures (measureGraph). Quiet members are found from
 * the history when it is given, else from the ties' last dates. Every threshold is in TIP_RULES.
 */
import { toInstant } from '../graph/instant';
import type { NetworkHistory } from '../graph/network-history';
import type { TieGraph } from '../graph/types';
import { toCsr } from '../measures/engine/csr';
import type { Csr } from '../measures/engine/csr';
import { brokers } from './finders/brokers';
import { closedGroups } from './finders/closed-groups';
import { coordinatorLoad } from './finders/coordinator-load';
import { introductions } from './finders/introductions';
import { newcomers } from './finders/newcomers';
import { quietMembers } from './finders/quiet-members';
import { stuckPairs } from './finders/stuck-pairs';
import { Scene } from './scene';
import { TIP_KINDS } from './tip';
import type { Tip, TipKind, TipMeasures } from './tip';
import { TIP_RULES } from './tip-rules';
import type { TipRules } from './tip-rules';
import { createWhatIfMemo } from './what-if-memo';
import type { WhatIfMemo } from './what-if-memo';

export interface TipContext {
  /** The date the graph was drawn at. */
  at: Date | string;
  /** The network's history, to find members who have gone quiet even when the window hides their ties. */
  history?: NetworkHistory;
  rules?: TipRules;
  /**
   * The caller's CSR of this same graph, if it has one (weights are not read), so tips need not build
   * it again. One whose members or number of ties differ from the graph's is ignored.
   */
  csr?: Csr;
  /** What-if work kept from the previous tips of the same live picture (what-if-memo.ts). */
  whatIf?: WhatIfMemo;
}

export function tips(graph: TieGraph, measures: TipMeasures, context: TipContext): Tip[] {
  const rules = context.rules ?? TIP_RULES;
  const given = context.csr;
  const fits = given !== undefined && given.n === graph.order && given.m === graph.size && given.keys.every((key) => graph.hasNode(key));
  const csr = fits ? given : toCsr(graph, { weightAttribute: null });
  const scene = new Scene(graph, csr, measures, toInstant(context.at), rules, context.whatIf ?? createWhatIfMemo());
  const byKind: Record<TipKind, Tip[]> = {
    reduce_broker_dependence: brokers(scene),
    integrate_newcomer: newcomers(scene),
    spread_coordinator_load: coordinatorLoad(scene),
    bridge_communities: closedGroups(scene),
    introduce: introductions(scene),
    climb_ladder: stuckPairs(scene),
    reengage_quiet: quietMembers(scene, context.history),
  };
  return TIP_KINDS.flatMap((kind) => byKind[kind]);
}

/** The tips that concern one member (members see tips about themselves; coordinators see them all). */
export function tipsFor(all: readonly Tip[], memberId: string): Tip[] {
  return all.filter((tip) => tip.members.includes(memberId));
}
