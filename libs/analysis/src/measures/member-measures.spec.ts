import { UndirectedGraph } from 'graphology';
import { expectClosePerNode, fixtureGraph, goldenFixtures } from '../../../../test/fixtures/golden-fixtures';
import type { MemberMeasures } from '../graph/types';
import { memberMeasures } from './member-measures';

const pick = (members: Record<string, MemberMeasures>, field: keyof MemberMeasures): Record<string, number | null> =>
  Object.fromEntries(Object.entries(members).map(([k, m]) => [k, m[field]]));

describe('memberMeasures', () => {
  describe.each(goldenFixtures().map((f) => [f.name, f] as const))('on the %s fixture', (_name, fixture) => {
    const members = memberMeasures(fixtureGraph(fixture));
    const expected = fixture.expected;

    it.each([
      ['degree', expected.degree],
      ['strength', expected.strength],
      ['betweenness', expected.betweenness],
      ['betweennessNormalized', expected.betweennessNormalized],
      ['closeness', expected.closeness],
      ['clustering', expected.clustering],
      ['effectiveSize', expected.effectiveSize],
      ['efficiency', expected.efficiency],
      ['constraint', expected.constraint],
    ] as const)('%s equals networkx within 1e-9', (field, want) => {
      expectClosePerNode(pick(members, field), want);
    });

    it('eigenvector equals networkx within 1e-6', () => {
      expectClosePerNode(pick(members, 'eigenvector'), expected.eigenvector!, 1e-6);
    });

    it('puts every member in a community numbered from 0 without gaps', () => {
      const ids = [...new Set(Object.values(members).map((m) => m.community))].sort((a, b) => a - b);
      expect(ids).toEqual(ids.map((_, i) => i));
    });
  });

  it('returns no members for an empty graph', () => {
    expect(memberMeasures(new UndirectedGraph())).toEqual({});
  });

  it('with sampled betweenness keeps closeness exact', () => {
    const fixture = goldenFixtures().find((f) => f.name === 'powerlaw-cluster')!;
    const members = memberMeasures(fixtureGraph(fixture), { betweenness: { pivots: 50 } });
    expectClosePerNode(pick(members, 'closeness'), fixture.expected.closeness);
    expect(pick(members, 'betweenness')).not.toEqual(fixture.expected.betweenness);
  });
});
