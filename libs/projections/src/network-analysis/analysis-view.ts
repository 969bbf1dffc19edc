import { Clock, ValidationFailed } from '@solmu/kernel';
import { graphAt, measureGraph, MemberMeasures, NetworkMeasures, parseTieWindow, Tie, TieGraph } from '@solmu/analysis';
import { AnalysedNetwork } from './network-analysis.projection';

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
  at: string;
  window: string;
  measures: NetworkMeasures;
  nodes: GraphNode[];
  ties: GraphTie[];
}

/** Resolves `at` (default now) and `window` (default cumulative), naming the field when bad. */
export function resolveAt(input: AnalysisAt, clock: Clock): { at: Date; window: string } {
  const window = input.window ?? 'cumulative';
  try {
    parseTieWindow(window);
  } catch (error) {
    throw ValidationFailed.field('window', `${(error as Error).message} (use cumulative, sliding:<days> or decay:<half-life days>)`);
  }
  return { at: input.at ? new Date(input.at) : clock.now(), window };
}

/**
 * Draws the graph at a date and measures it. The latest picture is cached per window until the
 * network changes (or a minute passes, as sliding windows move with time), so a dashboard that
 * polls does not recompute.
 */
export class GraphSnapshots {
  private readonly cache = new Map<string, { revision: number; computedAt: number; graph: TieGraph; snapshot: GraphSnapshot }>();

  constructor(private readonly clock: Clock) {}

  snapshot(networkId: string, network: AnalysedNetwork, at: Date, window: string, isNow: boolean): { graph: TieGraph; snapshot: GraphSnapshot } {
    const key = `${networkId}|${window}`;
    const cached = isNow ? this.cache.get(key) : undefined;
    const now = this.clock.now().getTime();
    if (cached && cached.revision === network.history.revision && now - cached.computedAt < 60_000) return cached;
    const graph = graphAt(network.history, { at, window });
    const { members, network: measures } = measureGraph(graph);
    const snapshot: GraphSnapshot = {
      networkId,
      at: at.toISOString(),
      window,
      measures,
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
    const result = { revision: network.history.revision, computedAt: now, graph, snapshot };
    if (isNow) this.cache.set(key, result);
    return result;
  }
}
