import { UndirectedGraph } from 'graphology';
import { INTERACTION_KINDS } from '@solmu/network/published';
import { expectClose, fixtureCsr, fixtureGraph, goldenFixtures } from '../../../../test/fixtures/golden-fixtures';
import type { NetworkMeasures } from '../graph/types';
import { memberMeasures } from './member-measures';
import { modularity } from './communities/modularity';
import { measureGraph, networkMeasures } from './network-measures';

describe('networkMeasures', () => {
  describe.each(goldenFixtures().map((f) => [f.name, f] as const))('on the %s fixture', (_name, fixture) => {
    const network = networkMeasures(fixtureGraph(fixture));
    const want = fixture.expected.network;

    it.each([
      'members', 'ties', 'density', 'degreeCentralization', 'betweennessCentralization', 'closenessCentralization',
      'averageClustering', 'transitivity', 'structuralHoles', 'structuralHolesShare', 'meanConstraint',
      'maximalCliques', 'largestClique', 'largestKCore', 'degreeGini', 'betweennessGini', 'components',
      'largestComponentShare', 'isolates',
    ] as const)('%s equals the networkx value within 1e-9', (field) => {
      expectClose(network[field], want[field]);
    });

    it("reports the modularity of its own Louvain partition, no worse than networkx's less 0.02", () => {
      const members = memberMeasures(fixtureGraph(fixture));
      const csr = fixtureCsr(fixture);
      expectClose(network.modularity, modularity(csr, csr.keys.map((k) => members[k].community)));
      expect(network.modularity).toBeGreaterThanOrEqual(want.partitionModularity - 0.02);
    });

    it('contains no NaN or infinity anywhere', () => {
      expect(nonFinite(network)).toEqual([]);
      expect(nonFinite(memberMeasures(fixtureGraph(fixture)))).toEqual([]);
    });

    it('gives the same result when handed precomputed member measures', () => {
      const graph = fixtureGraph(fixture);
      expect(networkMeasures(graph, { members: memberMeasures(graph) })).toEqual(network);
      expect(measureGraph(graph).network).toEqual(network);
    });
  });

  it('describes an empty network with zeros and nulls only', () => {
    expect(networkMeasures(new UndirectedGraph())).toEqual<NetworkMeasures>({
      members: 0, ties: 0, density: 0, degreeCentralization: 0, betweennessCentralization: 0,
      closenessCentralization: null, averageClustering: 0, transitivity: 0, structuralHoles: 0,
      structuralHolesShare: 0, meanConstraint: null, maximalCliques: 0, largestClique: 0, largestKCore: 0,
      degreeGini: 0, betweennessGini: 0, components: 0, largestComponentShare: 0, isolates: 0,
      communities: 0, modularity: 0, crossCommunityTieShare: 0,
      ladderProfile: Object.fromEntries(INTERACTION_KINDS.map((k) => [k, 0])) as NetworkMeasures['ladderProfile'],
    });
  });

  it('counts Louvain communities among members with ties only', () => {
    // Given the caveman graph's five caves plus nothing else, and the no-ties graph
    expect(networkMeasures(fixtureGraph(goldenFixtures().find((f) => f.name === 'caveman')!)).communities).toBe(5);
    expect(networkMeasures(fixtureGraph(goldenFixtures().find((f) => f.name === 'no-ties')!)).communities).toBe(0);
  });

  it('rejects member measures that belong to another graph', () => {
    const graph = fixtureGraph(goldenFixtures().find((f) => f.name === 'star')!);
    expect(() => networkMeasures(graph, { members: {} })).toThrow(RangeError);
  });
});

/** Paths of every number in a JSON-like value that is NaN or infinite. */
function nonFinite(value: unknown, path = '$'): string[] {
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [path];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => nonFinite(v, `${path}.${k}`));
}
