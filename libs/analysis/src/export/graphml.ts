/**
 * The network at a date as GraphML (graphml.graphdrawing.org), for yEd, Gephi, Cytoscape, networkx
 * (`read_graphml`) and igraph. Undirected; node and edge keys typed so tools read numbers as numbers.
 *
 * Nodes carry the member's profile (name, organisation, memberType, role, joinedAt) and, when given,
 * their measures; edges carry the tie's summary (interactions, strength, deepestKind, first, last and
 * the count of each kind). Missing values are left out (GraphML's "no data"), never written as "null".
 */
import { INTERACTION_KINDS } from '@solmu/network/published';
import type { MemberMeasures, TieGraph } from '../graph/types';
import { compareKeys } from '../measures/engine/csr';
import { attributes, escapeXml } from './xml';

export interface GraphExportOptions {
  /** Member measures of this graph (e.g. from measureGraph), written as node attributes. */
  members?: Record<string, MemberMeasures>;
}

type KeyType = 'string' | 'int' | 'double';

const NODE_KEYS: Array<[string, KeyType]> = [
  ['name', 'string'],
  ['organisation', 'string'],
  ['memberType', 'string'],
  ['role', 'string'],
  ['joinedAt', 'string'],
];
export const MEASURE_KEYS: Array<[keyof MemberMeasures, KeyType]> = [
  ['degree', 'int'],
  ['strength', 'double'],
  ['betweenness', 'double'],
  ['betweennessNormalized', 'double'],
  ['closeness', 'double'],
  ['eigenvector', 'double'],
  ['clustering', 'double'],
  ['effectiveSize', 'double'],
  ['efficiency', 'double'],
  ['constraint', 'double'],
  ['community', 'int'],
];
const EDGE_KEYS: Array<[string, KeyType]> = [
  ['interactions', 'int'],
  ['strength', 'double'],
  ['deepestKind', 'string'],
  ['first', 'string'],
  ['last', 'string'],
  ...INTERACTION_KINDS.map((kind): [string, KeyType] => [`count_${kind}`, 'int']),
];

export function toGraphML(graph: TieGraph, options: GraphExportOptions = {}): string {
  const nodeKeys = options.members ? [...NODE_KEYS, ...MEASURE_KEYS] : NODE_KEYS;
  const lines: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
      'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
  ];
  for (const [name, type] of nodeKeys) lines.push(`  <key${attributes({ id: `n_${name}`, for: 'node', 'attr.name': name, 'attr.type': type })}/>`);
  for (const [name, type] of EDGE_KEYS) lines.push(`  <key${attributes({ id: `e_${name}`, for: 'edge', 'attr.name': name, 'attr.type': type })}/>`);
  lines.push('  <graph id="G" edgedefault="undirected">');
  for (const id of graph.nodes().sort(compareKeys)) {
    const node = graph.getNodeAttributes(id);
    const values: Record<string, unknown> = { name: node.name, organisation: node.organisation, memberType: node.memberType, role: node.role, joinedAt: node.joinedAt };
    const measures = options.members?.[id];
    if (measures) for (const [key] of MEASURE_KEYS) values[key] = measures[key];
    lines.push(`    <node${attributes({ id })}>${data('n', nodeKeys, values)}</node>`);
  }
  for (const [key, tie, source, target] of sortedEdges(graph)) {
    const values: Record<string, unknown> = { interactions: tie.interactions, strength: tie.strength, deepestKind: tie.deepestKind, first: tie.first, last: tie.last };
    for (const kind of INTERACTION_KINDS) values[`count_${kind}`] = tie.counts[kind];
    lines.push(`    <edge${attributes({ id: key, source, target })}>${data('e', EDGE_KEYS, values)}</edge>`);
  }
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}

function data(prefix: string, keys: Array<[string, KeyType]>, values: Record<string, unknown>): string {
  let out = '';
  for (const [name] of keys) {
    const value = values[name];
    if (value === undefined || value === null || (typeof value === 'number' && !Number.isFinite(value))) continue;
    out += `<data key="${prefix}_${name}">${escapeXml(String(value))}</data>`;
  }
  return out;
}

/** Edges as [key, tie, source, target], the two ends in key order, sorted by the pair. */
export function sortedEdges(graph: TieGraph): Array<[string, ReturnType<TieGraph['getEdgeAttributes']>, string, string]> {
  const edges = graph.mapEdges((key, tie, a, b): [string, typeof tie, string, string] => (compareKeys(a, b) <= 0 ? [key, tie, a, b] : [key, tie, b, a]));
  return edges.sort((x, y) => compareKeys(x[2], y[2]) || compareKeys(x[3], y[3]));
}
