import type { RecordedEvent } from '@solmu/event-store';

/**
 * A read model kept up to date from the event store. `apply` is called once per event in global
 * order; it must be deterministic (no clock, no randomness) so that a rebuild from position zero
 * gives exactly what the live projection gives.
 */
export interface Projection {
  readonly name: string;
  apply(event: RecordedEvent): void;
}

/** DI token under which every projection is registered with the runner. */
export const PROJECTIONS = Symbol('PROJECTIONS');
