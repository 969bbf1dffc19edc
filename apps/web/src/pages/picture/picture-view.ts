/** What the picture reads from GET /api/networks/:id/graph (the OpenAPI document does not describe answers). */
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

export interface PictureTie {
  a: string;
  b: string;
  deepestKind: string;
  strength: number;
  interactions: number;
  first: string;
  last: string;
}

export interface Picture {
  at: string;
  nodes: PictureNode[];
  ties: PictureTie[];
}

export interface EgoAnswer {
  alters: Array<PictureNode & { tie: PictureTie }>;
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
