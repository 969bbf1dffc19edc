import { UndirectedGraph } from 'graphology';
import { expectSameUpToRounding } from '@solmu/testing';
import { toCsr } from '../measures/engine/csr';
import { mulberry32 } from '../measures/engine/seeded-random';
import { createWhatIfMemo } from './what-if-memo';
import { previewTies, whatIfBase } from './what-if';

function network(seed: number) {
  const random = mulberry32(seed);
  const graph = new UndirectedGraph();
  const n = 40;
  for (let i = 0; i < n; i++) graph.addNode(`m${String(i).padStart(2, '0')}`);
  const nodes = graph.nodes();
  const addTie = (): void => {
    for (;;) {
      const [a, b] = [nodes[Math.floor(random() * n)], nodes[Math.floor(random() * n)]];
      if (a !== b && !graph.hasEdge(a, b)) return void graph.addEdge(a, b, { strength: 1 });
    }
  };
  for (let e = 0; e < 70; e++) addTie();
  const openPair = (): [string, string] => {
    for (;;) {
      const [a, b] = [nodes[Math.floor(random() * n)], nodes[Math.floor(random() * n)]];
      if (a !== b && !graph.hasEdge(a, b)) return [a, b];
    }
  };
  return { graph, addTie, openPair, random };
}

const holes = (csr: ReturnType<typeof toCsr>) => whatIfBase(csr, { exactBetweennessUpTo: 0, pivots: 1 }).figures.structuralHoles;

describe.each([
  ['exact', { exactBetweennessUpTo: 1_000, pivots: 8 }],
  ['sampled', { exactBetweennessUpTo: 10, pivots: 12 }],
])('what-if memo with %s betweenness', (_label, options) => {
  it('given previews of a picture, when only weights change, then the same previews are given without searching again', () => {
    const { graph, openPair } = network(3);
    const memo = createWhatIfMemo();
    const csr = toCsr(graph);
    const base = memo.base(csr, options, holes(csr));
    const tie = openPair();
    const first = memo.preview(base, [tie], tie);

    graph.forEachEdge((edge) => graph.setEdgeAttribute(edge, 'strength', 3));
    const reweighted = toCsr(graph);
    const again = memo.preview(memo.base(reweighted, options, holes(reweighted)), [tie], tie);

    expect(again).toBe(first);
    expectSameUpToRounding(again, previewTies(whatIfBase(reweighted, options), [tie], tie));
  });

  it('given a memo, when ties appear one by one, then every base and preview equals one made afresh', () => {
    const { graph, addTie, openPair } = network(17);
    const memo = createWhatIfMemo();
    for (let step = 0; step < 12; step++) {
      const csr = toCsr(graph);
      const base = memo.base(csr, options, holes(csr));
      const ties = [openPair(), openPair()].filter(([a, b], i, all) => i === 0 || !(all[0][0] === a && all[0][1] === b) && !(all[0][0] === b && all[0][1] === a));
      const fresh = whatIfBase(csr, options);

      expectSameUpToRounding(base.figures, fresh.figures);
      expectSameUpToRounding(memo.preview(base, ties, ties[0]), previewTies(fresh, ties, ties[0]));
      addTie();
    }
  });

  it('given a memo, when a member joins, then it starts afresh', () => {
    const { graph } = network(5);
    const memo = createWhatIfMemo();
    const csr = toCsr(graph);
    memo.base(csr, options, holes(csr));
    graph.addNode('newcomer');
    const grown = toCsr(graph);

    expectSameUpToRounding(memo.base(grown, options, holes(grown)).figures, whatIfBase(grown, options).figures);
  });
});
