/**
 * The network at a date as two CSV tables, nodes and edges, for spreadsheets and for Gephi's
 * spreadsheet import (the `Id`/`Label` and `Source`/`Target`/`Type`/`Weight` headers are the ones it
 * recognises).
 *
 * RFC 4180: CRLF line ends, a header row, fields quoted when they contain a comma, a double quote, CR or
 * LF, and quotes inside quoted fields doubled. One addition: a text field beginning with = + - @ tab or
 * CR is prefixed with an apostrophe, so a spreadsheet shows a member named "=HYPERLINK(…)" as text
 * instead of running it (CSV formula injection, OWASP). Numbers are written in full precision with a
 * decimal point; absent values are empty fields.
 */
import { INTERACTION_KINDS } from '@solmu/network/published';
import type { TieGraph } from '../graph/types';
import { compareKeys } from '../measures/engine/csr';
import { MEASURE_KEYS, sortedEdges } from './graphml';
import type { GraphExportOptions } from './graphml';

export function toCsv(graph: TieGraph, options: GraphExportOptions = {}): { nodes: string; edges: string } {
  const measureColumns = options.members ? MEASURE_KEYS.map(([key]) => key) : [];
  const nodeRows: unknown[][] = [['Id', 'Label', 'organisation', 'memberType', 'role', 'joinedAt', ...measureColumns]];
  for (const id of graph.nodes().sort(compareKeys)) {
    const node = graph.getNodeAttributes(id);
    const measures = options.members?.[id];
    nodeRows.push([id, node.name, node.organisation, node.memberType, node.role, node.joinedAt, ...measureColumns.map((key) => measures?.[key])]);
  }
  const edgeRows: unknown[][] = [['Source', 'Target', 'Type', 'Weight', 'interactions', 'deepestKind', 'first', 'last', ...INTERACTION_KINDS.map((kind) => `count_${kind}`)]];
  for (const [, tie, source, target] of sortedEdges(graph)) {
    edgeRows.push([source, target, 'Undirected', tie.strength, tie.interactions, tie.deepestKind, tie.first, tie.last, ...INTERACTION_KINDS.map((kind) => tie.counts[kind] ?? 0)]);
  }
  return { nodes: table(nodeRows), edges: table(edgeRows) };
}

function table(rows: unknown[][]): string {
  return rows.map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}

/** One RFC 4180 field. */
export function csvField(value: unknown): string {
  return field(value);
}

function field(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
