/**
 * The network's development as a dynamic GEXF 1.3 file (gexf.net), so Gephi's timeline can play it:
 * members appear and leave, ties appear, deepen and (under a sliding or decay window) fade.
 *
 * - `mode="dynamic"`, `timeformat="date"`, interval representation. GEXF 1.3 intervals are inclusive
 *   at both ends; a spell without `end` is still open at the end of the export.
 * - Spells are exact to the day: a node or tie is in a day's spell when it is in the network at the
 *   end of that day (as graphAt draws it then, under the tie window given). They are computed from
 *   the change points — joins, leaves, interactions entering and (sliding) leaving the window, and
 *   (decay) the day the strength falls under the threshold — never by sampling every day, so the
 *   work and the file grow with the events, not with ties × days: a century of history is no harder
 *   than a year.
 * - Dynamic edge attributes: deepestKind and interactions, and strength except under decay (where it
 *   changes daily). `interval` sets their step: `day` (default) gives every change; `week` or `month`
 *   (UTC calendar, as the timeline) give each week or month the value at its last day on which the
 *   tie exists, spanning the whole week or month — a smaller file for long, busy histories.
 * - Static node attributes: organisation, memberType, role (the profile as it is now), with the member
 *   type as the node colour (seed `003_…txt` colours its example picture by type).
 * - `meta lastmodifieddate` is the last day of the export: the library reads no clock.
 * - {@link dynamicGexf} computes everything first (so a bad option fails before a byte is written) and
 *   then yields the file in pieces, for streaming; {@link toDynamicGexf} joins them.
 */
import type { MemberType } from '@solmu/network/published';
import { INTERACTION_KINDS } from '@solmu/network/published';
import { ValidationFailed } from '@solmu/kernel';
import { resolveDepthWeights } from '../graph/depth-weights';
import { DAY_MS, toInstant } from '../graph/instant';
import type { MemberRecord, NetworkHistory, PairLog } from '../graph/network-history';
import { tieStrength, tieWeighting } from '../graph/tie-summary';
import type { TieWeighting } from '../graph/tie-summary';
import { DEFAULT_DECAY_THRESHOLD, formatTieWindow, resolveTieWindow } from '../graph/tie-window';
import type { DepthWeights, TieWindow, TieWindowSpec } from '../graph/types';
import { compareKeys } from '../measures/engine/csr';
import { bucketStart, nextBucketStart } from '../timeline/calendar';
import { historyRange } from '../timeline/timeline';
import { attributes, escapeXml } from './xml';

export const GEXF_INTERVALS = ['day', 'week', 'month'] as const;
export type GexfInterval = (typeof GEXF_INTERVALS)[number];

export interface DynamicGexfOptions {
  /** Default `cumulative`. */
  window?: TieWindow | TieWindowSpec;
  /** Step of the dynamic tie attributes; default `day` (every change). Spells are always exact to the day. */
  interval?: GexfInterval;
  /** Default: the founding (or the earliest dated event) to the latest dated event. */
  from?: Date | string;
  to?: Date | string;
  weights?: Partial<DepthWeights>;
}

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

const DEPTHS = INTERACTION_KINDS.length;

/** Inclusive day numbers (days since 1970-01-01 UTC); `last` undefined: still open at the end. */
interface DaySpell {
  first: number;
  last: number;
}

interface AttributeSpell {
  value: string;
  first: number;
  last: number;
}

interface EdgeTrack {
  key: string;
  source: string;
  target: string;
  spells: DaySpell[];
  values: Map<string, AttributeSpell[]>;
}

/** The whole file as one string. */
export function toDynamicGexf(history: NetworkHistory, options: DynamicGexfOptions = {}): string {
  return [...dynamicGexf(history, options)].join('');
}

/** The file in pieces (a line or a few lines each), computed before the first piece is yielded. */
export function dynamicGexf(history: NetworkHistory, options: DynamicGexfOptions = {}): Iterable<string> {
  const window = resolveTieWindow(options.window);
  const interval = options.interval ?? 'day';
  if (!(GEXF_INTERVALS as readonly string[]).includes(interval)) {
    throw ValidationFailed.field('interval', `expected one of ${GEXF_INTERVALS.join(', ')}, got "${String(interval)}"`, 'invalid_interval');
  }
  const range = historyRange(history);
  const fromMs = options.from !== undefined ? toInstant(options.from) : range?.from;
  const toMs = options.to !== undefined ? toInstant(options.to) : range?.to;
  if (fromMs !== undefined && toMs !== undefined && toMs < fromMs) throw ValidationFailed.field('to', 'must not be before from', 'invalid_range');
  // The days from the one holding `from` to the one holding `to`, each as it is at its end.
  const days = fromMs === undefined || toMs === undefined ? undefined : { first: dayOf(fromMs), last: dayOf(toMs) };
  const dynamicStrength = window.kind !== 'decay';

  const presence = new Map<string, DaySpell[]>();
  for (const member of history.members.values()) presence.set(member.id, membershipDays(member));
  const nodes: Array<{ member: MemberRecord; spells: DaySpell[] }> = [];
  const edges: EdgeTrack[] = [];
  if (days !== undefined) {
    for (const member of history.members.values()) {
      const spells = clip(presence.get(member.id)!, days.first, days.last);
      if (spells.length > 0) nodes.push({ member, spells });
    }
    nodes.sort((x, y) => compareKeys(x.member.id, y.member.id));
    const weighting = tieWeighting(window, resolveDepthWeights(options.weights));
    for (const pair of history.pairs.values()) {
      const track = tieTrack(pair, window, weighting, presence.get(pair.a) ?? [], presence.get(pair.b) ?? [], days, dynamicStrength);
      if (track === undefined) continue;
      if (interval !== 'day') for (const [name, list] of track.values) track.values.set(name, stepped(list, interval, days));
      edges.push(track);
    }
    edges.sort((x, y) => compareKeys(x.key, y.key));
  }
  return render(history, window, interval, days, dynamicStrength, nodes, edges);
}

function* render(
  history: NetworkHistory,
  window: TieWindow,
  interval: GexfInterval,
  days: { first: number; last: number } | undefined,
  dynamicStrength: boolean,
  nodes: Array<{ member: MemberRecord; spells: DaySpell[] }>,
  edges: EdgeTrack[],
): Generator<string> {
  const last = days !== undefined ? days.last : undefined;
  const label = (day: number | undefined) => (day === undefined ? undefined : dayLabel(day));
  const open = (day: number) => (day === last ? undefined : dayLabel(day));
  const spells = (list: DaySpell[]) => `<spells>${list.map((spell) => `<spell${attributes({ start: dayLabel(spell.first), end: open(spell.last) })}/>`).join('')}</spells>`;
  yield [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
      'xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">',
    `  <meta${attributes({ lastmodifieddate: label(last) })}>`,
    '    <creator>Solmu</creator>',
    `    <description>${escapeXml(`${history.name ?? 'Network'}: ties under the ${formatTieWindow(window)} window, weights by ${interval}`)}</description>`,
    '  </meta>',
    `  <graph${attributes({ mode: 'dynamic', defaultedgetype: 'undirected', timeformat: 'date', timerepresentation: 'interval', start: label(days?.first), end: label(last) })}>`,
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
    '',
  ].join('\n');
  for (const { member, spells: list } of nodes) {
    const [r, g, b] = TYPE_COLOURS[member.memberType] ?? TYPE_COLOURS.other;
    const values = [
      member.organisation !== undefined ? `<attvalue${attributes({ for: 'organisation', value: member.organisation })}/>` : '',
      `<attvalue${attributes({ for: 'memberType', value: member.memberType })}/>`,
      `<attvalue${attributes({ for: 'role', value: member.role })}/>`,
    ].join('');
    yield `      <node${attributes({ id: member.id, label: member.name })}><attvalues>${values}</attvalues>${spells(list)}<viz:color${attributes({ r, g, b })}/></node>\n`;
  }
  yield '    </nodes>\n    <edges>\n';
  for (const track of edges) {
    const values = [...track.values].flatMap(([name, list]) =>
      list.map(({ value, first, last: end }) => `<attvalue${attributes({ for: name, value, start: dayLabel(first), end: open(end) })}/>`),
    );
    yield `      <edge${attributes({ id: track.key, source: track.source, target: track.target })}><attvalues>${values.join('')}</attvalues>${spells(track.spells)}</edge>\n`;
  }
  yield '    </edges>\n  </graph>\n</gexf>\n';
}

/**
 * One tie's spells and attribute values, walking its change days once. Between two change days the
 * window holds the same interactions and both members' presence is the same, so the tie and its
 * values are too — except under decay, where the strength only falls: the tie lasts up to the last
 * day it is still at or above the threshold (a binary search on that stretch).
 */
function tieTrack(
  pair: PairLog,
  window: TieWindow,
  weighting: TieWeighting,
  presentA: DaySpell[],
  presentB: DaySpell[],
  days: { first: number; last: number },
  dynamicStrength: boolean,
): EdgeTrack | undefined {
  const entries = pair.entries;
  if (entries.length === 0) return undefined;
  const span = window.kind === 'sliding' ? window.days * DAY_MS : null;
  const threshold = window.kind === 'decay' ? (window.threshold ?? DEFAULT_DECAY_THRESHOLD) : 0;

  // Days on which something about this tie can change, ascending and distinct.
  const changes: number[] = [];
  for (const entry of entries) {
    changes.push(firstDayAtOrAfter(entry.occurredMs));
    if (span !== null) changes.push(firstDayAtOrAfter(entry.occurredMs + span));
  }
  for (const spell of [...presentA, ...presentB]) changes.push(spell.first, spell.last + 1);
  changes.sort((x, y) => x - y);

  const counts = new Int32Array(DEPTHS);
  let to = 0;
  let from = 0;
  let cumulativeStrength = 0;
  const track: EdgeTrack = { key: pair.key, source: pair.a, target: pair.b, spells: [], values: new Map() };
  if (compareKeys(pair.a, pair.b) > 0) [track.source, track.target] = [pair.b, pair.a];
  const names = dynamicStrength ? ['deepestKind', 'interactions', 'strength'] : ['deepestKind', 'interactions'];
  for (const name of names) track.values.set(name, []);

  for (let c = 0; c < changes.length; c++) {
    const start = changes[c];
    if (c + 1 < changes.length && changes[c + 1] === start) continue;
    if (start > days.last) break;
    const end = Math.min(c + 1 < changes.length ? changes[c + 1] - 1 : Infinity, days.last);
    const at = endOfDay(start);
    while (to < entries.length && entries[to].occurredMs <= at) {
      counts[entries[to].depth]++;
      if (span === null && window.kind !== 'decay') cumulativeStrength += weighting.weightByDepth[entries[to].depth];
      to++;
    }
    if (span !== null) while (from < to && entries[from].occurredMs <= at - span) counts[entries[from++].depth]--;
    if (end < days.first || to <= from || !covers(presentA, start) || !covers(presentB, start)) continue;
    let last = end;
    let strength = 0;
    if (window.kind === 'decay') {
      if (tieStrength(entries, from, to, at, weighting) < threshold) continue;
      let lo = start;
      let hi = end;
      while (lo < hi) {
        const mid = lo + Math.ceil((hi - lo) / 2);
        if (tieStrength(entries, from, to, endOfDay(mid), weighting) >= threshold) lo = mid;
        else hi = mid - 1;
      }
      last = lo;
      if (last < days.first) continue;
    } else {
      // Summed as graphAt sums it, so the figures are identical to the graph's.
      strength = span === null ? cumulativeStrength : tieStrength(entries, from, to, at, weighting);
    }
    const first = Math.max(start, days.first);
    let deepest = DEPTHS - 1;
    while (deepest > 0 && counts[deepest] === 0) deepest--;
    const values: Record<string, string> = { deepestKind: INTERACTION_KINDS[deepest], interactions: String(to - from), strength: String(strength) };
    const previous = track.spells[track.spells.length - 1];
    const continues = previous !== undefined && previous.last === first - 1;
    if (continues) previous.last = last;
    else track.spells.push({ first, last });
    for (const name of names) {
      const list = track.values.get(name)!;
      const tail = list[list.length - 1];
      if (continues && tail.value === values[name]) tail.last = last;
      else list.push({ value: values[name], first, last });
    }
  }
  return track.spells.length > 0 ? track : undefined;
}

/**
 * Day-by-day values stepped to weeks or months: each bucket takes the value of its last day on which
 * the tie exists and holds it over the whole bucket (clipped to the export); equal neighbours merge.
 */
function stepped(list: AttributeSpell[], interval: 'week' | 'month', days: { first: number; last: number }): AttributeSpell[] {
  const out: AttributeSpell[] = [];
  for (const spell of list) {
    const first = Math.max(days.first, dayOf(bucketStart(interval, spell.first * DAY_MS)));
    const last = Math.min(days.last, dayOf(nextBucketStart(interval, bucketStart(interval, spell.last * DAY_MS))) - 1);
    // Spells ascend, so only the previous one can share this spell's first bucket: the later value wins it.
    let tail = out[out.length - 1];
    if (tail !== undefined && tail.last >= first) {
      tail.last = first - 1;
      if (tail.last < tail.first) out.pop();
      tail = out[out.length - 1];
    }
    if (tail !== undefined && tail.value === spell.value && tail.last === first - 1) tail.last = last;
    else out.push({ value: spell.value, first, last });
  }
  return out;
}

/** The days at whose end the member belongs, from their membership spans (joinedAt ≤ t < leftAt). */
function membershipDays(member: MemberRecord): DaySpell[] {
  const spells: DaySpell[] = [];
  for (const span of member.spans) {
    const first = firstDayAtOrAfter(span.joinedMs);
    const last = span.leftMs === undefined ? Infinity : lastDayBefore(span.leftMs);
    if (last < first) continue;
    const previous = spells[spells.length - 1];
    if (previous !== undefined && previous.last >= first - 1) previous.last = Math.max(previous.last, last);
    else spells.push({ first, last });
  }
  return spells;
}

function clip(spells: DaySpell[], first: number, last: number): DaySpell[] {
  return spells.filter((s) => s.last >= first && s.first <= last).map((s) => ({ first: Math.max(s.first, first), last: Math.min(s.last, last) }));
}

function covers(spells: DaySpell[], day: number): boolean {
  return spells.some((s) => s.first <= day && day <= s.last);
}

const dayOf = (ms: number): number => Math.floor(ms / DAY_MS);
const endOfDay = (day: number): number => (day + 1) * DAY_MS - 1;
/** The first day whose end is at or after `ms`. */
const firstDayAtOrAfter = (ms: number): number => Math.floor(ms / DAY_MS);
/** The last day whose end is before `ms`. */
const lastDayBefore = (ms: number): number => Math.ceil((ms + 1) / DAY_MS) - 2;
const dayLabel = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);
