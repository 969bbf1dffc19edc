import { cliquesAfterAddingEdge } from './cliques-after-edge';
import { maximalCliques } from './cliques';
import type { CliqueSummary } from './cliques';
import { csrFromEdges } from '../engine/csr';
import type { Csr } from '../engine/csr';
import { mulberry32, shuffleInPlace } from '../engine/seeded-random';

type Edge = readonly [number, number];

describe('maximal cliques after adding one tie', () => {
  it('given two triangles sharing a tie, when their far corners are tied, then they become one K4', () => {
    const before = graphOf(4, [[0, 1], [0, 2], [1, 2], [1, 3], [2, 3]]);
    const after = cliquesAfterAddingEdge(before, maximalCliques(before), 0, 3);
    expect(after).toEqual({ count: 1, countAll: 1, largest: 4, truncated: false });
  });

  it('given two isolated members, when they are tied, then two size-1 cliques become one lone tie', () => {
    const before = graphOf(4, [[0, 1]]);
    expect(maximalCliques(before, { minSize: 1 })).toEqual({ count: 3, countAll: 3, largest: 2, truncated: false });
    const after = cliquesAfterAddingEdge(before, maximalCliques(before, { minSize: 1 }), 3, 2, { minSize: 1 });
    expect(after).toEqual({ count: 2, countAll: 2, largest: 2, truncated: false });
  });

  it('given a triangle and an isolate, when the isolate is tied to a corner, then the pendant replaces the isolate', () => {
    const before = graphOf(4, [[0, 1], [0, 2], [1, 2]]);
    const after = cliquesAfterAddingEdge(before, maximalCliques(before, { minSize: 2 }), 3, 0, { minSize: 2 });
    expect(after).toEqual({ count: 2, countAll: 2, largest: 3, truncated: false });
  });

  it('given both ends with private neighbours of the shared one, when tied, then the old cliques survive beside the new', () => {
    // a=0, b=1, shared 2; 3 closes {0,2,3} and 4 closes {1,2,4}, so {0,2} and {1,2} were never maximal.
    const before = graphOf(5, [[0, 2], [1, 2], [0, 3], [2, 3], [1, 4], [2, 4]]);
    const after = cliquesAfterAddingEdge(before, maximalCliques(before), 0, 1);
    expect(after).toEqual({ count: 3, countAll: 3, largest: 3, truncated: false });
  });

  it('given K70 missing one tie, when it is added, then a single clique of 70 remains (more than 32 shared neighbours)', () => {
    const n = 70;
    const edges: Edge[] = [];
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (i !== 5 || j !== 60) edges.push([i, j]);
    const before = graphOf(n, edges);
    expect(maximalCliques(before).countAll).toBe(2);
    const after = cliquesAfterAddingEdge(before, maximalCliques(before), 60, 5);
    expect(after).toEqual({ count: 1, countAll: 1, largest: 70, truncated: false });
  });

  it('given a summary, when a tie is added, then the summary passed in is left as it was', () => {
    const before = graphOf(3, [[0, 1], [1, 2]]);
    const summary = maximalCliques(before);
    const copy = { ...summary };
    cliquesAfterAddingEdge(before, summary, 0, 2);
    expect(summary).toEqual(copy);
  });

  it('refuses a self-tie, an existing tie and members out of range', () => {
    const before = graphOf(3, [[0, 1]]);
    const summary = maximalCliques(before);
    expect(() => cliquesAfterAddingEdge(before, summary, 2, 2)).toThrow(RangeError);
    expect(() => cliquesAfterAddingEdge(before, summary, 1, 0)).toThrow(RangeError);
    expect(() => cliquesAfterAddingEdge(before, summary, 0, 3)).toThrow(RangeError);
    expect(() => cliquesAfterAddingEdge(before, summary, -1, 0)).toThrow(RangeError);
    expect(() => cliquesAfterAddingEdge(before, summary, 0.5, 2)).toThrow(RangeError);
  });

  it('given a truncated summary, when a tie is added, then it answers as the full enumeration with the same limit', () => {
    const edges = randomEdges(30, 0.5, mulberry32(7));
    const before = graphOf(30, edges);
    const summary = maximalCliques(before, { limit: 5 });
    expect(summary.truncated).toBe(true);
    const [a, b] = nonEdges(30, edges)[0];
    const expected = maximalCliques(graphOf(30, [...edges, [a, b]]), { limit: 5 });
    expect(cliquesAfterAddingEdge(before, summary, a, b, { limit: 5 })).toEqual(expected);
  });

  it('given a count just below the limit, when the new tie reaches it, then the answer is truncated as in full', () => {
    const edges: Edge[] = [[0, 2], [1, 2], [0, 3], [2, 3], [1, 4], [2, 4]];
    const before = graphOf(5, edges);
    const summary = maximalCliques(before, { limit: 3 });
    expect(summary).toMatchObject({ countAll: 2, truncated: false });
    const after = cliquesAfterAddingEdge(before, summary, 0, 1, { limit: 3 });
    expect(after).toEqual(maximalCliques(graphOf(5, [...edges, [0, 1]]), { limit: 3 }));
    expect(after.truncated).toBe(true);
  });

  it.each([3, 2, 1])(
    'given seeded graphs of 1–40 members, when non-ties are added one by one, then each summary equals a full count (minSize %i)',
    (minSize) => {
      const mismatches: string[] = [];
      let checks = 0;
      for (let seed = 1; seed <= 150; seed++) {
        const rng = mulberry32(seed * 7919 + minSize);
        const n = 1 + Math.floor(rng() * 40);
        const shape = SHAPES[seed % SHAPES.length];
        const p = [0.05, 0.15, 0.3, 0.5, 0.8][seed % 5];
        const edges = shape(n, p, rng);
        const additions = shuffleInPlace(nonEdges(n, edges), rng).slice(0, 15);
        let csr = graphOf(n, edges);
        let summary = maximalCliques(csr, { minSize });
        for (const [a, b] of additions) {
          // Chained: each step starts from the previous incremental answer, so errors would accumulate.
          summary = cliquesAfterAddingEdge(csr, summary, a, b, { minSize });
          edges.push([a, b]);
          csr = graphOf(n, edges);
          const expected = maximalCliques(csr, { minSize });
          checks++;
          if (!same(summary, expected)) {
            const got = JSON.stringify(summary);
            mismatches.push(`seed ${seed} (${shape.name}, n=${n}) +${a}–${b}: ${got} ≠ ${JSON.stringify(expected)}`);
          }
        }
      }
      expect(mismatches).toEqual([]);
      expect(checks).toBeGreaterThan(1000);
    },
  );
});

/** Graph shapes for the property test; each returns a fresh, mutable edge list. */
const SHAPES: Array<(n: number, p: number, rng: () => number) => Edge[]> = [
  function random(n, p, rng) {
    return randomEdges(n, p, rng);
  },
  function withIsolates(n, p, rng) {
    return randomEdges(Math.ceil((n * 2) / 3), p, rng);
  },
  function disconnected(n, p, rng) {
    const half = Math.floor(n / 2);
    const right = randomEdges(n - half, p, rng).map(([u, v]): Edge => [u + half, v + half]);
    return [...randomEdges(half, p, rng), ...right];
  },
  function completeMissingOne(n, _p, rng) {
    const all = randomEdges(n, 1, rng);
    all.splice(Math.floor(rng() * all.length), 1);
    return all;
  },
  function star(n) {
    return Array.from({ length: n - 1 }, (_, i): Edge => [0, i + 1]);
  },
];

function randomEdges(n: number, p: number, rng: () => number): Edge[] {
  const edges: Edge[] = [];
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (rng() < p) edges.push([i, j]);
  return edges;
}

function nonEdges(n: number, edges: readonly Edge[]): Edge[] {
  const present = new Set(edges.map(([u, v]) => Math.min(u, v) * n + Math.max(u, v)));
  const out: Edge[] = [];
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (!present.has(i * n + j)) out.push([i, j]);
  return out;
}

function graphOf(n: number, edges: readonly Edge[]): Csr {
  const keys = Array.from({ length: n }, (_, i) => String(i).padStart(3, '0'));
  const indexOf = new Map(keys.map((k, i) => [k, i]));
  return csrFromEdges(n, keys, indexOf, edges.map((e) => e[0]), edges.map((e) => e[1]), edges.map(() => 1));
}

function same(x: CliqueSummary, y: CliqueSummary): boolean {
  return x.count === y.count && x.countAll === y.countAll && x.largest === y.largest && x.truncated === y.truncated;
}
