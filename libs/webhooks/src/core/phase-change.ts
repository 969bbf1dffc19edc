import { deliveryIdOf } from './webhook-events';
import type { WebhookPayload } from './webhook-payload';

/** What the phase watcher reads of a timeline bucket. */
export interface PhaseBucketView {
  label: string;
  start: string;
  end: string;
  phase: { name: string; changed: boolean };
}

export interface PhaseChange {
  /** Stable for the network and the bucket, so checking again never sends it twice. */
  eventId: string;
  /** When the bucket closed: the change is dated then. */
  at: Date;
  payload: WebhookPayload;
}

/**
 * The phase change to report, if any: the newest bucket that has closed by `now` names a phase
 * different from the bucket before it (the analysis' own `changed` flag, hysteresis included;
 * see libs/analysis phases). The first bucket of a history is a start, not a change. Pure.
 */
export function phaseChangeOf(networkId: string, buckets: readonly PhaseBucketView[], now: Date): PhaseChange | undefined {
  const closed = buckets.filter((b) => Date.parse(b.end) <= now.getTime());
  if (closed.length < 2) return undefined;
  const [previous, latest] = closed.slice(-2);
  if (!latest.phase.changed || latest.phase.name === previous.phase.name) return undefined;
  const at = new Date(latest.end);
  return {
    eventId: deliveryIdOf(`phase:${networkId}`, `${latest.start}/${latest.phase.name}`),
    at,
    payload: {
      type: 'phase.changed',
      timestamp: at.toISOString(),
      data: { networkId, phase: latest.phase.name, previousPhase: previous.phase.name, bucket: { label: latest.label, start: latest.start, end: latest.end } },
    },
  };
}
