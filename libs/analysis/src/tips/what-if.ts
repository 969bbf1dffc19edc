/**
 * What-if previews: the network with one or more suggested ties added, compared with the network as it
 * is — density, degree and betweenness centralisation, structural holes (open pairs) and the Burt
 * constraint of the members concerned. A coordinator sees what an introduction would do before making it.
 *
 * Cheap by construction: the graph's CSR is built once per tips() call, and its figures once per
 * call (whatIfBase). A preview merges its ties into a copy of the CSR, updates the open pairs from the
 * ties' ends, computes constraint for the concerned members only (added-ties.ts), and searches
 * shortest paths again only from the sources the ties can affect: a source s whose distances to the
 * two ends of every added tie are equal has none of them on a shortest path, so its dependencies are
 * unchanged (the first tie leaves s's search as it was, and so on for the next). The base keeps each
 * source's dependencies (sources × n numbers), so a preview's betweenness is the base's with the
 * affected sources' rows swapped for new ones — on introductions between well-connected members about
 * a fifth of the sources. Above `exactBetweennessUpTo` members the
 * sources are sampled pivots, the same before and after, so the difference is not sampling noise.
 */
import { betweennessSources, scaleBetweenness } from '../measures/centrality/betweenness';
import { structuralHoles } from '../measures/cohesion/burt';
import type { Csr } from '../measures/engine/csr';
import { freemanBetweennessCentralisation, freemanDegreeCentralisation } from '../measures/centrality/freeman-centralisation';
import { hopsFrom, shortestPathSweep } from '../measures/engine/shortest-paths';
import { triangles } from '../measures/cohesion/triangles';
import { constraintAt, csrWithTies, openPairsAdded } from './added-ties';

export interface WhatIfFigures {
  density: number;
  degreeCentralization: number;
  betweennessCentralization: number;
  /** Open pairs around members (Burt's structural holes). */
  structuralHoles: number;
}

export interface WhatIf {
  addedTies: Array<[string, string]>;
  before: WhatIfFigures;
  after: WhatIfFigures;
  /** after − before. */
  change: WhatIfFigures;
  /** Burt's constraint of each member concerned, before and after (null without ties). */
  constraint: Record<string, { before: number | null; after: number | null }>;
}

export interface WhatIfOptions {
  exactBetweennessUpTo: number;
  pivots: number;
}

/** The figures of the graph as it is, computed once and reused by every preview. */
export interface WhatIfBase {
  csr: Csr;
  figures: WhatIfFigures;
  options: WhatIfOptions;
  /** The searched sources (all members when exact), their summed dependencies, and each one's own (row i for searched[i]). */
  searched: Int32Array;
  dependency: Float64Array;
  perSource: Float64Array;
}

/** `known.openPairs`: the graph's structural holes when the caller has them (its network measures). */
export function whatIfBase(csr: Csr, options: WhatIfOptions, known: { openPairs?: number } = {}): WhatIfBase {
  const searched = (csr.n > options.exactBetweennessUpTo ? betweennessSources(csr.n, { pivots: options.pivots }) : null) ?? Int32Array.from(csr.keys, (_, i) => i);
  const perSource = new Float64Array(searched.length * csr.n);
  const { dependency } = shortestPathSweep(csr, { sources: searched, perSource });
  return baseOf(csr, options, searched, dependency, perSource, known.openPairs ?? structuralHoles(csr, triangles(csr)).openPairs);
}

/**
 * The base of `after`, the base's graph with `added` ties, from the base's own searches: what a live
 * view uses when one tie has appeared since its last tips (see what-if-memo.ts).
 */
export function advanceBase(base: WhatIfBase, after: Csr, added: ReadonlyArray<readonly [number, number]>, openPairs: number): WhatIfBase {
  const { dependency, rows, fresh } = searchAgain(base, after, added);
  const perSource = base.perSource.slice();
  const n = after.n;
  rows.forEach((row, i) => perSource.set(fresh.subarray(i * n, (i + 1) * n), row * n));
  return baseOf(after, base.options, base.searched, dependency, perSource, openPairs);
}

function baseOf(csr: Csr, options: WhatIfOptions, searched: Int32Array, dependency: Float64Array, perSource: Float64Array, openPairs: number): WhatIfBase {
  const figures: WhatIfFigures = {
    ...figuresOf(csr, scaleBetweenness(csr.n, dependency, searched.length).raw),
    structuralHoles: openPairs,
  };
  return { csr, figures, options, searched, dependency, perSource };
}

/** The preview of adding `ties` (pairs of member ids already in the graph, not yet tied: a tie already there is refused). */
export function previewTies(base: WhatIfBase, ties: Array<[string, string]>, concerned: readonly string[]): WhatIf {
  const { csr } = base;
  const added = ties.map(([a, b]): [number, number] => {
    const ia = csr.indexOf.get(a);
    const ib = csr.indexOf.get(b);
    if (ia === undefined || ib === undefined || ia === ib) throw new RangeError(`what-if tie ${a}–${b} needs two members of the graph`);
    return [ia, ib];
  });
  const holesAfter = base.figures.structuralHoles + openPairsAdded(csr, added);
  const after = csrWithTies(csr, added);
  const raw = scaleBetweenness(csr.n, searchAgain(base, after, added).dependency, base.searched.length).raw;
  const figures: WhatIfFigures = { ...figuresOf(after, raw), structuralHoles: holesAfter };
  const change: WhatIfFigures = {
    density: figures.density - base.figures.density,
    degreeCentralization: figures.degreeCentralization - base.figures.degreeCentralization,
    betweennessCentralization: figures.betweennessCentralization - base.figures.betweennessCentralization,
    structuralHoles: figures.structuralHoles - base.figures.structuralHoles,
  };
  const constraintOf: WhatIf['constraint'] = {};
  for (const id of concerned) {
    const i = csr.indexOf.get(id);
    if (i === undefined) continue;
    constraintOf[id] = {
      before: csr.degree[i] === 0 ? null : constraintAt(csr, i),
      after: after.degree[i] === 0 ? null : constraintAt(after, i),
    };
  }
  return { addedTies: ties.map(([a, b]) => [a, b]), before: base.figures, after: figures, change, constraint: constraintOf };
}

/**
 * Summed dependencies on `after`: the base's, with the rows of the affected sources replaced by a new
 * search from them on `after` (returned too, with their row numbers, for advanceBase).
 */
function searchAgain(base: WhatIfBase, after: Csr, added: ReadonlyArray<readonly [number, number]>): { dependency: Float64Array; rows: number[]; fresh: Float64Array } {
  const { csr, searched, perSource } = base;
  const n = csr.n;
  const ends = added.flatMap(([a, b]) => [hopsFrom(csr, a), hopsFrom(csr, b)]);
  const rows: number[] = [];
  for (let row = 0; row < searched.length; row++) {
    const s = searched[row];
    for (let t = 0; t < ends.length; t += 2) {
      if (ends[t][s] !== ends[t + 1][s]) {
        rows.push(row);
        break;
      }
    }
  }
  const dependency = base.dependency.slice();
  const fresh = new Float64Array(rows.length * n);
  if (rows.length > 0) shortestPathSweep(after, { sources: rows.map((row) => searched[row]), perSource: fresh });
  rows.forEach((row, i) => {
    for (let v = 0; v < n; v++) dependency[v] += fresh[i * n + v] - perSource[row * n + v];
  });
  return { dependency, rows, fresh };
}

/** Everything but the structural holes, which base and previews get in their own ways. */
function figuresOf(csr: Csr, betweennessRaw: ArrayLike<number>): Omit<WhatIfFigures, 'structuralHoles'> {
  const { n, m } = csr;
  return {
    density: n < 2 ? 0 : (2 * m) / (n * (n - 1)),
    degreeCentralization: freemanDegreeCentralisation(csr.degree),
    betweennessCentralization: freemanBetweennessCentralisation(betweennessRaw),
  };
}
