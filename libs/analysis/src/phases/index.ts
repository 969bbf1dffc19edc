/** Development phases of a network (founding → deepening → settling, or dormant), with evidence. */
export { classifyPhases, deepTieShare } from './classify-phases';
export type { PhaseBucket, PhaseVerdict } from './classify-phases';
export { MEASURE_LABELS, formatNumber } from './evidence';
export type { Comparison, PhaseEvidence } from './evidence';
export { PHASE_LABELS, PHASE_NAMES, PHASE_RANK, PHASE_RULES, phaseRules } from './phase-rules';
export type { DeepPartial, PhaseLabel, PhaseName, PhaseRules } from './phase-rules';
