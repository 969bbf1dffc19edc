/**
 * Messages between the main thread and an analysis worker. One port per worker and FIFO delivery:
 * events and requests arrive in the order the main thread posted them.
 *
 * - `events`: the worker's share of the events, in order, and `upTo`: the global position the main
 *   thread has forwarded up to (events of other shards included), so the worker knows how far it is
 *   current even when none of the latest events were its own.
 * - `request`: answered once the worker is current up to `after` (read-your-writes; after a restart
 *   the worker is refed from the store and holds requests until it has caught up).
 * - Answers: `result`, `error`, or for files `start`, `chunk`…, `end`.
 * - Networks are held on demand: `hold` starts one (live events of it are kept aside from then on),
 *   `restore` gives its snapshot, `catch-up` the log after it up to `upTo`, `ready` ends the load
 *   (the events kept aside are applied, waiting requests answered) and the worker says `held` with
 *   the network's estimated size. `evict` drops it. A worker sends a `snapshot` of a network when
 *   its state has moved on since the last one (after a long catch-up, on eviction).
 */
import type { AnalysisContext, AnalysisRequest, ForwardedEvent } from '../analysis-engine';
import type { SerialisedError } from './remote-error';

/** What a worker is started with. */
export interface AnalysisWorkerData {
  warmTimelines: boolean;
}

export type ToWorker =
  | { type: 'events'; events: ForwardedEvent[]; upTo: number }
  | { type: 'request'; id: number; after: number; request: AnalysisRequest; context: AnalysisContext }
  | { type: 'hold'; networkId: string }
  | { type: 'restore'; networkId: string; state: Uint8Array; position: number }
  | { type: 'catch-up'; networkId: string; events: ForwardedEvent[] }
  | { type: 'ready'; networkId: string; upTo: number; caughtUp: number; restored: boolean }
  | { type: 'evict'; networkId: string };

export type FromWorker =
  | { type: 'result'; id: number; value: unknown }
  | { type: 'error'; id: number; error: SerialisedError }
  | { type: 'start'; id: number; contentType: string; filename: string }
  /** UTF-8 bytes, transferred (not copied) to the main thread. */
  | { type: 'chunk'; id: number; chunk: Uint8Array }
  | { type: 'end'; id: number }
  | { type: 'held'; networkId: string; bytes: number }
  | { type: 'evicted'; networkId: string }
  /** A `catch-up` page is folded: the pool reads the next only then, so pages never pile up in the port. */
  | { type: 'folded'; networkId: string }
  | { type: 'snapshot'; networkId: string; position: number; state: Uint8Array };
