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
 */
import type { AnalysisContext, AnalysisRequest, ForwardedEvent } from '../analysis-engine';
import type { SerialisedError } from './remote-error';

export type ToWorker =
  | { type: 'events'; events: ForwardedEvent[]; upTo: number }
  | { type: 'request'; id: number; after: number; request: AnalysisRequest; context: AnalysisContext };

export type FromWorker =
  | { type: 'result'; id: number; value: unknown }
  | { type: 'error'; id: number; error: SerialisedError }
  | { type: 'start'; id: number; contentType: string; filename: string }
  /** UTF-8 bytes, transferred (not copied) to the main thread. */
  | { type: 'chunk'; id: number; chunk: Uint8Array }
  | { type: 'end'; id: number };
