import { UndirectedGraph } from 'graphology';
import { maximalCliques } from '../measures/cliques';
import { toCsr } from '../measures/csr';
import { mulberry32 } from '../measures/seeded-random';
import { countMaximalCliques } from './clique-count';

const graphOf = (nodes: string[], edges: Array<[string, string]>): UndirectedGraph => {
  const graph = new UndirectedGraph();
  for (const node of nodes) graph.addNode(node);
  for (const [a, b] of edges) graph.addEdge(a, b);
  return graph;
};

describe('countMaximalCliques', () => {
  it('counts the maximal cliques of a hand-drawn graph', () => {
    // K4 {a,b,c,d}, a triangle {d,e,f} sharing d, a lone tie g–h and an isolate i.
    const graph = graphOf(
      ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'],
      [['a', 'b'], ['a', 'c'], ['a', 'd'], ['b', 'c'], ['b', 'd'], ['c', 'd'], ['d', 'e'], ['d', 'f'], ['e', 'f'], ['g', 'h']],
    );
    expect(countMaximalCliques(toCsr(graph))).toEqual({ count: 2, countAll: 4, largest: 4, truncated: false });
    expect(countMaximalCliques(toCsr(graph), { minSize: 2 })).toEqual({ count: 3, countAll: 4, largest: 4, truncated: false });
  });

  it('stops at the limit and says so', () => {
    const graph = graphOf(['a', 'b', 'c', 'd'], [['a', 'b'], ['c', 'd']]);
    expect(countMaximalCliques(toCsr(graph), { limit: 1 })).toEqual({ count: 0, countAll: 1, largest: 2, truncated: true });
  });

  it('gives 0 for an empty graph', () => {
    expect(countMaximalCliques(toCsr(new UndirectedGraph()))).toEqual({ count: 0, countAll: 0, largest: 0, truncated: false });
  });

  it('agrees with maximalCliques on 200 random graphs, sparse to dense, with neighbourhoods over 32 and 64 members', () => {
    const rng = mulberry32(2024);
    for (let round = 0; round < 200; round++) {
      const n = round < 10 ? 70 + Math.floor(rng() * 30) : 1 + Math.floor(rng() * 60);
      const p = round < 10 ? 0.35 + rng() * 0.3 : rng() * 0.7;
      const graph = new UndirectedGraph();
      for (let i = 0; i < n; i++) graph.addNode(`m${i}`);
      for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (rng() < p) graph.addEdge(`m${i}`, `m${j}`);
      const csr = toCsr(graph);
      expect(countMaximalCliques(csr)).toEqual(maximalCliques(csr));
    }
  });
});
