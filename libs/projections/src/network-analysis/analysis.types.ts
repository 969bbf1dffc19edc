/**
 * The shapes the analysis queries take and answer, shared by the handlers on the main thread and the
 * engine in the analysis worker.
 */
import type { PictureStepInterval, TimelineInterval } from '@solmu/analysis';
import type { AnalysisAt, GraphNode, GraphTie } from './analysis-view';

export interface TimelineQueryOptions {
  /** Without `interval` the timeline chooses one that fits the history (and says so). */
  interval?: TimelineInterval;
  window?: string;
  from?: string;
  to?: string;
}

export interface PictureStepsQueryOptions {
  /** Default `month`. */
  interval?: PictureStepInterval;
  window?: string;
}

export interface EgoNetwork {
  member: GraphNode;
  at: string;
  window: string;
  /** The member's contacts, closest first: deepest kind on the ladder, then strength, then most recent. */
  alters: Array<GraphNode & { tie: GraphTie }>;
  /** Ties among the contacts: who of them know each other. */
  tiesAmongAlters: GraphTie[];
}

export interface TieHistory {
  a: string;
  b: string;
  interactions: Array<{ id: string; kind: string; occurredAt: string; initiator?: string; participants: number }>;
}

export type ExportFormat = 'graphml' | 'nodes.csv' | 'edges.csv' | 'gexf';

/** `at` and `window` for the snapshot formats; `window` and `interval` (of the dynamic weights) for GEXF. */
export interface ExportOptions extends AnalysisAt {
  interval?: 'day' | 'week' | 'month';
}

export interface InterventionEffectOptions {
  window?: string;
  days?: number;
}
