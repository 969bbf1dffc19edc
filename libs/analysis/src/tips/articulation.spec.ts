import { UndirectedGraph } from 'graphology';
import { toCsr } from '../measures/engine/csr';
import { articulationPoints, splitAt } from './articulation';

const graphOf = (edges: Array<[string, string]>, extra: string[] = []): UndirectedGraph => {
  const graph = new UndirectedGraph();
  for (const node of extra) graph.addNode(node);
  for (const [a, b] of edges) graph.mergeEdge(a, b);
  return graph;
};

describe('articulationPoints', () => {
  it('finds the members whose departure splits the network, with the groups that would fall apart', () => {
    // a – b – c, and a triangle c, d, e.
    const csr = toCsr(graphOf([['a', 'b'], ['b', 'c'], ['c', 'd'], ['d', 'e'], ['c', 'e']]));
    expect(articulationPoints(csr).map(({ vertex, partSizes }) => [csr.keys[vertex], partSizes])).toEqual([
      ['b', [3, 1]],
      ['c', [2, 2]],
    ]);
    expect(splitAt(csr, csr.indexOf.get('b')!).map((part) => part.map((i) => csr.keys[i]))).toEqual([['c', 'd', 'e'], ['a']]);
    expect(splitAt(csr, csr.indexOf.get('c')!).map((part) => part.map((i) => csr.keys[i]))).toEqual([['a', 'b'], ['d', 'e']]);
  });

  it('finds none in a cycle, a clique or an empty graph, and treats components separately', () => {
    expect(articulationPoints(toCsr(graphOf([['a', 'b'], ['b', 'c'], ['c', 'd'], ['d', 'a']])))).toEqual([]);
    expect(articulationPoints(toCsr(new UndirectedGraph()))).toEqual([]);
    // Two stars: each centre is a cut vertex of its own component; the isolate z changes nothing.
    const csr = toCsr(graphOf([['h', 'h1'], ['h', 'h2'], ['k', 'k1'], ['k', 'k2'], ['k', 'k3']], ['z']));
    expect(articulationPoints(csr).map(({ vertex, partSizes }) => [csr.keys[vertex], partSizes])).toEqual([
      ['h', [1, 1]],
      ['k', [1, 1, 1]],
    ]);
  });

  it('agrees with splitAt on the group sizes of every cut vertex of a tree-like graph', () => {
    // A caterpillar: spine s0–s5, each spine member with two leaves, plus a triangle on s2.
    const edges: Array<[string, string]> = [];
    for (let i = 0; i < 5; i++) edges.push([`s${i}`, `s${i + 1}`]);
    for (let i = 0; i <= 5; i++) edges.push([`s${i}`, `l${i}a`], [`s${i}`, `l${i}b`]);
    edges.push(['l2a', 'l2b']);
    const csr = toCsr(graphOf(edges));
    const cuts = articulationPoints(csr);
    expect(cuts.map(({ vertex }) => csr.keys[vertex])).toEqual(['s0', 's1', 's2', 's3', 's4', 's5']);
    for (const { vertex, partSizes } of cuts) expect(partSizes).toEqual(splitAt(csr, vertex).map((part) => part.length));
  });

  it('handles a long chain without recursion limits', () => {
    const edges: Array<[string, string]> = [];
    for (let i = 0; i < 20_000; i++) edges.push([`n${String(i).padStart(5, '0')}`, `n${String(i + 1).padStart(5, '0')}`]);
    expect(articulationPoints(toCsr(graphOf(edges))).length).toBe(19_999);
  });
});
