import type Graph from 'graphology';
import { buildGraph, updateGraph, type Place, type PictureGraphOptions } from './picture-graph';
import { KIND_COLOURS, TYPE_COLOURS, type Picture, type PictureNode, type PictureTie } from './picture-view';

const member = (id: string, degree: number, type = 'company'): PictureNode => ({
  id,
  name: `Member ${id}`,
  type,
  joinedAt: '2024-01-01',
  measures: { degree, strength: degree, betweenness: 0, closeness: 0, eigenvector: 0, clustering: 0, constraint: null },
});
const tie = (a: string, b: string, deepestKind = 'acquainted', strength = 1): PictureTie => ({ a, b, deepestKind, strength });
const picture = (nodes: PictureNode[], ties: PictureTie[]): Picture => ({ at: '2024-06-01', nodes, ties });

/** Places where each graph puts its members, as the canvas keeps them between dates. */
const placesOf = (graph: Graph): Map<string, Place> => new Map(graph.mapNodes((id, { x, y }) => [id, { x, y }]));
let scattered = 0;
const options = (places: Map<string, Place>, extra: Partial<PictureGraphOptions> = {}): PictureGraphOptions => ({ sizeBy: 'degree', places, scatter: () => ({ x: 1000 + scattered, y: scattered++ }), ...extra });
/** Everything drawn but the places: members and ties with how they look. */
const looks = (graph: Graph) => ({
  members: graph.mapNodes((id, { label, size, color }) => ({ id, label, size, color })).sort((a, b) => a.id.localeCompare(b.id)),
  ties: graph.mapEdges((_key, { color, size }, a, b) => ({ pair: [a, b].sort().join('–'), color, size })).sort((a, b) => a.pair.localeCompare(b.pair)),
});

const founding = picture([member('a', 2), member('b', 1), member('c', 1)], [tie('a', 'b'), tie('a', 'c')]);
const grown = picture(
  [member('a', 3), member('b', 2), member('c', 2), member('d', 1, 'research')],
  [tie('a', 'b', 'co_developed', 6), tie('a', 'c'), tie('b', 'c', 'discussed'), tie('d', 'a')],
);

describe('a new graph of a picture', () => {
  it('colours members by type, sizes them by the measure (4 to 18 px by the square root of its share) and colours ties by their deepest kind', () => {
    const { graph, fresh } = buildGraph(grown, options(new Map()));
    expect(graph.getNodeAttribute('a', 'size')).toBe(18);
    expect(graph.getNodeAttribute('d', 'size')).toBeCloseTo(4 + 14 * Math.sqrt(1 / 3));
    expect(graph.getNodeAttribute('d', 'color')).toBe(TYPE_COLOURS.research);
    expect(graph.getEdgeAttributes(graph.edge('a', 'b')!)).toEqual({ color: KIND_COLOURS.co_developed, size: 1 + Math.min(5, Math.log1p(6)) });
    expect(fresh.sort()).toEqual(['a', 'b', 'c', 'd']);
  });

  it('puts members seen before where they were, held there, and lists only the others as fresh', () => {
    const { graph, fresh } = buildGraph(grown, options(new Map([['a', { x: 5, y: 6 }]])));
    expect(graph.getNodeAttributes('a')).toMatchObject({ x: 5, y: 6, fixed: true });
    expect(graph.getNodeAttribute('b', 'fixed')).toBe(false);
    expect(fresh.sort()).toEqual(['b', 'c', 'd']);
  });

  it('draws a pair listed twice once', () => {
    const { graph } = buildGraph(picture([member('a', 1), member('b', 1)], [tie('a', 'b'), tie('b', 'a', 'discussed')]), options(new Map()));
    expect(graph.size).toBe(1);
  });
});

describe('a graph brought up to a later picture in place', () => {
  it('ends as a new graph of that picture would be, members kept in their places and held there', () => {
    const { graph } = buildGraph(founding, options(new Map()));
    const before = placesOf(graph);
    const fresh = updateGraph(graph, grown, options(before));
    expect(fresh).toEqual(['d']);
    expect(looks(graph)).toEqual(looks(buildGraph(grown, options(new Map())).graph));
    for (const id of ['a', 'b', 'c']) expect(graph.getNodeAttributes(id)).toMatchObject({ ...before.get(id), fixed: true });
    expect(graph.getNodeAttribute('d', 'fixed')).toBe(false);
  });

  it('resizes by another measure without adding anything', () => {
    const { graph } = buildGraph(grown, options(new Map()));
    const byBetweenness = picture(grown.nodes.map((n) => ({ ...n, measures: { ...n.measures, betweenness: n.id === 'd' ? 4 : 0 } })), grown.ties);
    expect(updateGraph(graph, byBetweenness, options(placesOf(graph), { sizeBy: 'betweenness' }))).toEqual([]);
    expect(graph.getNodeAttribute('d', 'size')).toBe(18);
    expect(graph.getNodeAttribute('a', 'size')).toBe(4);
  });

  it('holds a member back in the picture where it was drawn before, not as fresh', () => {
    const { graph } = buildGraph(founding, options(new Map()));
    const fresh = updateGraph(graph, grown, options(new Map([...placesOf(graph), ['d', { x: 7, y: 8 }]])));
    expect(fresh).toEqual([]);
    expect(graph.getNodeAttributes('d')).toMatchObject({ x: 7, y: 8, fixed: true });
  });

  it.each([
    ['a member has gone', picture(grown.nodes.filter((n) => n.id !== 'd'), grown.ties.filter((t) => t.a !== 'd'))],
    ['only a tie has gone', picture(grown.nodes, grown.ties.filter((t) => t.a !== 'b' || t.b !== 'c'))],
  ])('leaves the graph untouched and answers null when %s', (_case, earlier) => {
    const { graph } = buildGraph(grown, options(new Map()));
    const before = graph.export();
    expect(updateGraph(graph, earlier, options(placesOf(graph)))).toBeNull();
    expect(graph.export()).toEqual(before);
  });
});
