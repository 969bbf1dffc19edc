import { asRecord, expectClosePerNode, fixtureCsr, goldenFixtures } from '../../../../../test/fixtures/golden-fixtures';
import { harmonicCloseness } from './closeness';

describe('harmonic closeness', () => {
  it.each(goldenFixtures().map((f) => [f.name, f] as const))(
    'equals networkx harmonic_centrality / (n − 1) on the %s fixture within 1e-9',
    (_name, fixture) => {
      const csr = fixtureCsr(fixture);
      expectClosePerNode(asRecord(csr, harmonicCloseness(csr)), fixture.expected.closeness);
    },
  );

  it('counts unreachable members as 0, by hand on a path of 3 plus an isolate', () => {
    // Given a – b – c and an isolate d (n = 4)
    const fixture = { nodes: ['a', 'b', 'c', 'd'], edges: [['a', 'b'], ['b', 'c']] };
    const csr = fixtureCsr({ ...fixture, name: 'hand', description: '', weighted: false } as never);
    // Then a = (1 + 1/2) / 3, b = (1 + 1) / 3, d = 0
    expect(asRecord(csr, harmonicCloseness(csr))).toEqual({ a: 0.5, b: 2 / 3, c: 0.5, d: 0 });
  });
});
