/**
 * Names the development phase of each bucket of a timeline, by the rules in PHASE_RULES (see
 * phase-rules.ts for their grounding and docs/phases-and-tips.md for the reasoning behind each number).
 *
 * The rule, bucket by bucket (oldest first):
 * 1. Dormant: once there has been activity, a bucket that ends ≥ quietDays after the last logged
 *    interaction is dormant. The first bucket with interactions again resumes the phase held before.
 * 2. The bucket's candidate phase is the most advanced one whose conditions hold:
 *    - settling: members ≥ minMembers, density ≥ 0.25, degree centralisation ≤ 0.35, Gini of degree ≤ 0.30
 *      and deep-tie share ≥ 0.25;
 *    - deepening: members ≥ minMembers and either the trend (against the bucket trendBuckets (3) earlier:
 *      density +0.02 or more and degree centralisation −0.05 or more; not read before there are 3 earlier
 *      buckets) or the level (density ≥ 0.12 and degree centralisation ≤ 0.5);
 *    - founding otherwise.
 * 3. Hysteresis: the phase moves forward only when buckets ahead of it come confirmBuckets (2) in a row;
 *    it then moves to the least advanced of their candidates (a founding network whose next two buckets
 *    both look settled goes straight to settling).
 * 4. Going back: deepening never returns to founding (the spread of collaboration is history, not
 *    undone by a quiet spell; falling figures show on the timeline and in tips). Settling returns to
 *    deepening only when one of its conditions is missed by more than its margin in regression.buckets
 *    (3) consecutive buckets — a wave of newcomers diluting density, or the coordinator re-centralising.
 *
 * Every verdict carries the evidence that decided it: the conditions of the next phase (or, when
 * settled, of staying settled), each with its figure, threshold and a sentence in English and Finnish.
 */
import type { NetworkMeasures } from '../graph/types';
import { conditionEvidence, lostStreakEvidence, quietEvidence, streakEvidence } from './evidence';
import type { PhaseEvidence } from './evidence';
import { PHASE_RANK, PHASE_RULES } from './phase-rules';
import type { PhaseName, PhaseRules } from './phase-rules';

const DAY_MS = 86_400_000;

/** What the classifier reads of one bucket. */
export interface PhaseBucket {
  /** Exclusive end of the bucket (ISO 8601): quiet time is measured up to here. */
  end: string;
  /** The network at the end of the bucket: only the figures the rule reads (see evaluate). */
  measures: Pick<NetworkMeasures, 'members' | 'density' | 'degreeCentralization' | 'degreeGini' | 'ladderProfile'>;
  /** Interactions that occurred inside the bucket. */
  events: number;
  /**
   * When the latest interaction up to the bucket's end occurred. Without it, quiet time is measured
   * from the end of the last bucket with interactions (an underestimate of up to one bucket).
   */
  lastInteractionAt?: string;
}

export interface PhaseVerdict {
  name: PhaseName;
  /** True when the phase differs from the previous bucket's (the first bucket counts as a change). */
  changed: boolean;
  /** The phase this bucket's figures alone point to (before hysteresis); dormant when dormant. */
  candidate: PhaseName;
  evidence: PhaseEvidence[];
}

export function classifyPhases(buckets: readonly PhaseBucket[], rules: PhaseRules = PHASE_RULES): PhaseVerdict[] {
  const verdicts: PhaseVerdict[] = [];
  let phase: PhaseName = 'founding';
  let resume: PhaseName = 'founding';
  let advanceStreak = 0;
  let advanceTarget: PhaseName = 'founding';
  let lostStreak = 0;
  let lastActiveMs: number | null = null;

  for (let i = 0; i < buckets.length; i++) {
    const bucket = buckets[i];
    const endMs = Date.parse(bucket.end);
    if (bucket.lastInteractionAt !== undefined) lastActiveMs = Date.parse(bucket.lastInteractionAt);
    else if (bucket.events > 0) lastActiveMs = endMs;
    const previous: PhaseName | null = i === 0 ? null : verdicts[i - 1].name;

    // 1. Dormancy.
    const quietDays = lastActiveMs === null ? 0 : (endMs - lastActiveMs) / DAY_MS;
    if (bucket.events === 0 && lastActiveMs !== null && quietDays >= rules.dormant.quietDays) {
      if (phase !== 'dormant') resume = phase;
      phase = 'dormant';
      advanceStreak = 0;
      lostStreak = 0;
      verdicts.push({ name: phase, changed: previous !== phase, candidate: 'dormant', evidence: [quietEvidence(quietDays, rules.dormant.quietDays)] });
      continue;
    }
    if (phase === 'dormant') phase = resume;

    // 2. The candidate.
    // A trend needs a full span of history: none is read in the first trendBuckets buckets.
    const reference = i >= rules.trendBuckets ? buckets[i - rules.trendBuckets].measures : null;
    const checks = evaluate(bucket.measures, reference, rules, rules.trendBuckets);
    const candidate: PhaseName = checks.settlingHolds ? 'settling' : checks.deepeningHolds ? 'deepening' : 'founding';

    // 3. Forward moves, confirmed.
    const evidence: PhaseEvidence[] = [];
    if (PHASE_RANK[candidate] > PHASE_RANK[phase]) {
      advanceStreak++;
      advanceTarget = advanceStreak === 1 || PHASE_RANK[candidate] < PHASE_RANK[advanceTarget] ? candidate : advanceTarget;
    } else {
      advanceStreak = 0;
    }
    const from: PhaseName = phase;
    const target = advanceStreak > 0 ? advanceTarget : null;
    if (target !== null && advanceStreak >= rules.confirmBuckets) {
      phase = target;
      advanceStreak = 0;
      lostStreak = 0;
    }

    // 4. Going back from settling.
    let lost: PhaseEvidence[] = [];
    if (phase === 'settling' && from === 'settling') {
      lost = checks.settlingKept.filter((item) => !item.met);
      lostStreak = lost.length > 0 ? lostStreak + 1 : 0;
      if (lostStreak >= rules.regression.buckets) {
        phase = 'deepening';
        evidence.push(...lost, lostStreakEvidence(lostStreak, rules.regression.buckets));
        lostStreak = 0;
      }
    }

    // Evidence: why this phase and not the next.
    if (evidence.length === 0) {
      if (phase === 'founding') {
        evidence.push(...checks.deepening);
        if (candidate === 'settling') evidence.push(...checks.settling);
      } else if (phase === 'deepening') {
        evidence.push(...checks.settling);
      } else {
        evidence.push(...checks.settling);
        if (lost.length > 0) evidence.push(...lost, lostStreakEvidence(lostStreak, rules.regression.buckets));
      }
      if (phase !== from && target !== null) evidence.push(streakEvidence(rules.confirmBuckets, rules.confirmBuckets, phase));
      else if (target !== null) evidence.push(streakEvidence(advanceStreak, rules.confirmBuckets, target));
    }
    verdicts.push({ name: phase, changed: previous !== phase, candidate, evidence });
  }
  return verdicts;
}

/** The share of ties whose deepest kind is one of the deep kinds. */
export function deepTieShare(measures: Pick<NetworkMeasures, 'ladderProfile'>, rules: PhaseRules = PHASE_RULES): number {
  let share = 0;
  for (const kind of rules.deepKinds) share += measures.ladderProfile[kind] ?? 0;
  return share;
}

interface Checks {
  deepening: PhaseEvidence[];
  deepeningHolds: boolean;
  settling: PhaseEvidence[];
  settlingHolds: boolean;
  /** Settling's conditions loosened by their margins: failing one of these is "clearly lost". */
  settlingKept: PhaseEvidence[];
}

function evaluate(measures: PhaseBucket['measures'], reference: PhaseBucket['measures'] | null, rules: PhaseRules, span: number): Checks {
  const { deepening: d, settling: s, regression: r } = rules;
  const deepShare = deepTieShare(measures, rules);
  const size = conditionEvidence('members', measures.members, '>=', rules.minMembers, 'deepening');
  const over = { over: `over the last ${span} periods`, route: 'trend' as const };
  const byLevel = { route: 'level' as const };
  const densityChange = reference === null ? 0 : measures.density - reference.density;
  const centralisationChange = reference === null ? 0 : measures.degreeCentralization - reference.degreeCentralization;
  const trend = [
    conditionEvidence('densityChange', densityChange, '>=', d.minDensityRise, 'deepening', over),
    conditionEvidence('degreeCentralizationChange', centralisationChange, '<=', -d.minCentralisationFall, 'deepening', over),
  ];
  const level = [
    conditionEvidence('density', measures.density, '>=', d.minDensity, 'deepening', byLevel),
    conditionEvidence('degreeCentralization', measures.degreeCentralization, '<=', d.maxDegreeCentralization, 'deepening', byLevel),
  ];
  // With no earlier bucket there is no trend to read; the level route alone decides.
  const trendHolds = reference !== null && trend.every((item) => item.met);
  const levelHolds = level.every((item) => item.met);
  const settling = [
    conditionEvidence('members', measures.members, '>=', rules.minMembers, 'settling'),
    conditionEvidence('density', measures.density, '>=', s.minDensity, 'settling'),
    conditionEvidence('degreeCentralization', measures.degreeCentralization, '<=', s.maxDegreeCentralization, 'settling'),
    conditionEvidence('degreeGini', measures.degreeGini, '<=', s.maxDegreeGini, 'settling'),
    conditionEvidence('deepShare', deepShare, '>=', s.minDeepShare, 'settling'),
  ];
  const keep = { keep: true };
  const settlingKept = [
    conditionEvidence('members', measures.members, '>=', rules.minMembers, 'settling', keep),
    conditionEvidence('density', measures.density, '>=', round(s.minDensity - r.densityMargin), 'settling', keep),
    conditionEvidence('degreeCentralization', measures.degreeCentralization, '<=', round(s.maxDegreeCentralization + r.centralisationMargin), 'settling', keep),
    conditionEvidence('degreeGini', measures.degreeGini, '<=', round(s.maxDegreeGini + r.giniMargin), 'settling', keep),
    conditionEvidence('deepShare', deepShare, '>=', round(s.minDeepShare - r.deepShareMargin), 'settling', keep),
  ];
  return {
    deepening: [size, ...(reference === null ? [] : trend), ...level],
    deepeningHolds: size.met && (trendHolds || levelHolds),
    settling,
    settlingHolds: settling.every((item) => item.met),
    settlingKept,
  };
}

/** Thresholds made by adding margins, rounded so 0.25 − 0.05 reads 0.2 and not 0.19999999999999998. */
function round(value: number): number {
  return Math.round(value * 1e9) / 1e9;
}
