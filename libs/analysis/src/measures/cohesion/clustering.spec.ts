import { asRecord, expectClose, expectClosePerNode, fixtureCsr, goldenFixtures } from '../../../../../test/fixtures/golden-fixtures';
import { averageClustering, localClustering, transitivity } from './clustering';
import { triangles } from './triangles';

describe('triangles, clustering and transitivity', () => {
  describe.each(goldenFixtures().map((f) => [f.name, f] as const))('on the %s fixture', (_name, fixture) => {
    const csr = fixtureCsr(fixture);
    const counts = triangles(csr);

    it('triangles equal networkx triangles', () => {
      expectClosePerNode(asRecord(csr, counts), fixture.expected.triangles, 0);
    });

    it('local clustering equals networkx clustering within 1e-9', () => {
      expectClosePerNode(asRecord(csr, localClustering(csr, counts)), fixture.expected.clustering);
    });

    it('average clustering (zeros included) equals networkx average_clustering', () => {
      expectClose(averageClustering(localClustering(csr, counts)), fixture.expected.network.averageClustering);
    });

    it('transitivity equals networkx transitivity', () => {
      expectClose(transitivity(csr, counts), fixture.expected.network.transitivity);
    });
  });

  it('is 0, not NaN, for members with fewer than two ties and for an empty network', () => {
    const pair = fixtureCsr(goldenFixtures().find((f) => f.name === 'pair')!);
    expect(Array.from(localClustering(pair, triangles(pair)))).toEqual([0, 0]);
    expect(averageClustering([])).toBe(0);
    expect(transitivity(pair, triangles(pair))).toBe(0);
  });
});
