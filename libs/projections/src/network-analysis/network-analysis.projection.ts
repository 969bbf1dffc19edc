import { Injectable } from '@nestjs/common';
import type { RecordedEvent } from '@solmu/event-store';
import { Projection } from '../projection';
import { AnalysisPool } from './worker/analysis-pool';

/**
 * Each network's history, folded live by the analysis library — in the analysis worker that owns the
 * network, not here: this projection only forwards the events, in order, to the pool
 * (worker/analysis-pool.ts), which passes on those of the networks its workers hold. The latest state
 * answers without recomputing from the start, and any past date can be drawn from it ("time travel").
 */
@Injectable()
export class NetworkAnalysisProjection implements Projection {
  readonly name = 'network-analysis';
  /** The pool loads a network's history from its snapshot and the store when it is first asked about. */
  readonly replaysHistory = false;

  constructor(private readonly pool: AnalysisPool) {}

  /** The pool loads networks up to the position reached, so it must know where the log resumed. */
  resumeFrom(position: number): void {
    this.pool.advanceTo(position);
  }

  apply(event: RecordedEvent): void {
    this.pool.forward(event);
  }
}
