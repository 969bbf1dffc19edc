import { asRecord, expectClosePerNode, fixtureCsr, goldenFixtures } from '../../../../../test/fixtures/golden-fixtures';
import { toCsr } from '../engine/csr';
import { degrees, strengths } from './degree';
import { MultiUndirectedGraph, UndirectedGraph } from 'graphology';

describe('degree and strength', () => {
  describe.each(goldenFixtures().map((f) => [f.name, f] as const))('on the %s fixture', (_name, fixture) => {
    it('degree equals networkx G.degree()', () => {
      const csr = fixtureCsr(fixture);
      expectClosePerNode(asRecord(csr, degrees(csr)), fixture.expected.degree, 0);
    });

    it('strength equals networkx G.degree(weight=…) within 1e-9', () => {
      const csr = fixtureCsr(fixture);
      expectClosePerNode(asRecord(csr, strengths(csr)), fixture.expected.strength);
    });
  });

  it('reads strength from the named edge attribute, 1 where it is missing, and ignores self-loops', () => {
    // Given ties with and without a strength, and a self-loop
    const graph = new UndirectedGraph();
    graph.mergeEdge('a', 'b', { strength: 2.5 });
    graph.mergeEdge('a', 'c', {});
    graph.mergeEdge('a', 'a', { strength: 9 });
    // When measured
    const csr = toCsr(graph);
    // Then the self-loop is not a tie and the unweighted tie weighs 1
    expect(asRecord(csr, degrees(csr))).toEqual({ a: 2, b: 1, c: 1 });
    expect(asRecord(csr, strengths(csr))).toEqual({ a: 3.5, b: 2.5, c: 1 });
    expect(asRecord(toCsr(graph, { weightAttribute: null }), strengths(toCsr(graph, { weightAttribute: null })))).toEqual({ a: 2, b: 1, c: 1 });
  });
});

describe('toCsr', () => {
  it('refuses a multigraph, whose parallel edges would count a tie twice', () => {
    const graph = new MultiUndirectedGraph();
    graph.mergeNode('a');
    graph.mergeNode('b');
    graph.addEdge('a', 'b');
    graph.addEdge('a', 'b');
    expect(() => toCsr(graph)).toThrow(/simple graph/);
  });
});
