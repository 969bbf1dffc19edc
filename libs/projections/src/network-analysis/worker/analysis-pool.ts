/**
 * A small pool of analysis worker threads, sharded by network: each network belongs to exactly one
 * worker (a hash of its id), which alone folds its history and answers its analysis. So the heavy
 * analysis never runs on the main thread's event loop, and memory does not grow with the number of
 * workers: every network's history lives in one thread only (the main thread keeps none).
 *
 * Why not piscina: a piscina task may run on any worker, so every worker would have to hold every
 * network (memory × workers) or receive it with each task. Sharding needs a fixed home per network.
 *
 * - Feeding: the projection runner hands every event (decrypted, in order) to {@link forward}; the
 *   pool batches each worker's share and posts it with the global position reached, after the
 *   current turn of the event loop (or at once when a batch is full).
 * - Read-your-writes: a request carries the position the main thread has forwarded; the worker
 *   answers once it is current up to it.
 * - A worker that dies (a crash, out of memory) is started again and refed from the store; requests
 *   it was answering fail (a 500), later ones wait until the new worker has caught up. After
 *   {@link MAX_RESTARTS} restarts in a minute the pool stops restarting and every request fails loudly.
 */
import { Logger, OnApplicationShutdown } from '@nestjs/common';
import type { EventStore, RecordedEvent } from '@solmu/event-store';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { Worker } from 'node:worker_threads';
import type { AnalysisContext, AnalysisRequest, ForwardedEvent } from '../analysis-engine';
import type { FromWorker, ToWorker } from './analysis-protocol';
import { deserialiseError } from './remote-error';

/** Events per message to a worker. */
const BATCH = 2000;
/** Events read from the store per page when refeeding a restarted worker. */
const REFEED_PAGE = 5000;
export const MAX_RESTARTS = 5;

/** A file answered by a worker: its headers, and its body as a stream of text pieces. */
export interface StreamedFile {
  contentType: string;
  filename: string;
  body: Readable;
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
  /** Set once a file's headers have arrived. */
  stream?: Readable;
}

interface Slot {
  index: number;
  worker: Worker;
  queue: ForwardedEvent[];
  /** Global position this worker was last told it is current up to. */
  sentUpTo: number;
  /** Being refed from the store after a restart: live events wait in `queue`. */
  refeeding: boolean;
  requests: Map<number, Pending>;
  restarts: number[];
}

export class AnalysisPool implements OnApplicationShutdown {
  private readonly logger = new Logger('AnalysisPool');
  private readonly slots: Slot[];
  private position = 0;
  private nextId = 1;
  private flushScheduled = false;
  private stopped = false;
  private failure?: Error;

  constructor(
    private readonly store: EventStore,
    readonly size: number,
  ) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`an analysis pool needs at least one worker, got ${size}`);
    this.slots = Array.from({ length: size }, (_, index) => {
      const slot: Slot = { index, worker: undefined as unknown as Worker, queue: [], sentUpTo: 0, refeeding: false, requests: new Map(), restarts: [] };
      slot.worker = this.spawn(slot);
      return slot;
    });
  }

  /** The last position forwarded to the workers. */
  get forwardedPosition(): number {
    return this.position;
  }

  /** Hands one event to the worker owning its network; events without a network only move the position. */
  forward(event: RecordedEvent): void {
    if (event.position <= this.position) return;
    this.position = event.position;
    const networkId = event.data.networkId;
    if (typeof networkId !== 'string') return;
    const slot = this.slots[this.shardOf(networkId)];
    slot.queue.push({ position: event.position, type: event.type, data: event.data, metadata: event.metadata });
    if (slot.queue.length >= BATCH) this.flush(slot);
    else if (!this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(() => {
        this.flushScheduled = false;
        this.slots.forEach((s) => this.flush(s));
      });
    }
  }

  /** An analysis answer from the worker owning the network, once it has every event forwarded so far. */
  ask<T>(request: Exclude<AnalysisRequest, { kind: 'export' }>, context: AnalysisContext): Promise<T> {
    return this.send(request, context) as Promise<T>;
  }

  /** A file from the worker owning the network: resolves when its headers arrive, then streams. */
  export(request: Extract<AnalysisRequest, { kind: 'export' }>, context: AnalysisContext): Promise<StreamedFile> {
    return this.send(request, context) as Promise<StreamedFile>;
  }

  /** The worker thread serving a network (for tests and diagnostics). */
  workerOf(networkId: string): Worker {
    return this.slots[this.shardOf(networkId)].worker;
  }

  /** Nest calls this on app.close(): the worker threads end with the app. */
  async onApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
  }

  /** FNV-1a of the id: stable across restarts, so a network always comes home to the same worker. */
  shardOf(networkId: string): number {
    let hash = 0x811c9dc5;
    for (let i = 0; i < networkId.length; i++) hash = Math.imul(hash ^ networkId.charCodeAt(i), 0x01000193);
    return (hash >>> 0) % this.slots.length;
  }

  private send(request: AnalysisRequest, context: AnalysisContext): Promise<unknown> {
    if (this.failure) return Promise.reject(this.failure);
    const slot = this.slots[this.shardOf(request.networkId)];
    this.flush(slot);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      slot.requests.set(id, { resolve, reject });
      this.post(slot, { type: 'request', id, after: this.position, request, context });
    });
  }

  private flush(slot: Slot): void {
    if (slot.refeeding || (slot.queue.length === 0 && slot.sentUpTo >= this.position)) return;
    this.post(slot, { type: 'events', events: slot.queue, upTo: this.position });
    slot.queue = [];
    slot.sentUpTo = this.position;
  }

  private post(slot: Slot, message: ToWorker): void {
    slot.worker.postMessage(message);
  }

  private spawn(slot: Slot): Worker {
    const worker = startWorker();
    // A forgotten pool must not keep the process alive; requests in flight keep their own promises.
    worker.unref();
    worker.on('message', (message: FromWorker) => this.receive(slot, message));
    worker.on('error', (error) => this.logger.error(`Analysis worker ${slot.index} failed: ${error.stack ?? error.message}`));
    worker.on('exit', (code) => {
      if (!this.stopped && slot.worker === worker) this.restart(slot, code);
    });
    return worker;
  }

  private receive(slot: Slot, message: FromWorker): void {
    const pending = slot.requests.get(message.id);
    if (!pending) return;
    switch (message.type) {
      case 'result':
        slot.requests.delete(message.id);
        return pending.resolve(message.value);
      case 'error': {
        slot.requests.delete(message.id);
        const error = deserialiseError(message.error);
        if (pending.stream) pending.stream.destroy(error);
        else pending.reject(error);
        return;
      }
      case 'start':
        pending.stream = new Readable({ read() {} });
        return pending.resolve({ contentType: message.contentType, filename: message.filename, body: pending.stream });
      case 'chunk':
        pending.stream?.push(Buffer.from(message.chunk.buffer, message.chunk.byteOffset, message.chunk.byteLength));
        return;
      case 'end':
        slot.requests.delete(message.id);
        pending.stream?.push(null);
        return;
    }
  }

  private restart(slot: Slot, code: number): void {
    const lost = new Error(`analysis worker ${slot.index} stopped (exit code ${code}) while answering this request`);
    for (const pending of slot.requests.values()) {
      if (pending.stream) pending.stream.destroy(lost);
      else pending.reject(lost);
    }
    slot.requests.clear();
    const now = Date.now();
    slot.restarts = [...slot.restarts.filter((t) => now - t < 60_000), now];
    if (slot.restarts.length > MAX_RESTARTS) {
      this.failure = new Error(`analysis worker ${slot.index} stopped ${slot.restarts.length} times in a minute; analysis is unavailable until the app restarts`);
      this.logger.error(this.failure.message);
      return;
    }
    this.logger.error(`Analysis worker ${slot.index} stopped (exit code ${code}); starting it again and refeeding it from the store`);
    slot.refeeding = true;
    slot.sentUpTo = 0;
    const worker = (slot.worker = this.spawn(slot));
    this.refeed(slot).then(
      () => {
        // If this worker died too, its successor's refeed owns the slot now.
        if (slot.worker !== worker) return;
        slot.refeeding = false;
        this.flush(slot);
      },
      (error: Error) => {
        this.failure = new Error(`analysis worker ${slot.index} could not be refed from the store: ${error.message}`);
        this.logger.error(this.failure.message);
        void slot.worker.terminate();
      },
    );
  }

  /** Replays the store up to the position forwarded when the worker died; later events wait in the queue. */
  private async refeed(slot: Slot): Promise<void> {
    const target = this.position;
    const worker = slot.worker;
    let after: number | undefined;
    while (after === undefined || after < target) {
      const page = await this.store.readAll({ after, maxCount: REFEED_PAGE });
      if (page.length === 0 || slot.worker !== worker) break;
      const events: ForwardedEvent[] = [];
      for (const event of page) {
        if (event.position > target) break;
        const networkId = event.data.networkId;
        if (typeof networkId === 'string' && this.shardOf(networkId) === slot.index) {
          events.push({ position: event.position, type: event.type, data: event.data, metadata: event.metadata });
        }
      }
      after = page[page.length - 1].position;
      this.post(slot, { type: 'events', events, upTo: Math.min(after, target) });
    }
    if (slot.worker === worker) slot.sentUpTo = target;
  }
}

/**
 * Starts the worker script. Built (`npm run build`), this file is JavaScript and the worker's compiled
 * file lies beside it. From the TypeScript sources (Jest, `node -r tools/register-ts.js`), a worker
 * cannot load .ts by itself: it first registers the same SWC hook the tools use.
 */
function startWorker(): Worker {
  const compiled = join(__dirname, 'analysis-worker.js');
  if (__filename.endsWith('.js') && existsSync(compiled)) return new Worker(compiled);
  const register = resolve(__dirname, '../../../../../tools/register-ts.js');
  const source = join(__dirname, 'analysis-worker.ts');
  return new Worker(`require(${JSON.stringify(register)}); require(${JSON.stringify(source)});`, { eval: true });
}
