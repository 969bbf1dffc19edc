import { UndirectedGraph } from 'graphology';
import type { AbstractGraph, Attributes } from 'graphology-types';
import { createLiveMeasures } from './live-measures';
import { measureGraph } from '../network-measures';
import { mulberry32 } from './seeded-random';

type Graph = AbstractGraph<Attributes, Attributes>;
const KINDS = ['acquainted', 'discussed', 'co_developed'];

/** A seeded random network of `n` members in a few loose groups, ties carrying strength and a kind. */
function randomNetwork(n: number, ties: number, seed: number): { graph: Graph; random: () => number } {
  const random = mulberry32(seed);
  const graph = new UndirectedGraph();
  for (let i = 0; i < n; i++) graph.addNode(`m${String(i).padStart(3, '0')}`);
  while (graph.size < ties) addRandomTie(graph, random);
  return { graph, random };
}

function addRandomTie(graph: Graph, random: () => number): [string, string] {
  const nodes = graph.nodes();
  for (;;) {
    const a = nodes[Math.floor(random() * nodes.length)];
    // Mostly within a group of ten, sometimes across: triangles, cliques and bridges all occur.
    const b = random() < 0.8 ? nodes[Math.min(nodes.length - 1, Math.floor(nodes.indexOf(a) / 10) * 10 + Math.floor(random() * 10))] : nodes[Math.floor(random() * nodes.length)];
    if (a === b || graph.hasEdge(a, b)) continue;
    graph.addEdge(a, b, { strength: 1 + Math.floor(random() * 5), deepestKind: KINDS[Math.floor(random() * KINDS.length)] });
    return [a, b];
  }
}

/** Equal up to rounding: incremental sums add and subtract in another order than a fresh search. */
const close = (actual: number, expected: number) => Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected));

function expectSameMeasures(live: ReturnType<ReturnType<typeof createLiveMeasures>['measure']>, fresh: ReturnType<typeof measureGraph>): void {
  for (const [key, value] of Object.entries(fresh.network)) {
    if (typeof value === 'number') expect([key, close(live.network[key as keyof typeof live.network] as number, value)]).toEqual([key, true]);
    else expect([key, live.network[key as keyof typeof live.network]]).toEqual([key, value]);
  }
  for (const [id, want] of Object.entries(fresh.members)) {
    const got = live.members[id];
    for (const [field, value] of Object.entries(want)) {
      const actual = got[field as keyof typeof got];
      if (typeof value === 'number' && field !== 'community') expect([id, field, close(actual as number, value), actual]).toEqual([id, field, true, actual]);
      else expect([id, field, actual]).toEqual([id, field, value]);
    }
  }
}

describe('live measures', () => {
  describe.each([
    ['exact betweenness', { exactUpTo: 1_000 }, null],
    ['sampled betweenness', { exactUpTo: 20, pivots: 12, seed: 7 }, { pivots: 12, seed: 7 }],
  ] as const)('with %s', (_label, liveOptions, betweenness) => {
    const fresh = (graph: Graph) => measureGraph(graph, { betweenness: betweenness ?? undefined });

    it('given a network, when only tie weights change, then it reuses the structure and still equals a fresh measurement', () => {
      const { graph, random } = randomNetwork(60, 140, 11);
      const live = createLiveMeasures(liveOptions);
      expect(live.measure(graph).update).toBe('full');

      graph.forEachEdge((edge) => {
        if (random() < 0.3) graph.setEdgeAttribute(edge, 'strength', 10);
      });
      graph.setEdgeAttribute(graph.edges()[0], 'deepestKind', 'co_developed');
      const result = live.measure(graph);

      expect(result.update).toBe('weights');
      expectSameMeasures(result, fresh(graph));
    });

    it('given a network, when ties are added one at a time, then every update equals a fresh measurement', () => {
      const { graph, random } = randomNetwork(60, 90, 23);
      const live = createLiveMeasures(liveOptions);
      live.measure(graph);
      for (let step = 0; step < 25; step++) {
        addRandomTie(graph, random);
        const result = live.measure(graph);
        expect(result.update).toBe('tie-added');
        expectSameMeasures(result, fresh(graph));
      }
    });

    it('given two separate groups, when a tie joins them, then distances across become finite in closeness', () => {
      const graph = new UndirectedGraph();
      for (const [a, b] of [['a', 'b'], ['b', 'c'], ['x', 'y'], ['y', 'z']]) graph.mergeEdge(a, b, { strength: 1 });
      const live = createLiveMeasures(liveOptions);
      const before = live.measure(graph);
      graph.addEdge('c', 'x', { strength: 1 });
      const after = live.measure(graph);

      expect(after.update).toBe('tie-added');
      expect(before.network.components).toBe(2);
      expect(after.network.components).toBe(1);
      expect(after.members.a.closeness).toBeGreaterThan(before.members.a.closeness);
      expectSameMeasures(after, fresh(graph));
    });

    it('given a network, when a member joins or a tie is dropped, then it measures from scratch', () => {
      const { graph } = randomNetwork(40, 80, 5);
      const live = createLiveMeasures(liveOptions);
      live.measure(graph);

      graph.addNode('m999');
      const joined = live.measure(graph);
      graph.dropEdge(graph.edges()[3]);
      const dropped = live.measure(graph);

      expect([joined.update, dropped.update]).toEqual(['full', 'full']);
      expectSameMeasures(dropped, fresh(graph));
    });
  });

  it('says whether betweenness is exact and from how many sources', () => {
    const { graph } = randomNetwork(60, 120, 3);
    expect(createLiveMeasures({ exactUpTo: 100 }).measure(graph).betweenness).toEqual({ exact: true, pivots: 60 });
    expect(createLiveMeasures({ exactUpTo: 50, pivots: 16 }).measure(graph).betweenness).toEqual({ exact: false, pivots: 16 });
  });
});
