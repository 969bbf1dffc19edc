/**
 * The figures the phase rule reads of one bucket (members, density, degree centralisation, Gini of
 * degree, ladder profile), without the costly rest of the network measures. The timeline classifies
 * the buckets before `from` with these, so a phase does not depend on where the question starts;
 * they are computed exactly as networkFromArrays computes them, so both routes give the same phase.
 */
import type { AbstractGraph, Attributes } from 'graphology-types';
import type { NetworkMeasures } from '../graph/types';
import { toCsr } from '../measures/engine/csr';
import { freemanDegreeCentralisation } from '../measures/centrality/freeman-centralisation';
import { gini } from '../measures/centrality/gini';
import { ladderProfile } from '../measures/cohesion/ladder-profile';

export type PhaseFigures = Pick<NetworkMeasures, 'members' | 'density' | 'degreeCentralization' | 'degreeGini' | 'ladderProfile'>;

export function phaseFigures(graph: AbstractGraph<Attributes, Attributes>): PhaseFigures {
  const { n, m, degree } = toCsr(graph);
  return {
    members: n,
    density: n < 2 ? 0 : (2 * m) / (n * (n - 1)),
    degreeCentralization: freemanDegreeCentralisation(degree),
    degreeGini: gini(degree),
    ladderProfile: ladderProfile(graph),
  };
}
