/** Timelines of a network's development, logging coverage, and before/after comparisons of interventions. */
export { MAX_BUCKETS, TIMELINE_INTERVALS, bucketLabel, bucketStart, calendarBuckets, nextBucketStart } from './calendar';
export type { CalendarBucket, TimelineInterval } from './calendar';
export { COVERAGE_RULES, applyLoggedBy, assessCoverage, createLoggedBy, foldLoggedBy } from './coverage';
export type { Coverage, CoverageReasonCode, CoverageRules, LoggedBy, LoggedEvent } from './coverage';
export { INTERVENTION_EFFECT_DEFAULTS, interventionEffect } from './intervention-effect';
export type { InterventionEffect, InterventionEffectOptions } from './intervention-effect';
export { measureDelta } from './measure-delta';
export type { MeasureDelta } from './measure-delta';
export { TIMELINE_DEFAULTS, historyRange, timeline, timelineSteps } from './timeline';
export type { InterventionMark, Timeline, TimelineBucket, TimelineOptions } from './timeline';
export { bucketMeasures } from './bucket-measures';
export { bucketKey } from './bucket-memo';
export type { BucketMemo } from './bucket-memo';
export { forEachWindowGraph, windowGraphs } from './window-graphs';
export type { MeasureGraph, MeasureTie, WindowGraphOptions } from './window-graphs';
export { FRAME_MEASURES, PICTURE_STEPS_DEFAULTS, PICTURE_STEP_INTERVALS, pictureSteps, roundMeasure } from './picture-steps';
export type { FrameMeasure, FrameMeasures, PictureFrame, PictureStepInterval, PictureSteps, PictureStepsOptions, StepMember, StepMemo } from './picture-steps';
