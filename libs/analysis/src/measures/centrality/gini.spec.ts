import { expectClose, fixtureCsr, goldenFixtures } from '../../../../../test/fixtures/golden-fixtures';
import { betweenness } from './betweenness';
import { gini } from './gini';

describe('Gini coefficient', () => {
  it.each(goldenFixtures().map((f) => [f.name, f] as const))(
    'of degree and of raw betweenness equals the double-sum definition computed from networkx on the %s fixture',
    (_name, fixture) => {
      const csr = fixtureCsr(fixture);
      expectClose(gini(csr.degree), fixture.expected.network.degreeGini);
      expectClose(gini(betweenness(csr).raw), fixture.expected.network.betweennessGini);
    },
  );

  it('by hand: one of four holds everything → 3/4; equal shares → 0; nothing → 0', () => {
    expect(gini([0, 0, 0, 1])).toBe(0.75);
    expect(gini([2, 2, 2])).toBe(0);
    expect(gini([0, 0])).toBe(0);
    expect(gini([])).toBe(0);
  });
});
