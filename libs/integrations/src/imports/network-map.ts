import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Sheet } from './sheets';

/**
 * A network map from Gephi or Kumu (GEXF or GraphML) as the two sheets a spreadsheet import would
 * have: its nodes as members (named by their label, else their id) and its edges as `acquainted`
 * interactions on the day the caller chooses. The rest of the import (matching, problems, commands)
 * is then the same as for spreadsheets.
 */
export function readNetworkMap(bytes: Uint8Array, format: 'gexf' | 'graphml', date: string): Sheet[] | { problem: string } {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', removeNSPrefix: true, isArray: (name) => ['node', 'edge', 'data', 'attvalue', 'graph'].includes(name), processEntities: true });
  const text = Buffer.from(bytes).toString('utf8');
  // The parser is lenient (it accepts unclosed elements); a half-saved map should be refused, not half read.
  const valid = XMLValidator.validate(text);
  if (valid !== true) return { problem: `is not well-formed XML: ${valid.err.msg} (line ${valid.err.line})` };
  const doc: Record<string, any> = parser.parse(text);
  const graph = format === 'gexf' ? doc.gexf?.graph?.[0] : doc.graphml?.graph?.[0];
  if (!graph) return { problem: `has no <graph> inside <${format}>` };
  const nodes: any[] = (format === 'gexf' ? graph.nodes?.node : graph.node) ?? [];
  const edges: any[] = (format === 'gexf' ? graph.edges?.edge : graph.edge) ?? [];
  const labelKeys = format === 'graphml' ? graphmlLabelKeys(doc.graphml) : new Set<string>();
  const names = new Map<string, string>();
  for (const node of nodes) {
    const id = String(node.id ?? '');
    const label = format === 'gexf' ? node.label : (node.data ?? []).find((d: any) => labelKeys.has(String(d.key)))?.['#text'];
    names.set(id, String(label ?? id).trim());
  }
  // New members join on the map's day, so that its ties are between members on that day.
  const members: Sheet = { name: 'nodes', rows: [['name', 'joinedAt'], ...[...names.values()].map((n) => [n, date])] };
  const interactions: Sheet = {
    name: 'edges',
    rows: [['kind', 'date', 'participants'], ...edges.map((e) => ['acquainted', date, [names.get(String(e.source)) ?? String(e.source), names.get(String(e.target)) ?? String(e.target)].join('|')])],
  };
  return [members, interactions];
}

/** GraphML names node attributes by keys; the one for labels is called label, name or Label. */
function graphmlLabelKeys(graphml: any): Set<string> {
  const keys: any[] = Array.isArray(graphml?.key) ? graphml.key : graphml?.key ? [graphml.key] : [];
  return new Set(keys.filter((k) => (k.for ?? 'node') !== 'edge' && /^(label|name|nimi)$/i.test(String(k['attr.name'] ?? k.id))).map((k) => String(k.id)));
}
