import { asRecord, expectClosePerNode, fixtureCsr, goldenFixtures } from '../../../../../test/fixtures/golden-fixtures';
import { eigenvectorCentrality } from './eigenvector';

describe('eigenvector centrality', () => {
  const withValues = goldenFixtures().filter((f) => f.expected.eigenvector !== null);

  it('has a networkx value for every fixture with members (none failed to converge)', () => {
    expect(withValues.map((f) => f.name).sort()).toEqual(goldenFixtures().map((f) => f.name).sort());
  });

  it.each(withValues.map((f) => [f.name, f] as const))(
    'equals networkx eigenvector_centrality on the %s fixture within 1e-9 (same iteration, same stop)',
    (_name, fixture) => {
      const csr = fixtureCsr(fixture);
      const result = eigenvectorCentrality(csr);
      expect(result.converged).toBe(true);
      expectClosePerNode(asRecord(csr, result.values), fixture.expected.eigenvector!);
    },
  );

  it('returns the last iterate, finite and flagged, when it has not converged', () => {
    // Given too few iterations for the karate club
    const csr = fixtureCsr(goldenFixtures().find((f) => f.name === 'karate')!);
    // When limited to two steps
    const result = eigenvectorCentrality(csr, { maxIter: 2 });
    // Then no exception, a flag, and a unit vector
    expect(result).toMatchObject({ converged: false, iterations: 2 });
    const norm = Math.sqrt(Array.from(result.values).reduce((s, x) => s + x * x, 0));
    expect(norm).toBeCloseTo(1, 12);
  });
});
