/**
 * An analysis worker thread: owns the folded history of the networks of its shard (see
 * analysis-pool.ts) and answers analysis requests from it, so the heavy work never blocks the main
 * thread's event loop. Started by the pool; never imported by the app.
 */
import { parentPort } from 'node:worker_threads';
import { AnalysisEngine, ExportedFile } from '../analysis-engine';
import type { FromWorker, ToWorker } from './analysis-protocol';
import { lowerThisThreadsPriority } from './background-priority';
import { serialiseError } from './remote-error';

/** Files leave in pieces of about this many characters. */
const CHUNK = 64 * 1024;

const port = parentPort;
if (port === null) throw new Error('analysis-worker.ts runs as a worker thread (started by AnalysisPool)');

lowerThisThreadsPriority();
const engine = new AnalysisEngine();
let upTo = 0;
let waiting: Array<Extract<ToWorker, { type: 'request' }>> = [];
const post = (message: FromWorker): void => port.postMessage(message);

port.on('message', (message: ToWorker) => {
  if (message.type === 'events') {
    for (const event of message.events) engine.apply(event);
    upTo = Math.max(upTo, message.upTo);
    if (waiting.length > 0) {
      const ready = waiting.filter((r) => r.after <= upTo);
      waiting = waiting.filter((r) => r.after > upTo);
      ready.forEach(serve);
    }
  } else if (message.after <= upTo) {
    serve(message);
  } else {
    waiting.push(message);
  }
});

function serve({ id, request, context }: Extract<ToWorker, { type: 'request' }>): void {
  let started = false;
  try {
    const answer = engine.answer(request, context);
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
        post({ type: 'chunk', id, chunk: buffer });
        buffer = '';
      }
    }
    if (!started) post({ type: 'start', id, contentType: file.contentType, filename: file.filename });
    if (buffer.length > 0) post({ type: 'chunk', id, chunk: buffer });
    post({ type: 'end', id });
  } catch (error) {
    post({ type: 'error', id, error: serialiseError(error) });
  }
}
