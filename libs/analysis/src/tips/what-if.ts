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
 * unchanged (the first tie leaves s's search as it was, and so on for the next). Its betweenness is
 * the base's minus the old and plus the new dependencies of the affected sources — on introductions
 * between well-connected members about a fifth of them. Above `exactBetweennessUpTo` members the
 * sources are sampled pivots, the same before and after, so the difference is not sampling noise.
 */
import { betweennessSources, scaleBetweenness } from '../measures/betweenness';
import { structuralHoles } from '../measures/burt';
import type { Csr } from '../measures/csr';
import { freemanBetweennessCentralisation, freemanDegreeCentralisation } from '../measures/freeman-centralisation';
import { shortestPathSweep } from '../measures/shortest-paths';
import { triangles } from '../measures/triangles';
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
  /** The searched sources (null: all) and their summed dependencies on the graph as it is. */
  sources: Int32Array | null;
  dependency: Float64Array;
}

/** `known.openPairs`: the graph's structural holes when the caller has them (its network measures). */
export function whatIfBase(csr: Csr, options: WhatIfOptions, known: { openPairs?: number } = {}): WhatIfBase {
  const sources = csr.n > options.exactBetweennessUpTo ? betweennessSources(csr.n, { pivots: options.pivots }) : null;
  const { dependency } = shortestPathSweep(csr, { sources: sources ?? undefined });
  const figures: WhatIfFigures = {
    ...figuresOf(csr, scaleBetweenness(csr.n, dependency, sources?.length ?? csr.n).raw),
    structuralHoles: known.openPairs ?? structuralHoles(csr, triangles(csr)).openPairs,
  };
  return { csr, figures, options, sources, dependency };
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
  const figures: WhatIfFigures = { ...figuresOf(after, betweennessAfter(base, after, added)), structuralHoles: holesAfter };
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

/** Raw betweenness of `after`: the base's, with the affected sources searched again on both graphs. */
function betweennessAfter(base: WhatIfBase, after: Csr, added: ReadonlyArray<readonly [number, number]>): Float64Array {
  const { csr, sources } = base;
  const ends = added.flatMap(([a, b]) => [hopsFrom(csr, a), hopsFrom(csr, b)]);
  const affected: number[] = [];
  const count = sources?.length ?? csr.n;
  for (let i = 0; i < count; i++) {
    const s = sources === null ? i : sources[i];
    for (let t = 0; t < ends.length; t += 2) {
      if (ends[t][s] !== ends[t + 1][s]) {
        affected.push(s);
        break;
      }
    }
  }
  const dependency = base.dependency.slice();
  if (affected.length > 0) {
    const old = shortestPathSweep(csr, { sources: affected }).dependency;
    const now = shortestPathSweep(after, { sources: affected }).dependency;
    for (let v = 0; v < csr.n; v++) dependency[v] += now[v] - old[v];
  }
  return scaleBetweenness(csr.n, dependency, count).raw;
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

/** Hops from `source` to every member (−1 where unreachable). */
function hopsFrom(csr: Csr, source: number): Int32Array {
  const hops = new Int32Array(csr.n).fill(-1);
  const queue = new Int32Array(csr.n);
  hops[source] = 0;
  queue[0] = source;
  for (let head = 0, tail = 1; head < tail; head++) {
    const v = queue[head];
    for (let j = csr.offsets[v]; j < csr.offsets[v + 1]; j++) {
      const w = csr.neighbours[j];
      if (hops[w] < 0) {
        hops[w] = hops[v] + 1;
        queue[tail++] = w;
      }
    }
  }
  return hops;
}
