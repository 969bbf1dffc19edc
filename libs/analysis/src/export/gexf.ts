/**
 * The network's development as a dynamic GEXF 1.3 file (gexf.net), so Gephi's timeline can play it:
 * members appear and leave, ties appear, deepen and (under a sliding or decay window) fade.
 *
 * - `mode="dynamic"`, `timeformat="date"`, interval representation. GEXF 1.3 intervals are inclusive
 *   at both ends; a spell without `end` is still open at the end of the export.
 * - The network is sampled at the end of every day (default; exact at the resolution of a date), week
 *   or month in UTC, with the timeline's incremental builder, under the tie window given. A node's
 *   spells are the dates it is a member at the end of the day; an edge's spells are the dates its tie
 *   exists under the window (a sliding:90 tie lives 90 days after its last interaction).
 * - Static node attributes: organisation, memberType, role (the profile as it is now), with the member
 *   type as the node colour (seed `003_…txt` colours its example picture by type). Dynamic edge
 *   attributes: deepestKind and interactions, and strength except under decay (where it changes daily).
 * - `meta lastmodifieddate` is the last sampled date: the library reads no clock.
 */
import type { MemberType } from '@solmu/network/published';
import { DAY_MS, toInstant } from '../graph/instant';
import type { NetworkHistory } from '../graph/network-history';
import { formatTieWindow, resolveTieWindow } from '../graph/tie-window';
import type { DepthWeights, TieWindow, TieWindowSpec } from '../graph/types';
import { compareKeys } from '../measures/engine/csr';
import { calendarBuckets } from '../timeline/calendar';
import { historyRange } from '../timeline/timeline';
import { forEachWindowGraph } from '../timeline/window-graphs';
import { attributes, escapeXml } from './xml';

export interface DynamicGexfOptions {
  /** Default `cumulative`. */
  window?: TieWindow | TieWindowSpec;
  /** Sampling step; default `day`. */
  interval?: 'day' | 'week' | 'month';
  /** Default: the founding (or the earliest dated event) to the latest dated event. */
  from?: Date | string;
  to?: Date | string;
  weights?: Partial<DepthWeights>;
}

/** At most this many samples (about 27 years of days). */
export const MAX_GEXF_STEPS = 10_000;

const TYPE_COLOURS: Record<MemberType, [number, number, number]> = {
  company: [31, 119, 180],
  association: [255, 127, 14],
  incubator: [44, 160, 44],
  network_hub: [214, 39, 40],
  international_hub: [148, 103, 189],
  research: [140, 86, 75],
  policy: [227, 119, 194],
  other: [127, 127, 127],
};

interface Spell {
  start: string;
  end?: string;
}

interface Track {
  spells: Spell[];
  /** Dynamic attribute values: attribute → list of (value, spell). */
  values: Map<string, Array<{ value: string; spell: Spell }>>;
}

export function toDynamicGexf(history: NetworkHistory, options: DynamicGexfOptions = {}): string {
  const window = resolveTieWindow(options.window);
  const range = historyRange(history);
  const fromMs = options.from !== undefined ? toInstant(options.from) : range?.from;
  const toMs = options.to !== undefined ? toInstant(options.to) : range?.to;
  const instants = fromMs === undefined || toMs === undefined ? [] : samples(options.interval ?? 'day', fromMs, toMs);
  const labels = instants.map((ms) => new Date(ms).toISOString().slice(0, 10));
  const dynamicStrength = window.kind !== 'decay';

  const nodes = new Map<string, Track>();
  const edges = new Map<string, Track & { source: string; target: string }>();
  const openNodes = new Set<string>();
  const openEdges = new Set<string>();
  forEachWindowGraph(history, instants, { window, weights: options.weights }, (graph, step) => {
    const label = labels[step];
    const previous = step > 0 ? labels[step - 1] : label;
    const seenNodes = new Set<string>();
    graph.forEachNode((id) => {
      seenNodes.add(id);
      let track = nodes.get(id);
      if (track === undefined) nodes.set(id, (track = { spells: [], values: new Map() }));
      if (!openNodes.has(id)) {
        track.spells.push({ start: label });
        openNodes.add(id);
      }
    });
    for (const id of openNodes) {
      if (seenNodes.has(id)) continue;
      const track = nodes.get(id)!;
      track.spells[track.spells.length - 1].end = previous;
      openNodes.delete(id);
    }
    const seenEdges = new Set<string>();
    graph.forEachEdge((key, tie, a, b) => {
      seenEdges.add(key);
      let track = edges.get(key);
      if (track === undefined) {
        const [source, target] = compareKeys(a, b) <= 0 ? [a, b] : [b, a];
        edges.set(key, (track = { spells: [], values: new Map(), source, target }));
      }
      if (!openEdges.has(key)) {
        track.spells.push({ start: label });
        openEdges.add(key);
      }
      const values: Record<string, string> = { deepestKind: tie.deepestKind, interactions: String(tie.interactions) };
      if (dynamicStrength) values.strength = String(tie.strength);
      for (const [name, value] of Object.entries(values)) {
        let list = track.values.get(name);
        if (list === undefined) track.values.set(name, (list = []));
        const last = list[list.length - 1];
        if (last !== undefined && last.spell.end === undefined && last.value === value) continue;
        if (last !== undefined && last.spell.end === undefined) last.spell.end = previous;
        list.push({ value, spell: { start: label } });
      }
    });
    for (const key of openEdges) {
      if (seenEdges.has(key)) continue;
      const track = edges.get(key)!;
      track.spells[track.spells.length - 1].end = previous;
      for (const list of track.values.values()) {
        const last = list[list.length - 1];
        if (last.spell.end === undefined) last.spell.end = previous;
      }
      openEdges.delete(key);
    }
  });

  const lines: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
      'xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">',
    `  <meta${attributes({ lastmodifieddate: labels[labels.length - 1] })}>`,
    '    <creator>Solmu</creator>',
    `    <description>${escapeXml(`${history.name ?? 'Network'}: ties under the ${formatTieWindow(window)} window, sampled by ${options.interval ?? 'day'}`)}</description>`,
    '  </meta>',
    `  <graph${attributes({ mode: 'dynamic', defaultedgetype: 'undirected', timeformat: 'date', timerepresentation: 'interval', start: labels[0], end: labels[labels.length - 1] })}>`,
    '    <attributes class="node" mode="static">',
    '      <attribute id="organisation" title="organisation" type="string"/>',
    '      <attribute id="memberType" title="memberType" type="string"/>',
    '      <attribute id="role" title="role" type="string"/>',
    '    </attributes>',
    '    <attributes class="edge" mode="dynamic">',
    '      <attribute id="deepestKind" title="deepestKind" type="string"/>',
    '      <attribute id="interactions" title="interactions" type="integer"/>',
    ...(dynamicStrength ? ['      <attribute id="strength" title="strength" type="double"/>'] : []),
    '    </attributes>',
    '    <nodes>',
  ];
  for (const id of [...nodes.keys()].sort(compareKeys)) {
    const member = history.members.get(id)!;
    const [r, g, b] = TYPE_COLOURS[member.memberType] ?? TYPE_COLOURS.other;
    const values = [
      member.organisation !== undefined ? `<attvalue${attributes({ for: 'organisation', value: member.organisation })}/>` : '',
      `<attvalue${attributes({ for: 'memberType', value: member.memberType })}/>`,
      `<attvalue${attributes({ for: 'role', value: member.role })}/>`,
    ].join('');
    lines.push(
      `      <node${attributes({ id, label: member.name })}><attvalues>${values}</attvalues>${spells(nodes.get(id)!.spells)}<viz:color${attributes({ r, g, b })}/></node>`,
    );
  }
  lines.push('    </nodes>', '    <edges>');
  for (const key of [...edges.keys()].sort(compareKeys)) {
    const track = edges.get(key)!;
    const values = [...track.values].flatMap(([name, list]) => list.map(({ value, spell }) => `<attvalue${attributes({ for: name, value, start: spell.start, end: spell.end })}/>`));
    lines.push(`      <edge${attributes({ id: key, source: track.source, target: track.target })}><attvalues>${values.join('')}</attvalues>${spells(track.spells)}</edge>`);
  }
  lines.push('    </edges>', '  </graph>', '</gexf>', '');
  return lines.join('\n');
}

function spells(list: Spell[]): string {
  return `<spells>${list.map((spell) => `<spell${attributes({ start: spell.start, end: spell.end })}/>`).join('')}</spells>`;
}

/** The last millisecond of every day, week or month from the one containing fromMs to the one containing toMs. */
function samples(interval: 'day' | 'week' | 'month', fromMs: number, toMs: number): number[] {
  if (interval !== 'day') return calendarBuckets(interval, fromMs, toMs).map((bucket) => bucket.endMs - 1);
  const first = Math.floor(fromMs / DAY_MS);
  const last = Math.floor(toMs / DAY_MS);
  if (last - first + 1 > MAX_GEXF_STEPS) throw new RangeError(`a dynamic GEXF has at most ${MAX_GEXF_STEPS} samples; use a longer interval`);
  const out: number[] = [];
  for (let day = first; day <= last; day++) out.push((day + 1) * DAY_MS - 1);
  return out;
}
