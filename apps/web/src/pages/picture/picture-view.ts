/**
 * What the picture reads from GET /api/networks/:id/graph and /graph/steps (the OpenAPI document
 * does not describe answers).
 */
export const MEASURES = ['degree', 'strength', 'betweenness', 'closeness', 'eigenvector', 'clustering', 'constraint'] as const;
export type Measure = (typeof MEASURES)[number];

export const MEMBER_TYPES = ['company', 'association', 'incubator', 'network_hub', 'international_hub', 'research', 'policy', 'other'] as const;

export interface PictureNode {
  id: string;
  name: string;
  organisation?: string;
  type: string;
  joinedAt: string;
  measures: Record<Measure, number | null> & Record<string, number | null>;
}

/** What the canvas draws of a tie: a slider stop's frame has this much. */
export interface PictureTie {
  a: string;
  b: string;
  deepestKind: string;
  strength: number;
}

/** A tie as /graph answers it, with what the tables list. */
export interface TieDetails extends PictureTie {
  interactions: number;
  first: string;
  last: string;
}

export interface Picture {
  at: string;
  nodes: PictureNode[];
  ties: PictureTie[];
}

/** The picture as /graph answers it. */
export interface GraphPicture extends Picture {
  ties: TieDetails[];
}

export interface EgoAnswer {
  alters: Array<PictureNode & { tie: TieDetails }>;
}

export type StepInterval = 'week' | 'month';

/**
 * GET /graph/steps: the picture at every slider stop. Members and ties are listed once; a frame names
 * its members by index, with each measure aligned with them, and carries only the ties that appeared
 * or changed since the frame before (`ties`: flat [tie, kind, strength] triples) and those that went (`gone`).
 */
export interface StepsAnswer {
  interval: StepInterval;
  window: string;
  timeZone: string;
  steps: string[];
  members: Array<{ id: string; name: string; organisation?: string; type: string; role: string; joinedAt: string }>;
  ties: Array<[number, number]>;
  kinds: string[];
  frames: Array<{ at: string; members: number[]; ties: number[]; gone: number[]; measures: Record<Measure, Array<number | null>> }>;
}

export interface TieHistoryAnswer {
  interactions: Array<{ id: string; kind: string; occurredAt: string; participants: number }>;
}

/** Colours with AA contrast on white, one per member type (colour-blind-safe Okabe–Ito order where it reaches). */
export const TYPE_COLOURS: Record<string, string> = {
  company: '#0072b2',
  association: '#d55e00',
  incubator: '#009e73',
  network_hub: '#cc79a7',
  international_hub: '#7a5c00',
  research: '#56508f',
  policy: '#a0282d',
  other: '#5f6b73',
};

/** Ties from pale (knowing) to dark (commitment): the ladder reads as depth. */
export const KIND_COLOURS: Record<string, string> = {
  acquainted: '#b9cdd6',
  discussed: '#98b4c2',
  exchanged_information: '#8fbf7f',
  explored_collaboration: '#5a9e4b',
  outlined_goals: '#e0a458',
  co_developed: '#c0702a',
  evaluated_learning: '#7d3c0c',
};
