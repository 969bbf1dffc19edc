import { expectClose, fixtureCsr, goldenFixtures } from '../../../../../test/fixtures/golden-fixtures';
import type { GoldenFixture } from '../../../../../test/fixtures/golden-fixtures';
import { crossCommunityTieShare, modularity } from './modularity';

describe('modularity', () => {
  it.each(goldenFixtures().map((f) => [f.name, f] as const))(
    "equals networkx community.modularity of networkx's Louvain partition on the %s fixture",
    (_name, fixture) => {
      // Given networkx's partition (louvain_communities, seed 42) written in the fixture
      const csr = fixtureCsr(fixture);
      const community = csr.keys.map((k) => fixture.expected.partition[k]);
      // Then our modularity of that same partition equals networkx's
      expectClose(modularity(csr, community), fixture.expected.network.partitionModularity);
    },
  );

  it('by hand: two triangles joined by one tie, split at the bridge', () => {
    // Given a-b-c and d-e-f as triangles and c–d as a bridge (m = 7)
    const csr = fixtureCsr({
      name: 'hand', description: '', weighted: false,
      nodes: ['a', 'b', 'c', 'd', 'e', 'f'],
      edges: [['a', 'b'], ['b', 'c'], ['a', 'c'], ['d', 'e'], ['e', 'f'], ['d', 'f'], ['c', 'd']],
    } as unknown as GoldenFixture);
    const split = [0, 0, 0, 1, 1, 1];
    // Then Q = 2 · (3/7 − (7/14)²) = 6/7 − 1/2
    expect(modularity(csr, split)).toBeCloseTo(6 / 7 - 1 / 2, 15);
    // and one tie of seven crosses communities
    expect(crossCommunityTieShare(csr, split)).toBeCloseTo(1 / 7, 15);
    // and one community holding everything scores 0
    expect(modularity(csr, [0, 0, 0, 0, 0, 0])).toBeCloseTo(0, 15);
  });

  it('is 0 without ties', () => {
    const csr = fixtureCsr(goldenFixtures().find((f) => f.name === 'no-ties')!);
    expect(modularity(csr, [0, 1, 2, 3, 4])).toBe(0);
    expect(crossCommunityTieShare(csr, [0, 1, 2, 3, 4])).toBe(0);
  });
});
