/**
 * What-if previews: the network with one or more suggested ties added, compared with the network as it
 * is — density, degree and betweenness centralisation, structural holes (open pairs) and the Burt
 * constraint of the members concerned. A coordinator sees what an introduction would do before making it.
 *
 * Cheap by construction: the graph's CSR is built once per tips() call; each preview appends its ties
 * to the edge list and rebuilds the CSR (no graph copy), then runs one shortest-path sweep. Above
 * `exactBetweennessUpTo` members betweenness is sampled from the same seeded pivots before and after,
 * so the difference is not sampling noise.
 */
import { betweenness } from '../measures/betweenness';
import { constraint, structuralHoles } from '../measures/burt';
import { csrFromEdges } from '../measures/csr';
import type { Csr } from '../measures/csr';
import { freemanBetweennessCentralisation, freemanDegreeCentralisation } from '../measures/freeman-centralisation';
import { triangles } from '../measures/triangles';

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
  constraint: Float64Array;
  options: WhatIfOptions;
}

export function whatIfBase(csr: Csr, options: WhatIfOptions): WhatIfBase {
  const { figures, constraints } = figuresOf(csr, options);
  return { csr, figures, constraint: constraints, options };
}

/** The preview of adding `ties` (pairs of member ids already in the graph, not yet tied). */
export function previewTies(base: WhatIfBase, ties: Array<[string, string]>, concerned: readonly string[]): WhatIf {
  const { csr } = base;
  const sources: number[] = [];
  const targets: number[] = [];
  const weights: number[] = [];
  for (let v = 0; v < csr.n; v++) {
    for (let j = csr.offsets[v]; j < csr.offsets[v + 1]; j++) {
      const u = csr.neighbours[j];
      if (u > v) {
        sources.push(v);
        targets.push(u);
        weights.push(csr.weights[j]);
      }
    }
  }
  for (const [a, b] of ties) {
    const ia = csr.indexOf.get(a);
    const ib = csr.indexOf.get(b);
    if (ia === undefined || ib === undefined || ia === ib) throw new RangeError(`what-if tie ${a}–${b} needs two members of the graph`);
    sources.push(ia);
    targets.push(ib);
    weights.push(1);
  }
  const after = csrFromEdges(csr.n, csr.keys, csr.indexOf, sources, targets, weights);
  const { figures, constraints } = figuresOf(after, base.options);
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
      before: csr.degree[i] === 0 ? null : base.constraint[i],
      after: after.degree[i] === 0 ? null : constraints[i],
    };
  }
  return { addedTies: ties.map(([a, b]) => [a, b]), before: base.figures, after: figures, change, constraint: constraintOf };
}

function figuresOf(csr: Csr, options: WhatIfOptions): { figures: WhatIfFigures; constraints: Float64Array } {
  const { n, m } = csr;
  const pivots = n > options.exactBetweennessUpTo ? options.pivots : null;
  const between = betweenness(csr, { pivots });
  return {
    figures: {
      density: n < 2 ? 0 : (2 * m) / (n * (n - 1)),
      degreeCentralization: freemanDegreeCentralisation(csr.degree),
      betweennessCentralization: freemanBetweennessCentralisation(between.raw),
      structuralHoles: structuralHoles(csr, triangles(csr)).openPairs,
    },
    constraints: constraint(csr),
  };
}
