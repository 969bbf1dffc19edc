import { UndirectedGraph } from 'graphology';
import { toCsr } from './csr';
import { mulberry32 } from './seeded-random';
import { shortestPathSweep } from './shortest-paths';

describe('shortest-path sweep', () => {
  it('given sources, when asked for each source’s own dependencies, then row i is what a search from source i alone gives, and the rows sum to the total', () => {
    const random = mulberry32(9);
    const graph = new UndirectedGraph();
    for (let i = 0; i < 70; i++) graph.addNode(`n${String(i).padStart(2, '0')}`);
    const nodes = graph.nodes();
    while (graph.size < 150) graph.mergeEdge(nodes[Math.floor(random() * 70)], nodes[Math.floor(random() * 70)]);
    graph.forEachEdge((edge, _a, source, target) => source === target && graph.dropEdge(edge));
    const csr = toCsr(graph);
    // More than one batch of 32 lanes, in no particular order.
    const sources = Int32Array.from({ length: 45 }, (_, i) => (i * 37) % 70);
    const perSource = new Float64Array(sources.length * csr.n);

    const { dependency } = shortestPathSweep(csr, { sources, perSource });

    for (let i = 0; i < sources.length; i++) {
      const alone = shortestPathSweep(csr, { sources: [sources[i]] }).dependency;
      for (let v = 0; v < csr.n; v++) expect(perSource[i * csr.n + v]).toBeCloseTo(alone[v], 12);
    }
    for (let v = 0; v < csr.n; v++) {
      let sum = 0;
      for (let i = 0; i < sources.length; i++) sum += perSource[i * csr.n + v];
      expect(sum).toBeCloseTo(dependency[v], 9);
    }
  });

  it('refuses a per-source buffer of the wrong size', () => {
    const graph = new UndirectedGraph();
    graph.mergeEdge('a', 'b');
    expect(() => shortestPathSweep(toCsr(graph), { sources: [0], perSource: new Float64Array(3) })).toThrow('perSource needs 1 × 2 entries');
  });
});
