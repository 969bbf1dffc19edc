/**
 * An analysis worker thread: holds the folded history of the networks of its shard that were asked
 * about lately (see analysis-pool.ts) and answers analysis requests from it, so the heavy work never
 * blocks the main thread's event loop. Started by the pool; never imported by the app.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { AnalysisEngine, ExportedFile, ForwardedEvent, SlicedRequest } from '../analysis-engine';
import type { AnalysisWorkerData, FromWorker, ToWorker } from './analysis-protocol';
import { lowerThisThreadsPriority } from './background-priority';
import { serialiseError } from './remote-error';
import { TimelineWarmer } from './timeline-warmer';

/** Files leave in pieces of about this many characters. */
const CHUNK = 64 * 1024;
/** A load that had to fold this many events is snapshotted at once, so the next one need not. */
const SNAPSHOT_AFTER = 10_000;

const port = parentPort;
if (port === null) throw new Error('analysis-worker.ts runs as a worker thread (started by AnalysisPool)');

lowerThisThreadsPriority();
const engine = new AnalysisEngine();
let upTo = 0;
let waiting: Array<Extract<ToWorker, { type: 'request' }>> = [];
/** Networks being loaded: their live events wait here until the log up to the load's position is in. */
const loading = new Map<string, ForwardedEvent[]>();
/** The revision each held network had at its last snapshot (written or restored). */
const snapshotRevision = new Map<string, number>();
const post = (message: FromWorker): void => port.postMessage(message);
const utf8 = new TextEncoder();
/**
 * On unless SOLMU_ANALYSIS_WARM_TIMELINES=false (the timeline, then the picture's slider stops). A warm goes a bucket at a time between messages
 * (timeline-warmer.ts): a warm holding the thread for the whole cold timeline made the pipeline
 * benchmark's first request after an eviction wait 7 s instead of 1.7 s on 500,000 interactions.
 */
const warmer = (workerData as AnalysisWorkerData | undefined)?.warmTimelines !== true ? undefined : new TimelineWarmer({
  warm: (request, context) => (request.kind === 'timeline' ? engine.warmTimeline(request, context) : engine.warmPictureSteps(request, context)),
  holds: (networkId) => engine.holds(networkId) && !loading.has(networkId),
  clock: () => Date.now(),
  setTimer: (callback, ms) => setTimeout(callback, ms).unref(),
  afterMessages: (callback) => setImmediate(callback),
});

/**
 * A piece of a file, as UTF-8 bytes whose memory moves to the main thread rather than being copied:
 * the main thread then holds no string of it, so a 100 MB export adds no garbage to its heap, whose
 * collections would pause every other request (the responsiveness benchmark saw 0.7–0.9 s).
 */
function sendChunk(id: number, text: string): void {
  const bytes = utf8.encode(text);
  port!.postMessage({ type: 'chunk', id, chunk: bytes } satisfies FromWorker, [bytes.buffer]);
}

function sendSnapshot(networkId: string, position: number): void {
  const snapshot = engine.toSnapshot(networkId);
  if (!snapshot) return;
  snapshotRevision.set(networkId, snapshot.revision);
  const state = snapshot.state as Uint8Array;
  port!.postMessage({ type: 'snapshot', networkId, position, state } satisfies FromWorker, [state.buffer as ArrayBuffer]);
}

const ready = (request: Extract<ToWorker, { type: 'request' }>): boolean => request.after <= upTo && !loading.has(request.request.networkId);

function serveWaiting(): void {
  if (waiting.length === 0) return;
  const now = waiting.filter(ready);
  waiting = waiting.filter((r) => !ready(r));
  now.forEach(serve);
}

port.on('message', (message: ToWorker) => {
  switch (message.type) {
    case 'events':
      for (const event of message.events) {
        const aside = loading.get(event.data.networkId as string);
        if (aside) aside.push(event);
        else engine.apply(event);
        warmer?.noteChange(event.data.networkId as string);
      }
      upTo = Math.max(upTo, message.upTo);
      return serveWaiting();
    case 'request':
      if (ready(message)) serve(message);
      else waiting.push(message);
      return;
    case 'hold':
      engine.hold(message.networkId);
      loading.set(message.networkId, []);
      return;
    case 'restore':
      engine.restore(message.networkId, message.state, message.position);
      snapshotRevision.set(message.networkId, engine.revisionOf(message.networkId)!);
      return;
    case 'catch-up':
      for (const event of message.events) engine.apply(event);
      return post({ type: 'folded', networkId: message.networkId });
    case 'ready': {
      const { networkId } = message;
      for (const event of loading.get(networkId) ?? []) engine.apply(event);
      loading.delete(networkId);
      if (!message.restored || message.caughtUp >= SNAPSHOT_AFTER) sendSnapshot(networkId, Math.max(upTo, message.upTo));
      post({ type: 'held', networkId, bytes: engine.sizeOf(networkId) });
      return serveWaiting();
    }
    case 'evict':
      if (engine.revisionOf(message.networkId) !== snapshotRevision.get(message.networkId)) sendSnapshot(message.networkId, upTo);
      engine.forget(message.networkId);
      warmer?.forget(message.networkId);
      snapshotRevision.delete(message.networkId);
      return post({ type: 'evicted', networkId: message.networkId });
  }
});

type RequestMessage = Extract<ToWorker, { type: 'request' }>;

function serve(message: RequestMessage): void {
  const { id, request, context } = message;
  if (request.kind === 'timeline' || request.kind === 'steps') return serveInSteps({ ...message, request });
  let started = false;
  try {
    const answer = engine.answer(request, context);
    warmer?.noteQuestion(request.networkId, context);
    if (request.kind !== 'export') return post({ type: 'result', id, value: answer });
    const file = answer as ExportedFile;
    let buffer = '';
    for (const piece of file.chunks) {
      // The first piece is computed before anything is sent: an error there is still a clean 4xx.
      if (!started) {
        post({ type: 'start', id, contentType: file.contentType, filename: file.filename });
        started = true;
      }
      buffer += piece;
      if (buffer.length >= CHUNK) {
        sendChunk(id, buffer);
        buffer = '';
      }
    }
    if (!started) post({ type: 'start', id, contentType: file.contentType, filename: file.filename });
    if (buffer.length > 0) sendChunk(id, buffer);
    post({ type: 'end', id });
  } catch (error) {
    post({ type: 'error', id, error: serialiseError(error) });
  }
}

/**
 * A timeline or the picture's stops, a bucket or stop per turn with the messages that came in handled
 * between (setImmediate), as warms go: a cold one took 2.6 s (timeline) and 4–7 s (stops) on 1,000
 * members and 100,000 interactions, and every other question about networks of this worker waited
 * behind it. The request was ready when it came (read-your-writes); events applied meanwhile restart
 * it on the new state (AnalysisEngine.answerInSteps). Its network stays held until it is answered:
 * the pool evicts no network with a request in flight.
 */
function serveInSteps({ id, request, context }: RequestMessage & { request: SlicedRequest }): void {
  const steps = engine.answerInSteps(request, context);
  const turn = (): void => {
    try {
      const step = steps.next();
      if (!step.done) return void setImmediate(turn);
      warmer?.noteQuestion(request.networkId, context);
      post({ type: 'result', id, value: step.value });
    } catch (error) {
      post({ type: 'error', id, error: serialiseError(error) });
    }
  };
  turn();
}
