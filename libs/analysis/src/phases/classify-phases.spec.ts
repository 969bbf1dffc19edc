import type { NetworkMeasures } from '../graph/types';
import { classifyPhases, deepTieShare } from './classify-phases';
import type { PhaseBucket } from './classify-phases';
import { formatNumber } from './evidence';
import { PHASE_RULES, phaseRules } from './phase-rules';

interface Shape {
  members?: number;
  density: number;
  centralisation: number;
  gini?: number;
  deep?: number;
}

/** Network measures with the figures the phase rules read; the rest are plausible fillers. */
function measures({ members = 20, density, centralisation, gini = 0.5, deep = 0 }: Shape): NetworkMeasures {
  return {
    members,
    ties: Math.round((density * members * (members - 1)) / 2),
    density,
    degreeCentralization: centralisation,
    betweennessCentralization: centralisation / 2,
    closenessCentralization: centralisation / 2,
    averageClustering: 0.3,
    transitivity: 0.3,
    structuralHoles: 10,
    structuralHolesShare: 0.5,
    meanConstraint: 0.4,
    maximalCliques: 3,
    largestClique: 3,
    largestKCore: 2,
    degreeGini: gini,
    betweennessGini: gini,
    components: 1,
    largestComponentShare: 1,
    isolates: 0,
    communities: 2,
    modularity: 0.3,
    crossCommunityTieShare: 0.2,
    ladderProfile: {
      acquainted: 1 - deep,
      discussed: 0,
      exchanged_information: 0,
      explored_collaboration: 0,
      outlined_goals: deep / 2,
      co_developed: deep / 2,
      evaluated_learning: 0,
    },
  };
}

/** Monthly buckets from January 2024, each with some activity unless `events` says otherwise. */
function buckets(shapes: Array<Shape & { events?: number }>): PhaseBucket[] {
  return shapes.map((shape, i) => ({ end: new Date(Date.UTC(2024, i + 1, 1)).toISOString(), measures: measures(shape), events: shape.events ?? 10 }));
}

const FOUNDING: Shape = { density: 0.08, centralisation: 0.8, gini: 0.6 };
const SPREAD: Shape = { density: 0.16, centralisation: 0.4, gini: 0.4, deep: 0.1 };
const SETTLED: Shape = { density: 0.3, centralisation: 0.2, gini: 0.2, deep: 0.4 };
const names = (list: Array<Shape & { events?: number }>): string[] => classifyPhases(buckets(list)).map((v) => v.name);

describe('classifyPhases', () => {
  it('starts in founding and moves to deepening once the level route holds in two consecutive buckets', () => {
    const verdicts = classifyPhases(buckets([FOUNDING, FOUNDING, SPREAD, SPREAD, SPREAD]));
    expect(verdicts.map((v) => [v.name, v.candidate, v.changed])).toEqual([
      ['founding', 'founding', true],
      ['founding', 'founding', false],
      ['founding', 'deepening', false],
      ['deepening', 'deepening', true],
      ['deepening', 'deepening', false],
    ]);
  });

  it('explains a founding verdict with the figures and thresholds of deepening, in English and Finnish', () => {
    const [first, , , fourth] = classifyPhases(buckets([FOUNDING, FOUNDING, FOUNDING, { density: 0.1, centralisation: 0.7, gini: 0.6 }]));
    expect(first.evidence.map((e) => [e.measure, e.value, e.comparison, e.threshold, e.met])).toEqual([
      ['members', 20, '>=', 5, true],
      ['density', 0.08, '>=', 0.12, false],
      ['degreeCentralization', 0.8, '<=', 0.5, false],
    ]);
    expect(first.evidence[1].en).toBe('Density is 0.08. Deepening collaboration, read from the level, needs at least 0.12, so this condition is not met.');
    expect(first.evidence[1].fi).toBe('Tiheys on 0,08. Yhteistyön tiivistymisen vaihe edellyttää tason perusteella vähintään 0,12, joten ehto ei täyty.');
    // Once three earlier buckets exist, the trend route is read too (against the bucket three back).
    const trend = fourth.evidence.find((e) => e.measure === 'densityChange')!;
    expect([trend.value, trend.threshold, trend.met]).toEqual([expect.closeTo(0.02, 12), 0.02, true]);
    expect(trend.en).toBe('The change in density over the last 3 periods is +0.02. Deepening collaboration, read from the trend, needs at least +0.02, so this condition is met.');
    expect(fourth.evidence.find((e) => e.measure === 'degreeCentralizationChange')!.fi).toBe(
      'Keskittyneisyyden muutos 3 viime jakson aikana on −0,1. Yhteistyön tiivistymisen vaihe edellyttää kehityksen perusteella enintään −0,05, joten ehto täyttyy.',
    );
    expect(fourth.candidate).toBe('deepening');
  });

  it('moves to deepening by the trend route: density up and centralisation down over three buckets', () => {
    const rising = [0.05, 0.06, 0.07, 0.08, 0.09, 0.1].map((density, i) => ({ density, centralisation: 0.9 - 0.04 * i }));
    // No trend is read before three earlier buckets exist. Bucket 3 against 0 and bucket 4 against 1: +0.03
    // and −0.12 — two in a row, so deepening from bucket 4, though the level (density < 0.12) is founding's.
    expect(names(rising)).toEqual(['founding', 'founding', 'founding', 'founding', 'deepening', 'deepening']);
    expect(names(rising.map((shape) => ({ ...shape, density: 0.05 })))).toEqual(['founding', 'founding', 'founding', 'founding', 'founding', 'founding']);
  });

  it('does not flicker: one bucket ahead is not enough, and a streak must be unbroken', () => {
    expect(names([FOUNDING, SPREAD, FOUNDING, SPREAD, FOUNDING, SPREAD])).toEqual(['founding', 'founding', 'founding', 'founding', 'founding', 'founding']);
    const [, streak] = classifyPhases(buckets([FOUNDING, SPREAD]));
    expect(streak.evidence[streak.evidence.length - 1]).toMatchObject({ measure: 'consecutiveBuckets', value: 1, threshold: 2, met: false });
    expect(streak.evidence[streak.evidence.length - 1].fi).toBe('Yhteistyön tiivistymisen vaiheen ehdot ovat täyttyneet 1 peräkkäisellä jaksolla; vaihe vaihtuu 2 jakson jälkeen.');
  });

  it('moves to the least advanced phase of the streak, so a network can go straight to settling', () => {
    expect(names([FOUNDING, SETTLED, SETTLED])).toEqual(['founding', 'founding', 'settling']);
    expect(names([FOUNDING, SETTLED, SPREAD, SETTLED, SETTLED])).toEqual(['founding', 'founding', 'deepening', 'deepening', 'settling']);
  });

  it('explains settling with all four of its conditions', () => {
    const verdicts = classifyPhases(buckets([SPREAD, SPREAD, SETTLED, SETTLED]));
    expect(verdicts.map((v) => v.name)).toEqual(['founding', 'deepening', 'deepening', 'settling']);
    const settled = verdicts[3];
    expect(settled.evidence.map((e) => [e.measure, e.value, e.comparison, e.threshold, e.met])).toEqual([
      ['members', 20, '>=', 5, true],
      ['density', 0.3, '>=', 0.25, true],
      ['degreeCentralization', 0.2, '<=', 0.35, true],
      ['degreeGini', 0.2, '<=', 0.3, true],
      ['deepShare', 0.4, '>=', 0.25, true],
      ['consecutiveBuckets', 2, '>=', 2, true],
    ]);
    expect(settled.evidence[4].en).toBe('The share of ties that reached shared goals or joint work is 0.4. Settled collaboration needs at least 0.25, so this condition is met.');
    expect(settled.evidence[4].fi).toBe('Yhteisiin tavoitteisiin tai yhteiseen työhön edenneiden suhteiden osuus on 0,4. Yhteistyön vakiintumisen vaihe edellyttää vähintään 0,25, joten ehto täyttyy.');
    expect(settled.evidence[5].en).toBe('The conditions of settled collaboration have held in 2 consecutive periods; the phase changes after 2, so it has changed.');
  });

  it('never goes back from deepening to founding', () => {
    expect(names([SPREAD, SPREAD, FOUNDING, FOUNDING, FOUNDING, FOUNDING])).toEqual(['founding', 'deepening', 'deepening', 'deepening', 'deepening', 'deepening']);
  });

  it('leaves settling only when it is clearly lost (beyond the margin) in three consecutive buckets', () => {
    const slipping: Shape = { density: 0.22, centralisation: 0.4, gini: 0.35, deep: 0.3 }; // below the thresholds, inside the margins
    const lost: Shape = { density: 0.18, centralisation: 0.3, gini: 0.25, deep: 0.4 }; // density below 0.25 − 0.05
    expect(names([SETTLED, SETTLED, slipping, slipping, slipping, slipping])).toEqual(['founding', 'settling', 'settling', 'settling', 'settling', 'settling']);
    expect(names([SETTLED, SETTLED, lost, lost, SETTLED, lost, lost])).toEqual(['founding', 'settling', 'settling', 'settling', 'settling', 'settling', 'settling']);
    const verdicts = classifyPhases(buckets([SETTLED, SETTLED, lost, lost, lost]));
    expect(verdicts.map((v) => v.name)).toEqual(['founding', 'settling', 'settling', 'settling', 'deepening']);
    expect(verdicts[4].evidence.map((e) => [e.measure, e.threshold, e.met])).toEqual([
      ['density', 0.2, false],
      ['consecutiveBucketsLost', 3, true],
    ]);
    expect(verdicts[4].evidence[0].en).toBe('Density is 0.18. Staying in settled collaboration needs at least 0.2, so this condition is not met.');
    expect(verdicts[4].evidence[0].fi).toBe('Tiheys on 0,18. Yhteistyön vakiintumisen vaiheessa pysyminen edellyttää vähintään 0,2, joten ehto ei täyty.');
  });

  it('is dormant after 90 quiet days once there has been activity, and resumes the phase held before', () => {
    const quiet = { ...SPREAD, events: 0 };
    const list = [SPREAD, SPREAD, SPREAD, quiet, quiet, quiet, quiet, SPREAD, SPREAD];
    // Last activity at the end of March (1 April); the end of June (1 July) is 91 days later.
    expect(names(list)).toEqual(['founding', 'deepening', 'deepening', 'deepening', 'deepening', 'dormant', 'dormant', 'deepening', 'deepening']);
    const verdicts = classifyPhases(buckets(list));
    expect(verdicts[5]).toMatchObject({ name: 'dormant', changed: true, candidate: 'dormant', evidence: [{ measure: 'daysWithoutInteractions', value: 91, threshold: 90 }] });
    expect(verdicts[7].changed).toBe(true);
    // A network that never had activity is founding, not dormant.
    expect(names([{ ...FOUNDING, events: 0 }, { ...FOUNDING, events: 0 }, { ...FOUNDING, events: 0 }, { ...FOUNDING, events: 0 }])).toEqual(['founding', 'founding', 'founding', 'founding']);
  });

  it('measures quiet time from the last interaction when the bucket gives it', () => {
    const [bucket] = buckets([{ ...SPREAD, events: 0 }]);
    const verdicts = classifyPhases([{ ...bucket, lastInteractionAt: '2023-10-01T00:00:00Z' }]);
    expect(verdicts[0]).toMatchObject({ name: 'dormant', evidence: [{ value: 123 }] });
  });

  it('reads no structure below five members', () => {
    expect(names([{ ...SETTLED, members: 4 }, { ...SETTLED, members: 4 }, { ...SETTLED, members: 4 }])).toEqual(['founding', 'founding', 'founding']);
  });

  it('takes its thresholds from PHASE_RULES or the rules it is given', () => {
    expect(PHASE_RULES.settling).toEqual({ minDensity: 0.25, maxDegreeCentralization: 0.35, maxDegreeGini: 0.3, minDeepShare: 0.25 });
    expect(PHASE_RULES.deepening).toEqual({ minDensityRise: 0.02, minCentralisationFall: 0.05, minDensity: 0.12, maxDegreeCentralization: 0.5 });
    expect([PHASE_RULES.minMembers, PHASE_RULES.trendBuckets, PHASE_RULES.confirmBuckets, PHASE_RULES.dormant.quietDays]).toEqual([5, 3, 2, 90]);
    const strict = phaseRules({ confirmBuckets: 3, settling: { minDensity: 0.5 } });
    expect(strict.settling.maxDegreeGini).toBe(0.3);
    expect(classifyPhases(buckets([SPREAD, SPREAD, SPREAD, SETTLED, SETTLED, SETTLED]), strict).map((v) => v.name)).toEqual([
      'founding',
      'founding',
      'deepening',
      'deepening',
      'deepening',
      'deepening',
    ]);
  });

  it('counts outlined goals, joint work and evaluated learning as deep ties', () => {
    expect(deepTieShare(measures({ density: 0.1, centralisation: 0.1, deep: 0.6 }))).toBeCloseTo(0.6, 12);
  });

  it('writes numbers with a decimal comma and a real minus sign in Finnish', () => {
    expect([formatNumber(0.125, 'en'), formatNumber(0.125, 'fi'), formatNumber(-0.1, 'fi', true), formatNumber(0.3, 'fi', true), formatNumber(2, 'en')]).toEqual([
      '0.13',
      '0,13',
      '−0,1',
      '+0,3',
      '2',
    ]);
  });
});
