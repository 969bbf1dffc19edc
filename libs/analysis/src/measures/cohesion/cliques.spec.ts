import { expectClose, fixtureCsr, goldenFixtures } from '../../../../../test/fixtures/golden-fixtures';
import { maximalCliques } from './cliques';
import { csrFromEdges } from '../engine/csr';
import type { Csr } from '../engine/csr';
import { mulberry32 } from '../engine/seeded-random';

describe('maximal cliques', () => {
  it.each(goldenFixtures().map((f) => [f.name, f] as const))(
    'count, size and the all-sizes count equal networkx find_cliques on the %s fixture',
    (_name, fixture) => {
      const summary = maximalCliques(fixtureCsr(fixture));
      expect(summary).toEqual({
        count: fixture.expected.network.maximalCliques,
        countAll: fixture.expected.network.maximalCliquesAll,
        largest: fixture.expected.network.largestClique,
        truncated: false,
      });
    },
  );

  it('honours minSize: with 1 it counts every maximal clique, isolates included', () => {
    const fixture = goldenFixtures().find((f) => f.name === 'disconnected')!;
    expectClose(maximalCliques(fixtureCsr(fixture), { minSize: 1 }).count, fixture.expected.network.maximalCliquesAll, 0);
  });

  it('stops at the limit and says so', () => {
    const fixture = goldenFixtures().find((f) => f.name === 'powerlaw-cluster')!;
    const summary = maximalCliques(fixtureCsr(fixture), { limit: 10 });
    expect(summary).toMatchObject({ countAll: 10, truncated: true });
  });

  it('agrees with a plain set-based Bron–Kerbosch on random graphs, including neighbourhoods wider than 32', () => {
    for (const [seed, n, p] of [[1, 40, 0.3], [2, 60, 0.55], [3, 120, 0.08], [4, 45, 0.85]] as const) {
      const csr = randomGraph(n, p, seed);
      const reference = plainBronKerbosch(csr);
      expect(maximalCliques(csr, { minSize: 3 })).toEqual({
        count: reference.filter((size) => size >= 3).length,
        countAll: reference.length,
        largest: Math.max(...reference),
        truncated: false,
      });
    }
  });
});

function randomGraph(n: number, p: number, seed: number): Csr {
  const rng = mulberry32(seed);
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (rng() < p) (a.push(i), b.push(j));
  const keys = Array.from({ length: n }, (_, i) => String(i).padStart(3, '0'));
  return csrFromEdges(n, keys, new Map(keys.map((k, i) => [k, i])), a, b, a.map(() => 1));
}

/** Sizes of all maximal cliques, by Bron–Kerbosch with Tomita's pivot over plain Sets. */
function plainBronKerbosch(csr: Csr): number[] {
  const sets = Array.from({ length: csr.n }, (_, v) => new Set(csr.neighbours.subarray(csr.offsets[v], csr.offsets[v + 1])));
  const adjacent = (v: number): Set<number> => sets[v];
  const sizes: number[] = [];
  const expand = (size: number, p: Set<number>, x: Set<number>): void => {
    if (p.size === 0 && x.size === 0) sizes.push(size);
    if (p.size === 0) return;
    const inP = (u: number): number => [...p].filter((w) => adjacent(u).has(w)).length;
    const pivot = [...p, ...x].reduce((best, u) => (inP(u) > inP(best) ? u : best));
    for (const v of [...p].filter((w) => !adjacent(pivot).has(w))) {
      const near = adjacent(v);
      expand(size + 1, new Set([...p].filter((w) => near.has(w))), new Set([...x].filter((w) => near.has(w))));
      p.delete(v);
      x.add(v);
    }
  };
  expand(0, new Set(Array.from({ length: csr.n }, (_, i) => i)), new Set());
  return sizes;
}
