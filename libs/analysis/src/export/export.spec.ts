import { graphAt } from '../graph/graph-at';
import { foldNetworkHistory } from '../graph/network-history';
import type { NetworkHistoryEvent } from '../graph/network-history';
import { measureGraph } from '../measures/network-measures';
import { NET, joined, left, logged } from '../testing/history.mother';
import { csvField, toCsv } from './csv';
import { mulberry32 } from '../measures/engine/seeded-random';
import { DAY_MS } from '../graph/instant';
import type { NetworkHistory } from '../graph/network-history';
import { forEachWindowGraph } from '../timeline/window-graphs';
import { toDynamicGexf } from './gexf';
import { toGraphML } from './graphml';
import { escapeXml } from './xml';

interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

/**
 * A deliberately small XML 1.0 reader for the tests: checks well-formedness (one root, properly nested
 * and closed tags, quoted attributes without duplicates, no raw < or stray & in text or values, only
 * the five predefined or numeric entities) and returns the element tree. Throws on the first error.
 */
function parseXml(xml: string): XmlElement {
  const entity = /&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g;
  const decode = (raw: string, where: string): string => {
    if (/[<]/.test(raw) || /&/.test(raw.replace(entity, ''))) throw new Error(`bad character data in ${where}: ${raw}`);
    return raw.replace(entity, (e) => ({ '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'" })[e] ?? String.fromCodePoint(Number(e.slice(2, -1).replace(/^x/, '0x'))));
  };
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
  const token = /<\/([A-Za-z_][\w:.-]*)\s*>|<([A-Za-z_][\w:.-]*)((?:\s+[A-Za-z_][\w:.-]*\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)|(<)/g;
  const root: XmlElement = { name: '#document', attributes: {}, children: [], text: '' };
  const stack = [root];
  for (const match of body.matchAll(token)) {
    const [, close, open, attrs, selfClosing, text, stray] = match;
    const top = stack[stack.length - 1];
    if (stray) throw new Error(`malformed tag at ${match.index}: ${body.slice(match.index!, match.index! + 40)}`);
    if (text !== undefined) {
      if (top === root && text.trim() !== '') throw new Error('text outside the root element');
      top.text += decode(text, top.name);
    } else if (close !== undefined) {
      if (top.name !== close) throw new Error(`</${close}> closes <${top.name}>`);
      stack.pop();
    } else {
      const element: XmlElement = { name: open, attributes: {}, children: [], text: '' };
      for (const [, name, value] of attrs.matchAll(/([A-Za-z_][\w:.-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
        if (name in element.attributes) throw new Error(`duplicate attribute ${name}`);
        element.attributes[name] = decode(value, `${open}@${name}`);
      }
      if (top === root && root.children.length > 0) throw new Error('more than one root element');
      top.children.push(element);
      if (!selfClosing) stack.push(element);
    }
  }
  if (stack.length !== 1) throw new Error(`unclosed <${stack[stack.length - 1].name}>`);
  if (root.children.length !== 1) throw new Error('no root element');
  return root.children[0];
}

const find = (element: XmlElement, name: string): XmlElement[] =>
  element.children.flatMap((child) => (child.name === name ? [child] : [])).concat(element.children.flatMap((child) => find(child, name)));

const TRICKY = 'Ö & <Co> "Ltd" \u0001';

describe('the XML reader used by these tests', () => {
  it('rejects what is not well-formed', () => {
    expect(() => parseXml('<a><b></a></b>')).toThrow('closes');
    expect(() => parseXml('<a x="1 & 2"/>')).toThrow('bad character data');
    expect(() => parseXml('<a>1 < 2</a>')).toThrow();
    expect(() => parseXml('<a/><b/>')).toThrow('more than one root');
    expect(parseXml('<a x="&lt;&#228;"><b>t&amp;t</b></a>')).toEqual({ name: 'a', attributes: { x: '<ä' }, children: [{ name: 'b', attributes: {}, children: [], text: 't&t' }], text: '' });
  });
});

describe('escapeXml', () => {
  it('escapes the five special characters and drops characters XML 1.0 cannot hold', () => {
    expect(escapeXml(`a&b<c>d"e'f\u0000g\u0008h\ti\uFFFEj`)).toBe('a&amp;b&lt;c&gt;d&quot;e&apos;f' + 'gh\ti' + 'j');
    expect(escapeXml('Mäkinen 😀')).toBe('Mäkinen 😀');
  });
});

describe('static exports of the graph at a date', () => {
  const history = foldNetworkHistory([
    joined('ann', '2024-01-01T00:00:00Z', { name: 'Ann, "the boss"', organisation: TRICKY }),
    joined('bob', '2024-01-01T00:00:00Z', { name: '=SUM(A1:A9)' }),
    joined('cid', '2024-01-01T00:00:00Z', { name: 'Cid\nKoskinen' }),
    logged('i1', ['ann', 'bob'], '2024-01-10T10:00:00Z', 'acquainted'),
    logged('i2', ['ann', 'bob'], '2024-02-10T10:00:00Z', 'co_developed'),
  ]);
  const graph = graphAt(history, { at: '2024-03-01' });

  it('writes GraphML that parses, with typed keys, profiles, optional measures and tie summaries', () => {
    const { members } = measureGraph(graph);
    const root = parseXml(toGraphML(graph, { members }));
    expect(root.name).toBe('graphml');
    expect(root.attributes.xmlns).toBe('http://graphml.graphdrawing.org/xmlns');
    const keys = find(root, 'key').map((key) => `${key.attributes.for}:${key.attributes['attr.name']}:${key.attributes['attr.type']}`);
    expect(keys).toEqual(expect.arrayContaining(['node:name:string', 'node:degree:int', 'node:constraint:double', 'edge:interactions:int', 'edge:count_co_developed:int']));
    const [graphElement] = find(root, 'graph');
    expect(graphElement.attributes.edgedefault).toBe('undirected');
    const nodes = find(root, 'node');
    expect(nodes.map((node) => node.attributes.id)).toEqual(['ann', 'bob', 'cid']);
    const data = (element: XmlElement) => Object.fromEntries(element.children.map((child) => [child.attributes.key, child.text]));
    expect(data(nodes[0])).toMatchObject({ n_name: 'Ann, "the boss"', n_organisation: 'Ö & <Co> "Ltd" ', n_memberType: 'company', n_degree: '1' });
    // cid has no ties: no constraint (GraphML's missing data), not "null".
    expect(data(nodes[2]).n_constraint).toBeUndefined();
    const [edge] = find(root, 'edge');
    expect(edge.attributes).toEqual({ id: 'ann|bob', source: 'ann', target: 'bob' });
    expect(data(edge)).toEqual({
      e_interactions: '2',
      e_strength: '7',
      e_deepestKind: 'co_developed',
      e_first: '2024-01-10T10:00:00Z',
      e_last: '2024-02-10T10:00:00Z',
      e_count_acquainted: '1',
      e_count_co_developed: '1',
    });
  });

  it('writes RFC 4180 CSV tables Gephi can import, with spreadsheet formulas neutralised', () => {
    const { nodes, edges } = toCsv(graph);
    expect(nodes).toBe(
      'Id,Label,organisation,memberType,role,joinedAt\r\n' +
        'ann,"Ann, ""the boss""","Ö & <Co> ""Ltd"" \u0001",company,member,2024-01-01T00:00:00Z\r\n' +
        "bob,'=SUM(A1:A9),,company,member,2024-01-01T00:00:00Z\r\n" +
        'cid,"Cid\nKoskinen",,company,member,2024-01-01T00:00:00Z\r\n',
    );
    expect(edges).toBe(
      'Source,Target,Type,Weight,interactions,deepestKind,first,last,count_acquainted,count_discussed,count_exchanged_information,count_explored_collaboration,count_outlined_goals,count_co_developed,count_evaluated_learning\r\n' +
        'ann,bob,Undirected,7,2,co_developed,2024-01-10T10:00:00Z,2024-02-10T10:00:00Z,1,0,0,0,0,1,0\r\n',
    );
    expect([csvField(-0.5), csvField('-x'), csvField(null), csvField(Number.NaN), csvField('a\rb')]).toEqual(['-0.5', "'-x", '', '', '"a\rb"']);
  });
});

describe('toDynamicGexf', () => {
  const events: NetworkHistoryEvent[] = [
    { type: 'NetworkFounded', data: { networkId: NET, name: 'Pieni & hyvä', foundedAt: '2024-01-01T00:00:00Z' } },
    joined('a', '2024-01-01T00:00:00Z', { name: 'Aino', organisation: TRICKY }),
    joined('b', '2024-01-01T00:00:00Z', { name: 'Bob' }),
    joined('c', '2024-01-03T09:00:00Z', { name: 'Cid' }),
    left('b', '2024-01-06T12:00:00Z'),
    logged('i1', ['a', 'b'], '2024-01-02T10:00:00Z', 'acquainted'),
    logged('i2', ['a', 'c'], '2024-01-04T10:00:00Z', 'discussed'),
    logged('i3', ['a', 'c'], '2024-01-05T10:00:00Z', 'outlined_goals'),
  ];
  const history = foldNetworkHistory(events);
  const root = parseXml(toDynamicGexf(history, { window: 'sliding:2', to: '2024-01-08' }));
  const spellsOf = (element: XmlElement) => find(element, 'spell').map((spell) => [spell.attributes.start, spell.attributes.end ?? null]);
  const valuesOf = (element: XmlElement, attribute: string) =>
    find(element, 'attvalue')
      .filter((value) => value.attributes.for === attribute)
      .map((value) => [value.attributes.value, value.attributes.start, value.attributes.end ?? null]);

  it('is GEXF 1.3 in dynamic mode with dates, declaring its attributes', () => {
    expect(root.name).toBe('gexf');
    expect(root.attributes).toMatchObject({ xmlns: 'http://gexf.net/1.3', version: '1.3' });
    const [graph] = find(root, 'graph');
    expect(graph.attributes).toEqual({ mode: 'dynamic', defaultedgetype: 'undirected', timeformat: 'date', timerepresentation: 'interval', start: '2024-01-01', end: '2024-01-08' });
    expect(find(root, 'attributes').map((a) => [a.attributes.class, a.attributes.mode, a.children.map((c) => c.attributes.id)])).toEqual([
      ['node', 'static', ['organisation', 'memberType', 'role']],
      ['edge', 'dynamic', ['deepestKind', 'interactions', 'strength']],
    ]);
    expect(find(root, 'description')[0].text).toBe('Pieni & hyvä: ties under the sliding:2 window, weights by day');
    expect(find(root, 'meta')[0].attributes.lastmodifieddate).toBe('2024-01-08');
  });

  it('gives each member a spell for their membership (inclusive dates, open while still a member)', () => {
    const nodes = find(root, 'node');
    expect(nodes.map((node) => [node.attributes.id, node.attributes.label, spellsOf(node)])).toEqual([
      ['a', 'Aino', [['2024-01-01', null]]],
      // b left at noon on 6 January: a member at the end of 5 January, not of the 6th.
      ['b', 'Bob', [['2024-01-01', '2024-01-05']]],
      ['c', 'Cid', [['2024-01-03', null]]],
    ]);
    expect(valuesOf(nodes[0], 'organisation')).toEqual([['Ö & <Co> "Ltd" ', undefined, null]]);
    expect(find(nodes[0], 'viz:color')[0].attributes).toEqual({ r: '31', g: '119', b: '180' });
  });

  it('gives each tie the spells it exists under the window, and its changing depth, count and strength', () => {
    const edges = find(root, 'edge');
    expect(edges.map((edge) => [edge.attributes.id, edge.attributes.source, edge.attributes.target, spellsOf(edge)])).toEqual([
      // A 2-day window: the 2 January acquaintance counts at the ends of 2 and 3 January.
      ['a|b', 'a', 'b', [['2024-01-02', '2024-01-03']]],
      // 4 January (discussed), 5 January (+ goals), 6 January (goals only), gone on the 7th.
      ['a|c', 'a', 'c', [['2024-01-04', '2024-01-06']]],
    ]);
    expect(valuesOf(edges[1], 'deepestKind')).toEqual([
      ['discussed', '2024-01-04', '2024-01-04'],
      ['outlined_goals', '2024-01-05', '2024-01-06'],
    ]);
    expect(valuesOf(edges[1], 'interactions')).toEqual([
      ['1', '2024-01-04', '2024-01-04'],
      ['2', '2024-01-05', '2024-01-05'],
      ['1', '2024-01-06', '2024-01-06'],
    ]);
    expect(valuesOf(edges[1], 'strength')).toEqual([
      ['2', '2024-01-04', '2024-01-04'],
      ['7', '2024-01-05', '2024-01-05'],
      ['5', '2024-01-06', '2024-01-06'],
    ]);
  });

  it('keeps a tie under the cumulative window until a member leaves', () => {
    const cumulative = parseXml(toDynamicGexf(history, { to: '2024-01-08' }));
    expect(find(cumulative, 'edge').map((edge) => [edge.attributes.id, spellsOf(edge)])).toEqual([
      ['a|b', [['2024-01-02', '2024-01-05']]],
      ['a|c', [['2024-01-04', null]]],
    ]);
  });

  it('steps the tie values by week on request, keeping presence exact to the day', () => {
    const weekly = parseXml(toDynamicGexf(history, { interval: 'week', to: '2024-01-20' }));
    expect(find(weekly, 'description')[0].text).toMatch(/weights by week$/);
    expect(find(weekly, 'node').map((node) => [node.attributes.id, spellsOf(node)])).toEqual([
      ['a', [['2024-01-01', null]]],
      ['b', [['2024-01-01', '2024-01-05']]],
      ['c', [['2024-01-03', null]]],
    ]);
    const ac = find(weekly, 'edge')[1];
    expect(spellsOf(ac)).toEqual([['2024-01-04', null]]);
    // ISO week 1 runs 1–7 January: the value at its end (goals, 2 interactions) holds for that week;
    // the export starts on the 1st and is open at its end.
    expect(valuesOf(ac, 'deepestKind')).toEqual([['outlined_goals', '2024-01-01', null]]);
    expect(valuesOf(ac, 'interactions')).toEqual([['2', '2024-01-01', null]]);
  });

  it('writes the same spells and values as sampling every day, under every kind of window', () => {
    const random = mulberry32(9);
    const ids = ['m0', 'm1', 'm2', 'm3', 'm4', 'm5'];
    const day = (d: number, hour = 10) => new Date(Date.UTC(2024, 0, 1 + d, hour)).toISOString();
    const many: NetworkHistoryEvent[] = [{ type: 'NetworkFounded', data: { networkId: NET, name: 'N', foundedAt: day(0, 0) } }];
    for (const id of ids) many.push(joined(id, day(Math.floor(random() * 10), Math.floor(random() * 24))));
    many.push(left('m1', day(30, 15)), left('m4', day(45, 1)));
    for (let i = 0; i < 60; i++) {
      const a = ids[Math.floor(random() * ids.length)];
      const b = ids.filter((id) => id !== a)[Math.floor(random() * (ids.length - 1))];
      const kinds = ['acquainted', 'discussed', 'exchanged_information', 'co_developed'] as const;
      many.push(logged(`i${i}`, [a, b], day(Math.floor(random() * 80), Math.floor(random() * 24)), kinds[Math.floor(random() * kinds.length)]));
    }
    const big = foldNetworkHistory(many);
    for (const window of ['cumulative', 'sliding:7', 'sliding:0.5', 'decay:3'] as const) {
      const file = parseXml(toDynamicGexf(big, { window, to: day(90) }));
      const written = {
        nodes: find(file, 'node').map((node) => [node.attributes.id, spellsOf(node)]),
        edges: find(file, 'edge').map((edge) => [edge.attributes.id, spellsOf(edge), ...['deepestKind', 'interactions', 'strength'].map((name) => valuesOf(edge, name))]),
      };
      expect(written).toEqual(sampledEveryDay(big, window, day(0, 0), day(90)));
      expect(written.edges.length).toBeGreaterThan(3);
    }
  });

  it('writes a century of history at once, with work that follows the events, not the days', () => {
    const old: NetworkHistoryEvent[] = [
      { type: 'NetworkFounded', data: { networkId: NET, name: 'Vanha', foundedAt: '1900-01-01T00:00:00Z' } },
      joined('a', '1900-01-01T00:00:00Z'),
      joined('b', '1900-01-01T00:00:00Z'),
      logged('i1', ['a', 'b'], '1935-03-01T10:00:00Z'),
      logged('i2', ['a', 'b'], '2020-03-01T10:00:00Z', 'co_developed'),
    ];
    const started = performance.now();
    const file = parseXml(toDynamicGexf(foldNetworkHistory(old), { window: 'sliding:30', to: '2024-12-31' }));
    expect(performance.now() - started).toBeLessThan(500);
    expect(find(file, 'graph')[0].attributes).toMatchObject({ start: '1900-01-01', end: '2024-12-31' });
    expect(spellsOf(find(file, 'edge')[0])).toEqual([
      ['1935-03-01', '1935-03-30'],
      ['2020-03-01', '2020-03-30'],
    ]);
  });

  it('refuses an interval it does not know, naming the field', () => {
    expect(() => toDynamicGexf(history, { interval: 'year' as 'day' })).toThrow(expect.objectContaining({ code: 'invalid_interval', problems: [expect.objectContaining({ field: 'interval' })] }));
  });

  it('leaves strength out under a decay window, where it changes every day', () => {
    const decay = parseXml(toDynamicGexf(history, { window: 'decay:30', to: '2024-01-08' }));
    expect(find(decay, 'attribute').map((a) => a.attributes.id)).toEqual(['organisation', 'memberType', 'role', 'deepestKind', 'interactions']);
  });

  it('is an empty, still valid file for an empty history', () => {
    const empty = parseXml(toDynamicGexf(foldNetworkHistory([])));
    expect(find(empty, 'node')).toEqual([]);
  });
});

type Spells = Array<[string, string | null]>;
type Values = Array<[string, string, string | null]>;

/**
 * The reference the change-point writer must agree with: the network sampled at the end of every day
 * (the previous, ties × days implementation), its spells and values read off the samples.
 */
function sampledEveryDay(history: NetworkHistory, window: string, from: string, to: string) {
  const first = Math.floor(Date.parse(from) / DAY_MS);
  const last = Math.floor(Date.parse(to) / DAY_MS);
  const instants = Array.from({ length: last - first + 1 }, (_, i) => (first + i + 1) * DAY_MS - 1);
  const label = (step: number) => new Date((first + step) * DAY_MS).toISOString().slice(0, 10);
  const nodes = new Map<string, Spells>();
  const edges = new Map<string, { spells: Spells; values: Record<string, Values> }>();
  const track = (spells: Spells, present: boolean, step: number) => {
    const open = spells.length > 0 && spells[spells.length - 1][1] === null;
    if (present && !open) spells.push([label(step), null]);
    if (!present && open) spells[spells.length - 1][1] = label(step - 1);
  };
  forEachWindowGraph(history, instants, { window }, (graph, step) => {
    for (const id of new Set([...nodes.keys(), ...graph.nodes()])) {
      if (!nodes.has(id)) nodes.set(id, []);
      track(nodes.get(id)!, graph.hasNode(id), step);
    }
    for (const key of new Set([...edges.keys(), ...graph.edges()])) {
      if (!edges.has(key)) edges.set(key, { spells: [], values: { deepestKind: [], interactions: [], strength: [] } });
      const edge = edges.get(key)!;
      const present = graph.hasEdge(key);
      track(edge.spells, present, step);
      const tie = present ? graph.getEdgeAttributes(key) : undefined;
      for (const [name, list] of Object.entries(edge.values)) {
        if (name === 'strength' && window.startsWith('decay')) continue;
        const value = tie && String(tie[name as 'strength']);
        const tail = list[list.length - 1];
        const open = tail !== undefined && tail[2] === null;
        if (open && value !== tail[0]) tail[2] = label(step - 1);
        if (value !== undefined && (!open || value !== tail[0])) list.push([value, label(step), null]);
      }
    }
  });
  const byKey = (x: [string, ...unknown[]], y: [string, ...unknown[]]) => (x[0] < y[0] ? -1 : 1);
  return {
    nodes: [...nodes].sort(byKey),
    edges: [...edges].map(([key, edge]) => [key, edge.spells, edge.values.deepestKind, edge.values.interactions, edge.values.strength]).sort(byKey as never),
  };
}
