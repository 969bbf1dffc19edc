/**
 * The network as a graph at a date: members who belong to it then, tied where they have interacted
 * inside the tie window. This is what every measure, picture and tip is computed from.
 *
 * Rules:
 * - Nodes: members with a membership span containing `at` (joinedAt ≤ at < leftAt).
 * - Ties: only interactions with occurredAt ≤ at count, filtered by the window (see tie-window.ts).
 *   A group interaction ties every pair of its participants. Participants who are not members at `at`
 *   are left out; the interaction still ties the participants who are.
 * - A tie carries the summary of its interactions (tie-summary.ts); under `decay` it exists while its
 *   decayed strength is ≥ the threshold.
 *
 * Speed: a timeline asks for the same history at many dates. `createGraphTimeline` keeps one graph and,
 * for each date, binary-searches every pair's sorted interaction dates for the window and touches only
 * the ties whose window contents changed; a tie whose window only grew at its recent end is extended
 * rather than summarised again (under decay every strength changes, so all ties are refreshed).
 * Dates may come in any order; ascending dates are the cheap case. `graphAt` is the one-off form.
 */
import { UndirectedGraph } from 'graphology';
import { resolveDepthWeights } from './depth-weights';
import { DAY_MS, toInstant } from './instant';
import { membershipAt } from './network-history';
import type { MemberRecord, MembershipSpan, NetworkHistory, PairLog } from './network-history';
import { extendTie, summariseTie, tieStrength, tieWeighting } from './tie-summary';
import { DEFAULT_DECAY_THRESHOLD, resolveTieWindow } from './tie-window';
import type { DepthWeights, MemberNode, Tie, TieGraph, TieWindow, TieWindowSpec } from './types';

export const GRAPH_AT_DEFAULTS = {
  window: 'cumulative' as TieWindowSpec,
};

export interface GraphTimelineOptions {
  /** Default `cumulative`. */
  window?: TieWindow | TieWindowSpec;
  /** Overrides of DEFAULT_DEPTH_WEIGHTS. */
  weights?: Partial<DepthWeights>;
}

export interface GraphAtOptions extends GraphTimelineOptions {
  at: Date | string;
}

export interface GraphTimeline {
  /**
   * The graph at `at`. The SAME graph object is returned and updated by every call: take what you
   * need from it (or `graph.copy()`) before asking for the next date.
   */
  at(at: Date | string): TieGraph;
}

/** A fresh graph of the network at one date. */
export function graphAt(history: NetworkHistory, options: GraphAtOptions): TieGraph {
  return createGraphTimeline(history, options).at(options.at);
}

/** A graph builder for many dates of one history; reflects changes to the history between calls. */
export function createGraphTimeline(history: NetworkHistory, options: GraphTimelineOptions = {}): GraphTimeline {
  const window = resolveTieWindow(options.window ?? GRAPH_AT_DEFAULTS.window);
  const weighting = tieWeighting(window, resolveDepthWeights(options.weights));
  const decays = window.kind === 'decay';
  const threshold = decays ? (window.threshold ?? DEFAULT_DECAY_THRESHOLD) : 0;
  const graph: TieGraph = new UndirectedGraph<MemberNode, Tie>();
  /** Members in the graph, with the member revision and span their node was drawn from. */
  const drawn = new Map<string, { revision: number; span: MembershipSpan }>();
  /** 1 where the member with that ordinal is in the graph. */
  let present = new Uint8Array(0);
  /** Per pair ordinal: the tie in the graph and the entry range and pair revision it was drawn from. */
  const ties: Array<DrawnTie | undefined> = [];

  const syncMembers = (ms: number): void => {
    if (present.length < history.ordinals.size) {
      const grown = new Uint8Array(Math.max(2 * present.length, history.ordinals.size));
      grown.set(present);
      present = grown;
    }
    for (const member of history.members.values()) {
      const span = membershipAt(member, ms);
      const current = drawn.get(member.id);
      if (span === undefined) {
        if (current !== undefined) {
          graph.forEachEdge(member.id, (key) => {
            const pair = history.pairs.get(key);
            if (pair !== undefined) ties[pair.ordinal] = undefined;
          });
          graph.dropNode(member.id);
          drawn.delete(member.id);
          present[member.ordinal] = 0;
        }
      } else if (current === undefined) {
        graph.addNode(member.id, memberNode(member, span));
        drawn.set(member.id, { revision: member.revision, span });
        present[member.ordinal] = 1;
      } else if (current.revision !== member.revision || current.span !== span) {
        graph.replaceNodeAttributes(member.id, memberNode(member, span));
        drawn.set(member.id, { revision: member.revision, span });
      }
    }
  };

  const drop = (pair: PairLog): void => {
    graph.dropEdge(pair.key);
    ties[pair.ordinal] = undefined;
  };

  const syncTies = (ms: number): void => {
    const after = window.kind === 'sliding' ? ms - window.days * DAY_MS : -Infinity;
    for (const pair of history.pairs.values()) {
      const current = ties[pair.ordinal];
      const both = present[pair.aOrdinal] === 1 && present[pair.bOrdinal] === 1;
      const to = both ? firstAfter(pair.times, ms) : 0;
      const from = both && after > -Infinity ? firstAfter(pair.times, after) : 0;
      if (from >= to) {
        if (current !== undefined) drop(pair);
        continue;
      }
      const sameEntries = current !== undefined && current.revision === pair.revision && current.from === from;
      if (sameEntries && current.to === to && !decays) continue;
      let tie: Tie;
      if (decays) {
        const strength = tieStrength(pair.entries, from, to, ms, weighting);
        if (strength < threshold) {
          if (current !== undefined) drop(pair);
          continue;
        }
        if (sameEntries && current.to === to) {
          // Same interactions, older: only the strength changes.
          graph.setEdgeAttribute(pair.key, 'strength', strength);
          continue;
        }
        tie = summariseTie(pair, from, to, strength);
      } else if (sameEntries && to > current.to) {
        tie = extendTie(current.tie, pair, current.to, to, weighting);
      } else {
        tie = summariseTie(pair, from, to, tieStrength(pair.entries, from, to, ms, weighting));
      }
      if (current === undefined) graph.addUndirectedEdgeWithKey(pair.key, pair.a, pair.b, tie);
      else graph.replaceEdgeAttributes(pair.key, tie);
      ties[pair.ordinal] = { from, to, revision: pair.revision, tie };
    }
  };

  return {
    at(at: Date | string): TieGraph {
      const ms = toInstant(at);
      syncMembers(ms);
      syncTies(ms);
      return graph;
    },
  };
}

interface DrawnTie {
  from: number;
  to: number;
  revision: number;
  tie: Tie;
}

/** A member's node attributes during one membership span. */
export function memberNode(member: MemberRecord, span: MembershipSpan): MemberNode {
  const node: MemberNode = { id: member.id, name: member.name, memberType: member.memberType, role: member.role, joinedAt: span.joinedAt };
  if (member.organisation !== undefined) node.organisation = member.organisation;
  return node;
}

/** Index of the first time strictly after `ms` (times are sorted ascending). */
function firstAfter(times: readonly number[], ms: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (times[mid] <= ms) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
