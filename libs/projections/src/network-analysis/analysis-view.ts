import { Clock, readDateInput } from '@solmu/kernel';
import { createGraphTimeline, LoggedBy, NetworkHistory, createLiveMeasures, createWhatIfMemo, Csr, DepthWeights, GraphTimeline, LiveMeasures, measureGraph, MemberMeasures, NetworkMeasures, parseTieWindow, Tie, TieGraph, WhatIfMemo } from '@solmu/analysis';

/** A network's folded history, as the analysis worker owning it keeps it. */
export interface AnalysedNetwork {
  history: NetworkHistory;
  /** Who logged each interaction, for the timeline's coverage. */
  loggedBy: LoggedBy;
}

/** `at` and `window` as every analysis endpoint accepts them. */
export interface AnalysisAt {
  at?: string;
  window?: string;
}

export interface GraphNode {
  id: string;
  name: string;
  organisation?: string;
  type: string;
  role: string;
  joinedAt: string;
  measures: MemberMeasures;
}

export interface GraphTie extends Tie {
  a: string;
  b: string;
}

export interface GraphSnapshot {
  networkId: string;
  /** The instant drawn (a date alone is read as the end of that day in `timeZone`). */
  at: string;
  window: string;
  /** The network's zone, in which an offset-less `at` was read. */
  timeZone: string;
  measures: NetworkMeasures;
  /**
   * Betweenness (and its centralisation and Gini) is exact, or, in the live "now" picture of a large
   * network, estimated from a sample of sources (docs/metrics.md gives the measured error).
   */
  accuracy: { betweenness: 'exact' | 'sampled'; sources: number };
  nodes: GraphNode[];
  ties: GraphTie[];
}

/**
 * Resolves `at` (default now; a date alone is the END of that day, so "at 30 June" includes 30 June;
 * an offset-less time is read in the network's `timeZone`) and `window` (default cumulative). A bad
 * value throws the library's own ValidationFailed, naming the field (`invalid_date`, `invalid_tie_window`).
 */
export function resolveAt(input: AnalysisAt, clock: Clock, timeZone = 'UTC'): { at: Date; window: string } {
  const window = input.window ?? 'cumulative';
  parseTieWindow(window);
  return { at: input.at !== undefined ? new Date(readDateInput(input.at, 'at', timeZone, 'end')) : clock.now(), window };
}

/**
 * Draws the graph at a date and measures it. Each network and window keeps one graph builder that
 * updates only the ties that changed since the last date it drew, so after a new interaction the
 * "now" graph is redrawn in milliseconds, not rebuilt; and one live measurer that updates the "now"
 * measures from the previous ones (libs/analysis live-measures.ts). The latest picture is also
 * cached until the network changes (or a minute passes, as sliding windows move with time), so a
 * dashboard that polls does not recompute anything. Pictures at a given date are measured exactly.
 */
export class GraphSnapshots {
  private readonly cache = new Map<string, { revision: number; computedAt: number; snapshot: GraphSnapshot; csr?: Csr }>();
  private readonly builders = new Map<string, { history: object; builder: GraphTimeline; live: LiveMeasures; whatIf: WhatIfMemo }>();

  constructor(private readonly clock: Clock) {}

  snapshot(
    networkId: string,
    network: AnalysedNetwork,
    at: Date,
    window: string,
    isNow: boolean,
    weights?: Partial<DepthWeights>,
    timeZone = 'UTC',
  ): { graph: TieGraph; snapshot: GraphSnapshot; csr?: Csr; whatIf?: WhatIfMemo } {
    const key = `${networkId}|${window}|${JSON.stringify(weights ?? {})}|${timeZone}`;
    const cached = isNow ? this.cache.get(key) : undefined;
    const now = this.clock.now().getTime();
    if (cached && cached.revision === network.history.revision && now - cached.computedAt < 60_000) {
      // The builder may have drawn other dates since: bring its graph back to this one (no measuring).
      const entry = this.builder(key, network, window, weights);
      return { graph: entry.builder.at(cached.snapshot.at), snapshot: cached.snapshot, csr: cached.csr, whatIf: entry.whatIf };
    }
    // The builder's graph is reused by its next call: everything is read from it before returning.
    const { builder, live, whatIf } = this.builder(key, network, window, weights);
    const graph = builder.at(at);
    let measured: { members: Record<string, MemberMeasures>; network: NetworkMeasures; csr?: Csr };
    let accuracy: GraphSnapshot['accuracy'];
    if (isNow) {
      const result = live.measure(graph);
      measured = result;
      accuracy = { betweenness: result.betweenness.exact ? 'exact' : 'sampled', sources: result.betweenness.pivots };
    } else {
      measured = measureGraph(graph);
      accuracy = { betweenness: 'exact', sources: graph.order };
    }
    const { members, network: measures } = measured;
    const snapshot: GraphSnapshot = {
      networkId,
      at: at.toISOString(),
      window,
      timeZone,
      measures,
      accuracy,
      nodes: graph.mapNodes((id, node) => ({
        id,
        name: node.name,
        ...(node.organisation !== undefined && { organisation: node.organisation }),
        type: node.memberType,
        role: node.role,
        joinedAt: node.joinedAt,
        measures: members[id],
      })),
      ties: graph.mapEdges((_key, tie, a, b) => ({ a, b, ...tie })),
    };
    if (isNow) this.cache.set(key, { revision: network.history.revision, computedAt: now, snapshot, csr: measured.csr });
    return { graph, snapshot, csr: measured.csr, whatIf: isNow ? whatIf : undefined };
  }

  /** Forgets the pictures and builders of a network (it is evicted). */
  forget(networkId: string): void {
    for (const map of [this.cache, this.builders]) for (const key of map.keys()) if (key.startsWith(`${networkId}|`)) map.delete(key);
  }

  private builder(key: string, network: AnalysedNetwork, window: string, weights?: Partial<DepthWeights>) {
    let entry = this.builders.get(key);
    if (!entry || entry.history !== network.history) {
      entry = { history: network.history, builder: createGraphTimeline(network.history, { window, weights }), live: createLiveMeasures(), whatIf: createWhatIfMemo() };
      this.builders.set(key, entry);
    }
    return entry;
  }
}
