import { expectClose, fixtureCsr, goldenFixtures } from '../../../../../test/fixtures/golden-fixtures';
import { betweenness } from './betweenness';
import { harmonicCloseness } from './closeness';
import {
  freemanBetweennessCentralisation,
  freemanClosenessCentralisation,
  freemanDegreeCentralisation,
} from './freeman-centralisation';

describe('Freeman centralisation', () => {
  it.each(goldenFixtures().map((f) => [f.name, f] as const))(
    'of degree, betweenness and closeness equals the values derived from networkx on the %s fixture',
    (_name, fixture) => {
      const csr = fixtureCsr(fixture);
      expectClose(freemanDegreeCentralisation(csr.degree), fixture.expected.network.degreeCentralization);
      expectClose(freemanBetweennessCentralisation(betweenness(csr).raw), fixture.expected.network.betweennessCentralization);
      expectClose(freemanClosenessCentralisation(harmonicCloseness(csr)), fixture.expected.network.closenessCentralization);
    },
  );

  it('scores a star 1 and a complete graph 0 on every centrality', () => {
    for (const [name, want] of [['star', 1], ['complete', 0]] as const) {
      const csr = fixtureCsr(goldenFixtures().find((f) => f.name === name)!);
      expect(freemanDegreeCentralisation(csr.degree)).toBeCloseTo(want, 12);
      expect(freemanBetweennessCentralisation(betweenness(csr).raw)).toBeCloseTo(want, 12);
      expect(freemanClosenessCentralisation(harmonicCloseness(csr))).toBeCloseTo(want, 12);
    }
  });

  it('by hand on a path of four: degree 2/6, betweenness 4/9', () => {
    // Given a – b – c – d: degrees 1 2 2 1, raw betweenness 0 2 2 0
    const degree = [1, 2, 2, 1];
    // Then degree: (1 + 0 + 0 + 1) / (3 · 2); betweenness: (2 + 0 + 0 + 2) / (3² · 2 / 2)
    expect(freemanDegreeCentralisation(degree)).toBeCloseTo(2 / 6, 15);
    expect(freemanBetweennessCentralisation([0, 2, 2, 0])).toBeCloseTo(4 / 9, 15);
    // and closeness: ends (1 + 1/2 + 1/3)/3 = 11/18, middles (1 + 1 + 1/2)/3 = 15/18 → 2·(4/18)/(2/2)
    expect(freemanClosenessCentralisation([11 / 18, 15 / 18, 15 / 18, 11 / 18])).toBeCloseTo(8 / 18, 15);
  });

  it('is 0 (degree, betweenness) and null (closeness) below three members', () => {
    expect(freemanDegreeCentralisation([1, 1])).toBe(0);
    expect(freemanBetweennessCentralisation([0])).toBe(0);
    expect(freemanClosenessCentralisation([1, 1])).toBeNull();
    expect(freemanClosenessCentralisation([])).toBeNull();
  });
});
