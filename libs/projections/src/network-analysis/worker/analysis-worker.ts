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
const utf8 = new TextEncoder();

/**
 * A piece of a file, as UTF-8 bytes whose memory moves to the main thread rather than being copied:
 * the main thread then holds no string of it, so a 100 MB export adds no garbage to its heap, whose
 * collections would pause every other request (the responsiveness benchmark saw 0.7–0.9 s).
 */
function sendChunk(id: number, text: string): void {
  const bytes = utf8.encode(text);
  port!.postMessage({ type: 'chunk', id, chunk: bytes } satisfies FromWorker, [bytes.buffer]);
}

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
