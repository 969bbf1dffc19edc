import { UndirectedGraph } from 'graphology';
import { constraint, structuralHoles } from '../measures/cohesion/burt';
import { csrFromEdges, toCsr } from '../measures/engine/csr';
import type { Csr } from '../measures/engine/csr';
import { mulberry32 } from '../measures/engine/seeded-random';
import { triangles } from '../measures/cohesion/triangles';
import { constraintAt, csrWithTies, openPairsAdded } from './added-ties';
import { previewTies, whatIfBase } from './what-if';

describe('what-if previews', () => {
  // The path a – b – c: b brokers the only structural hole.
  const path = new UndirectedGraph();
  path.mergeEdge('a', 'b');
  path.mergeEdge('b', 'c');
  const base = whatIfBase(toCsr(path, { weightAttribute: null }), { exactBetweennessUpTo: 500, pivots: 128 });

  it('reports the structure before and after adding the ties, and the change', () => {
    const preview = previewTies(base, [['a', 'c']], ['a', 'b']);
    expect(preview.addedTies).toEqual([['a', 'c']]);
    expect(preview.before).toEqual({ density: 2 / 3, degreeCentralization: 1, betweennessCentralization: 1, structuralHoles: 1 });
    expect(preview.after).toEqual({ density: 1, degreeCentralization: 0, betweennessCentralization: 0, structuralHoles: 0 });
    expect(preview.change).toEqual({ density: 1 - 2 / 3, degreeCentralization: -1, betweennessCentralization: -1, structuralHoles: -1 });
    // Constraint: b had two unconnected contacts (2 × (1/2)² = 0.5); in the triangle each contact is also
    // reached through the other: 2 × (1/2 + 1/4)² = 1.125.
    expect(preview.constraint).toEqual({ a: { before: 1, after: 1.125 }, b: { before: 0.5, after: 1.125 } });
  });

  it('does not change the base, so previews are independent', () => {
    previewTies(base, [['a', 'c']], []);
    expect(previewTies(base, [['a', 'c']], []).before.density).toBe(2 / 3);
  });

  it('shows null constraint for a member without ties and refuses ties to unknown members', () => {
    const graph = new UndirectedGraph();
    graph.mergeEdge('a', 'b');
    graph.addNode('n');
    const lone = whatIfBase(toCsr(graph), { exactBetweennessUpTo: 500, pivots: 128 });
    expect(previewTies(lone, [['n', 'a']], ['n']).constraint).toEqual({ n: { before: null, after: 1 } });
    expect(() => previewTies(lone, [['n', 'zz']], [])).toThrow('needs two members of the graph');
  });
});

/** A seeded random graph of n members with about m ties, and up to three untied pairs to add. */
function randomCase(seed: number): { csr: Csr; ties: Array<[number, number]> } {
  const rng = mulberry32(seed);
  const n = 5 + Math.floor(rng() * 40);
  const graph = new UndirectedGraph();
  for (let i = 0; i < n; i++) graph.addNode(`m${String(i).padStart(2, '0')}`);
  const wanted = Math.floor(rng() * n * 3);
  for (let e = 0; e < wanted; e++) {
    const [a, b] = [Math.floor(rng() * n), Math.floor(rng() * n)];
    if (a !== b) graph.mergeEdge(`m${String(a).padStart(2, '0')}`, `m${String(b).padStart(2, '0')}`);
  }
  const csr = toCsr(graph, { weightAttribute: null });
  // 1–3 ties; the later ones often share an end with an earlier one (as a newcomer's introductions do).
  const ties: Array<[number, number]> = [];
  const taken = (a: number, b: number) => graph.hasEdge(csr.keys[a], csr.keys[b]) || ties.some(([x, y]) => (x === a && y === b) || (x === b && y === a));
  for (let tries = 0, count = 1 + Math.floor(rng() * 3); ties.length < count && tries < 50; tries++) {
    const a = ties.length > 0 && rng() < 0.6 ? ties[0][Math.floor(rng() * 2)] : Math.floor(rng() * n);
    const b = Math.floor(rng() * n);
    if (a !== b && !taken(a, b)) ties.push([a, b]);
  }
  return { csr, ties };
}

/** The straightforward way: the edge list plus the ties, through csrFromEdges. */
function rebuilt(csr: Csr, ties: Array<[number, number]>): Csr {
  const edges: Array<[number, number, number]> = [];
  for (let v = 0; v < csr.n; v++) {
    for (let j = csr.offsets[v]; j < csr.offsets[v + 1]; j++) if (csr.neighbours[j] > v) edges.push([v, csr.neighbours[j], csr.weights[j]]);
  }
  for (const [a, b] of ties) edges.push([a, b, 1]);
  return csrFromEdges(csr.n, csr.keys, csr.indexOf, edges.map((e) => e[0]), edges.map((e) => e[1]), edges.map((e) => e[2]));
}

describe('what-if shortcuts equal recomputing the whole graph', () => {
  const cases = Array.from({ length: 200 }, (_, i) => randomCase(1000 + i));

  it('merges the added ties into the CSR exactly as building it from the edge list does', () => {
    for (const { csr, ties } of cases) {
      const given = csrWithTies(csr, ties);
      const expected = rebuilt(csr, ties);
      expect([given.m, [...given.offsets], [...given.neighbours], [...given.weights], [...given.degree]]).toEqual([
        expected.m,
        [...expected.offsets],
        [...expected.neighbours],
        [...expected.weights],
        [...expected.degree],
      ]);
    }
  });

  it('updates the open pairs from the ties\' ends, each tie seeing the ones added before it', () => {
    for (const { csr, ties } of cases) {
      const after = rebuilt(csr, ties);
      const base = structuralHoles(csr, triangles(csr)).openPairs;
      expect(base + openPairsAdded(csr, ties)).toBe(structuralHoles(after, triangles(after)).openPairs);
    }
  });

  it('gives one member\'s constraint bit for bit as the whole-graph computation', () => {
    for (const { csr, ties } of cases) {
      for (const graph of [csr, rebuilt(csr, ties)]) {
        const all = constraint(graph);
        for (let v = 0; v < graph.n; v++) expect(constraintAt(graph, v)).toBe(all[v]);
      }
    }
  });

  it('refuses a tie that is already there, in the graph or earlier in the same preview', () => {
    const path = new UndirectedGraph();
    path.mergeEdge('a', 'b');
    path.mergeEdge('b', 'c');
    const base = whatIfBase(toCsr(path), { exactBetweennessUpTo: 500, pivots: 128 });
    expect(() => previewTies(base, [['b', 'a']], [])).toThrow('what-if tie b–a is already a tie');
    expect(() => previewTies(base, [['a', 'c'], ['c', 'a']], [])).toThrow('what-if tie c–a is already a tie');
  });

  it('gives the betweenness centralisation after the ties as a fresh search of the new graph does, exact and sampled', () => {
    for (const { csr, ties } of cases) {
      for (const options of [{ exactBetweennessUpTo: 1_000, pivots: 8 }, { exactBetweennessUpTo: 10, pivots: 8 }]) {
        const preview = previewTies(whatIfBase(csr, options), ties.map(([a, b]) => [csr.keys[a], csr.keys[b]]), []);
        const fresh = whatIfBase(rebuilt(csr, ties), options);
        expect(preview.after.betweennessCentralization).toBeCloseTo(fresh.figures.betweennessCentralization, 12);
      }
    }
  });
});
