/**
 * Before and after an intervention: the network measures just before a coordinator's development
 * action (a workshop, a matchmaking round…) and `days` later, with the differences — and, for
 * comparison, the change over the same number of days before it, so a coordinator can tell an effect
 * from a trend that was already under way.
 *
 * This is a comparison, not proof of cause: other things happen in the same days. The `priorChange`
 * is there to make that visible (difference-in-trend reading: change after − change before).
 *
 * Instants: `before` is the last millisecond before the intervention's occurredAt (so interactions
 * logged at the event itself count as after), `after` is occurredAt + days, `prior` is `before` − days.
 */
import { NotFound } from '@solmu/kernel';
import { createGraphTimeline } from '../graph/graph-at';
import { toInstant } from '../graph/instant';
import type { NetworkHistory } from '../graph/network-history';
import { formatTieWindow, resolveTieWindow } from '../graph/tie-window';
import type { DepthWeights, NetworkMeasures, TieWindow, TieWindowSpec } from '../graph/types';
import type { MeasureOptions } from '../measures/member-measures';
import { networkMeasures } from '../measures/network-measures';
import { measureDelta } from './measure-delta';
import type { MeasureDelta } from './measure-delta';
import type { InterventionMark } from './timeline';

const DAY_MS = 86_400_000;

export const INTERVENTION_EFFECT_DEFAULTS = { days: 90 } as const;

export interface InterventionEffectOptions {
  /** Default `cumulative`. */
  window?: TieWindow | TieWindowSpec;
  /** Days after the intervention to compare with (default 90). */
  days?: number;
  weights?: Partial<DepthWeights>;
  measures?: MeasureOptions;
  /**
   * The latest instant the history covers (e.g. the request time, passed in). When the "after" date is
   * later, the measures are taken at asOf instead and `complete` is false.
   */
  asOf?: Date | string;
}

export interface InterventionEffect {
  intervention: InterventionMark;
  window: string;
  days: number;
  prior: { at: string; measures: NetworkMeasures };
  before: { at: string; measures: NetworkMeasures };
  after: { at: string; measures: NetworkMeasures };
  /** after − before. */
  change: MeasureDelta;
  /** before − prior: the change over the same span before the intervention. */
  priorChange: MeasureDelta;
  /** False when `after` was cut short by asOf. */
  complete: boolean;
}

export function interventionEffect(history: NetworkHistory, interventionId: string, options: InterventionEffectOptions = {}): InterventionEffect {
  const intervention = history.interventions.get(interventionId);
  if (intervention === undefined) throw new NotFound('intervention', interventionId);
  const days = options.days ?? INTERVENTION_EFFECT_DEFAULTS.days;
  if (!(Number.isFinite(days) && days > 0)) throw new RangeError(`days must be a positive number, got ${days}`);
  const window = resolveTieWindow(options.window);
  const occurredMs = toInstant(intervention.occurredAt);
  const beforeMs = occurredMs - 1;
  const priorMs = beforeMs - days * DAY_MS;
  let afterMs = occurredMs + days * DAY_MS;
  let complete = true;
  if (options.asOf !== undefined) {
    const asOfMs = toInstant(options.asOf);
    if (asOfMs < afterMs) {
      afterMs = Math.max(asOfMs, occurredMs);
      complete = false;
    }
  }
  const graphs = createGraphTimeline(history, { window, weights: options.weights });
  const measureAt = (ms: number): { at: string; measures: NetworkMeasures } => ({
    at: new Date(ms).toISOString(),
    measures: networkMeasures(graphs.at(new Date(ms)), options.measures),
  });
  const prior = measureAt(priorMs);
  const before = measureAt(beforeMs);
  const after = measureAt(afterMs);
  return {
    intervention: { id: intervention.id, kind: intervention.kind, title: intervention.title, occurredAt: intervention.occurredAt },
    window: formatTieWindow(window),
    days,
    prior,
    before,
    after,
    change: measureDelta(before.measures, after.measures),
    priorChange: measureDelta(prior.measures, before.measures),
    complete,
  };
}
