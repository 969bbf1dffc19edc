import { UndirectedGraph } from 'graphology';
import { fixtureCsr, fixtureGraph, goldenFixtures } from '../../../../../test/fixtures/golden-fixtures';
import { toCsr } from '../engine/csr';
import { louvain } from './louvain';
import { modularity } from './modularity';
import { mulberry32, shuffleInPlace } from '../engine/seeded-random';

describe('Louvain communities', () => {
  const withTies = goldenFixtures().filter((f) => f.expected.network.ties > 0);

  it.each(withTies.map((f) => [f.name, f] as const))(
    "finds a partition at least as modular as networkx's Louvain (seed 42), less 0.02, on the %s fixture",
    (_name, fixture) => {
      const csr = fixtureCsr(fixture);
      const result = louvain(csr);
      expect(result.modularity).toBeGreaterThanOrEqual(fixture.expected.network.partitionModularity - 0.02);
      // and reports the modularity of the partition it returns
      expect(result.modularity).toBeCloseTo(modularity(csr, result.community), 12);
    },
  );

  it('finds the caves of a connected caveman graph', () => {
    // Given five 6-cliques joined in a ring
    const fixture = goldenFixtures().find((f) => f.name === 'caveman')!;
    const csr = fixtureCsr(fixture);
    // When partitioned
    const { community, count } = louvain(csr);
    // Then there are five communities, each exactly one cave (nodes 6c … 6c+5)
    expect(count).toBe(5);
    for (let cave = 0; cave < 5; cave++) {
      const ids = new Set([0, 1, 2, 3, 4, 5].map((i) => community[csr.indexOf.get(String(6 * cave + i))!]));
      expect(ids.size).toBe(1);
    }
  });

  it('gives the same partition whatever order the graph was built in (same seed)', () => {
    // Given the karate club built twice, nodes and edges inserted in different orders
    const fixture = goldenFixtures().find((f) => f.name === 'karate')!;
    const shuffled = new UndirectedGraph();
    const rng = mulberry32(99);
    for (const node of shuffleInPlace([...fixture.nodes], rng)) shuffled.addNode(node);
    for (const [a, b] of shuffleInPlace([...fixture.edges], rng)) shuffled.addEdge(b, a);
    // Then the community ids are identical
    expect(louvain(toCsr(shuffled)).community).toEqual(louvain(toCsr(fixtureGraph(fixture))).community);
  });

  it('leaves isolates alone and does not count them as communities', () => {
    const fixture = goldenFixtures().find((f) => f.name === 'disconnected')!;
    const csr = fixtureCsr(fixture);
    const { community, count } = louvain(csr);
    const isolates = ['300', '301', '302', '303'].map((k) => community[csr.indexOf.get(k)!]);
    expect(new Set(isolates).size).toBe(4);
    const ofOthers = new Set(csr.keys.filter((k) => !k.startsWith('30')).map((k) => community[csr.indexOf.get(k)!]));
    for (const id of isolates) expect(ofOthers.has(id)).toBe(false);
    expect(count).toBe(new Set(community).size - 4);
  });

  it('numbers communities 0, 1, … by their first member and handles a network without ties', () => {
    const csr = fixtureCsr(goldenFixtures().find((f) => f.name === 'karate')!);
    expect(louvain(csr).community[0]).toBe(0);
    const empty = fixtureCsr(goldenFixtures().find((f) => f.name === 'no-ties')!);
    expect(louvain(empty)).toEqual({ community: Int32Array.from([0, 1, 2, 3, 4]), count: 0, modularity: 0 });
  });

  it('can weigh ties by strength', () => {
    // Given two triangles joined by a bridge that is far stronger than the triangles' ties
    const graph = new UndirectedGraph();
    for (const [a, b] of [['a', 'b'], ['b', 'c'], ['a', 'c'], ['d', 'e'], ['e', 'f'], ['d', 'f']]) graph.mergeEdge(a, b, { strength: 1 });
    graph.mergeEdge('c', 'd', { strength: 50 });
    const csr = toCsr(graph);
    const at = (k: string, c: Int32Array): number => c[csr.indexOf.get(k)!];
    // Then unweighted, the bridge separates the triangles; weighted, c and d belong together
    const plain = louvain(csr).community;
    expect(at('c', plain)).not.toBe(at('d', plain));
    const weighted = louvain(csr, { weighted: true }).community;
    expect(at('c', weighted)).toBe(at('d', weighted));
  });
});
