import { asRecord, expectClose, expectClosePerNode, fixtureCsr, goldenFixtures } from '../../../../../test/fixtures/golden-fixtures';
import type { GoldenFixture } from '../../../../../test/fixtures/golden-fixtures';
import { burtMeasures, structuralHoles } from './burt';
import { triangles } from './triangles';

describe("Burt's structural-hole measures", () => {
  describe.each(goldenFixtures().map((f) => [f.name, f] as const))('on the %s fixture', (_name, fixture) => {
    const csr = fixtureCsr(fixture);
    const counts = triangles(csr);
    const burt = burtMeasures(csr, counts);

    it('effective size equals networkx effective_size (null where networkx gives NaN)', () => {
      expectClosePerNode(asRecord(csr, burt.effectiveSize), fixture.expected.effectiveSize);
    });

    it('efficiency equals networkx effective_size / degree', () => {
      expectClosePerNode(asRecord(csr, burt.efficiency), fixture.expected.efficiency);
    });

    it('constraint equals networkx constraint (null where networkx gives NaN)', () => {
      expectClosePerNode(asRecord(csr, burt.constraint), fixture.expected.constraint);
    });

    it('open pairs and their share equal the values derived from networkx triangles', () => {
      const holes = structuralHoles(csr, counts);
      expectClose(holes.openPairs, fixture.expected.network.structuralHoles);
      expectClose(holes.share, fixture.expected.network.structuralHolesShare);
    });
  });

  it('by hand: a broker between two otherwise separate pairs', () => {
    // Given b tied to a, c, d, e where only a–c and d–e are tied (two triangles through b)
    const fixture = {
      name: 'hand', description: '', weighted: false,
      nodes: ['a', 'b', 'c', 'd', 'e'],
      edges: [['b', 'a'], ['b', 'c'], ['b', 'd'], ['b', 'e'], ['a', 'c'], ['d', 'e']],
    } as unknown as GoldenFixture;
    const csr = fixtureCsr(fixture);
    const burt = burtMeasures(csr, triangles(csr));
    const b = csr.indexOf.get('b')!;
    // Then effective size = 4 − 2·2/4 = 3, efficiency = 3/4
    expect(burt.effectiveSize[b]).toBe(3);
    expect(burt.efficiency[b]).toBe(0.75);
    // and constraint = Σ over its 4 contacts of (1/4 + (1/4)(1/2))² = 4 · (3/8)² = 9/16,
    // where each contact's one shared neighbour has degree 2.
    expect(burt.constraint[b]).toBeCloseTo(9 / 16, 15);
    // and a (degree 2, contacts b and c tied): (1/2 + (1/2)(1/2))² + (1/2 + (1/2)(1/4))² = 0.5625 + 0.390625
    expect(burt.constraint[csr.indexOf.get('a')!]).toBeCloseTo(0.953125, 15);
    // and the open pairs: b has 6 pairs of contacts, 2 closed → 4; a, c, d, e have none open
    expect(structuralHoles(csr, triangles(csr))).toEqual({ openPairs: 4, share: 4 / 10 });
  });
});
