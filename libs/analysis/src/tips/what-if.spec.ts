import { UndirectedGraph } from 'graphology';
import { toCsr } from '../measures/csr';
import { previewTies, whatIfBase } from './what-if';

describe('what-if previews', () => {
  // The path a – b – c: b brokers the only structural hole.
  const path = new UndirectedGraph();
  path.mergeEdge('a', 'b');
  path.mergeEdge('b', 'c');
  const base = whatIfBase(toCsr(path, { weightAttribute: null }), { exactBetweennessUpTo: 500, pivots: 128 });

  it('reports the structure before and after adding the ties, and the change', () => {
    const preview = previewTies(base, [['a', 'c']], ['a', 'b']);
    expect(preview.addedTies).toEqual([['a', 'c']]);
    expect(preview.before).toEqual({ density: 2 / 3, degreeCentralization: 1, betweennessCentralization: 1, structuralHoles: 1 });
    expect(preview.after).toEqual({ density: 1, degreeCentralization: 0, betweennessCentralization: 0, structuralHoles: 0 });
    expect(preview.change).toEqual({ density: 1 - 2 / 3, degreeCentralization: -1, betweennessCentralization: -1, structuralHoles: -1 });
    // Constraint: b had two unconnected contacts (2 × (1/2)² = 0.5); in the triangle each contact is also
    // reached through the other: 2 × (1/2 + 1/4)² = 1.125.
    expect(preview.constraint).toEqual({ a: { before: 1, after: 1.125 }, b: { before: 0.5, after: 1.125 } });
  });

  it('does not change the base, so previews are independent', () => {
    previewTies(base, [['a', 'c']], []);
    expect(previewTies(base, [['a', 'c']], []).before.density).toBe(2 / 3);
  });

  it('shows null constraint for a member without ties and refuses ties to unknown members', () => {
    const graph = new UndirectedGraph();
    graph.mergeEdge('a', 'b');
    graph.addNode('n');
    const lone = whatIfBase(toCsr(graph), { exactBetweennessUpTo: 500, pivots: 128 });
    expect(previewTies(lone, [['n', 'a']], ['n']).constraint).toEqual({ n: { before: null, after: 1 } });
    expect(() => previewTies(lone, [['n', 'zz']], [])).toThrow('needs two members of the graph');
  });
});
