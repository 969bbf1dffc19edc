/**
 * A small pool of analysis worker threads, sharded by network: each network belongs to exactly one
 * worker (a hash of its id), which alone folds its history and answers its analysis. So the heavy
 * analysis never runs on the main thread's event loop, and memory does not grow with the number of
 * workers: every network's history lives in one thread only (the main thread keeps none).
 *
 * Why not piscina: a piscina task may run on any worker, so every worker would have to hold every
 * network (memory × workers) or receive it with each task. Sharding needs a fixed home per network.
 *
 * - On demand: a worker holds only the networks asked about lately. The first request for a network
 *   loads it: its snapshot (SNAPSHOT_STORE) and the log after it, read from the store. A network not
 *   asked about for `idleMs` is evicted, and so are the least recently asked beyond `budgetBytes`
 *   (the workers' estimate of each network's size); an evicted network that changed is snapshotted
 *   first, so taking it up again is a load of its snapshot, not a fold of its history.
 * - Feeding: the projection runner hands every event (decrypted, in order) to {@link forward}; the
 *   pool batches the events of the networks each worker holds and posts them with the global
 *   position reached, after the current turn of the event loop (or at once when a batch is full).
 * - Read-your-writes: a request carries the position the main thread has forwarded; the worker
 *   answers once it is current up to it (and has finished loading the network).
 * - A worker that dies (a crash, out of memory) is started again with no network held; requests it
 *   was answering fail (a 500), later ones load their network again. After {@link MAX_RESTARTS}
 *   restarts in a minute the pool stops restarting and every request fails loudly.
 */
import { BeforeApplicationShutdown, Logger, OnApplicationShutdown } from '@nestjs/common';
import type { EventStore, RecordedEvent, SnapshotStore } from '@solmu/event-store';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { Worker } from 'node:worker_threads';
import type { AnalysisContext, AnalysisRequest, ForwardedEvent } from '../analysis-engine';
import { ANALYSIS_SNAPSHOT_VERSION, analysisSnapshotName } from '../analysis-snapshot';
import type { AnalysisWorkerData, FromWorker, ToWorker } from './analysis-protocol';
import { deserialiseError } from './remote-error';

/** Events per message to a worker. */
const BATCH = 2000;
/** Events read from the store per page when loading a network: a page is read and cloned on the main thread, so it stays short (a ping waits for at most one). */
const LOAD_PAGE = 1000;
export const MAX_RESTARTS = 5;

export interface AnalysisPoolOptions {
  /** Where networks' analysis snapshots are kept; without it every load folds the whole log. */
  snapshots?: SnapshotStore;
  /** Estimated analysis state the workers may hold together before idle networks are evicted. */
  budgetBytes?: number;
  /** A network not asked about for this long is evicted. */
  idleMs?: number;
  /** Workers compute the dashboard's default timeline ahead for networks asked about lately (timeline-warmer.ts). Default false here; the app's default is SOLMU_ANALYSIS_WARM_TIMELINES (true). */
  warmTimelines?: boolean;
}

/** A file answered by a worker: its headers, and its body as a stream of text pieces. */
export interface StreamedFile {
  contentType: string;
  filename: string;
  body: Readable;
}

interface Pending {
  networkId: string;
  resolve(value: unknown): void;
  reject(error: Error): void;
  /** Set once a file's headers have arrived. */
  stream?: Readable;
}

/** A network a worker holds or is loading. */
interface Held {
  loading: boolean;
  lastAsked: number;
  /** Order of the last use among all networks (milliseconds can tie). */
  touched: number;
  /** The worker's estimate, once loaded. */
  bytes: number;
  inFlight: number;
  /** Milliseconds the last load took (for diagnostics and the benchmark). */
  loadMs?: number;
}

interface Slot {
  index: number;
  worker: Worker;
  queue: ForwardedEvent[];
  /** Global position this worker was last told it is current up to. */
  sentUpTo: number;
  requests: Map<number, Pending>;
  restarts: number[];
  held: Map<string, Held>;
  /** Networks whose eviction is posted and not yet answered. */
  leaving: Set<string>;
  /** Loads waiting for those evictions to be answered (or for the worker to be gone). */
  afterLeaving: Array<() => void>;
}

export class AnalysisPool implements BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger('AnalysisPool');
  private readonly slots: Slot[];
  private position = 0;
  private nextId = 1;
  private flushScheduled = false;
  private stopped = false;
  private failure?: Error;
  private readonly budgetBytes: number;
  private readonly idleMs: number;
  private readonly sweeper: NodeJS.Timeout;
  private readonly snapshotWrites = new Set<Promise<void>>();
  private readonly evictions = new Map<string, () => void>();
  /** Loads waiting for their worker to fold the page they sent. */
  private readonly folding = new Map<string, () => void>();
  private readonly exits = new WeakMap<Worker, Promise<void>>();
  private uses = 0;

  constructor(
    private readonly store: EventStore,
    readonly size: number,
    private readonly options: AnalysisPoolOptions = {},
  ) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`an analysis pool needs at least one worker, got ${size}`);
    this.budgetBytes = options.budgetBytes ?? 512 * 2 ** 20;
    this.idleMs = options.idleMs ?? 600_000;
    this.slots = Array.from({ length: size }, (_, index) => {
      const slot: Slot = { index, worker: undefined as unknown as Worker, queue: [], sentUpTo: 0, requests: new Map(), restarts: [], held: new Map(), leaving: new Set(), afterLeaving: [] };
      slot.worker = this.spawn(slot);
      return slot;
    });
    this.sweeper = setInterval(() => this.evictBeyondBudget(), Math.min(30_000, Math.max(1000, this.idleMs / 4)));
    this.sweeper.unref();
  }

  /** The last position forwarded to the workers. */
  get forwardedPosition(): number {
    return this.position;
  }

  /** Moves the position without events: the log resumes there (the read models' snapshots hold what came before). */
  advanceTo(position: number): void {
    this.position = Math.max(this.position, position);
  }

  /** Hands one event to the worker holding its network; events of other networks only move the position. */
  forward(event: RecordedEvent): void {
    if (event.position <= this.position) return;
    this.position = event.position;
    const networkId = event.data.networkId;
    if (typeof networkId !== 'string') return;
    // A network's snapshot holds decrypted personal data: an erasure deletes it (the state held, if
    // any, is redacted by the event and snapshotted again when it is evicted).
    if (event.type === 'MemberErased') this.deleteSnapshot(networkId);
    const slot = this.slots[this.shardOf(networkId)];
    if (!slot.held.has(networkId)) return;
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

  /** The networks the workers hold, with their estimated size and how long their last load took. */
  heldNetworks(): Array<{ networkId: string; loading: boolean; bytes: number; loadMs?: number }> {
    return this.slots.flatMap((slot) => [...slot.held].map(([networkId, h]) => ({ networkId, loading: h.loading, bytes: h.bytes, loadMs: h.loadMs })));
  }

  /** Evicts a network now, if no request is using it (for the benchmark and tests). Resolves once its snapshot, if any, is saved. */
  async evict(networkId: string): Promise<boolean> {
    const slot = this.slots[this.shardOf(networkId)];
    const held = slot.held.get(networkId);
    if (!held || held.loading || held.inFlight > 0) return false;
    const evicted = new Promise<void>((done) => this.evictions.set(networkId, done));
    this.evictFrom(slot, networkId);
    // The worker answers `evicted` after its snapshot, so the snapshot's write is tracked by then.
    await evicted;
    await Promise.all([...this.snapshotWrites]);
    return true;
  }

  /** Snapshots on their way to the store are written before the store closes. */
  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all([...this.snapshotWrites]);
  }

  /** Nest calls this on app.close(): the worker threads end with the app. */
  async onApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.sweeper);
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
    await Promise.all([...this.snapshotWrites]);
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
    // A load into a worker whose last network is on its way out waits until it is out: the emptied
    // worker is then replaced by a fresh one (recycleIfEmpty) before the load, instead of loading into
    // the heap the old network grew. A worker busy when the eviction came (a warm's bucket, another
    // request) answers it late, and a request arriving meanwhile kept the old worker: the pipeline
    // benchmark's peak with timeline warming was 702–709 MB.
    if (!slot.held.has(request.networkId) && slot.held.size === 0 && slot.leaving.size > 0) {
      return new Promise<void>((done) => slot.afterLeaving.push(done)).then(() => this.send(request, context));
    }
    this.flush(slot);
    const held = slot.held.get(request.networkId) ?? this.load(slot, request.networkId);
    held.lastAsked = Date.now();
    held.touched = ++this.uses;
    held.inFlight += 1;
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      slot.requests.set(id, { networkId: request.networkId, resolve, reject });
      this.post(slot, { type: 'request', id, after: this.position, request, context });
    });
  }

  /**
   * Takes a network up in its worker: `hold` now (so its live events from here on are forwarded
   * and kept aside), then its snapshot and the log after it up to the position forwarded now.
   */
  private load(slot: Slot, networkId: string): Held {
    const held: Held = { loading: true, lastAsked: Date.now(), touched: 0, bytes: 0, inFlight: 0 };
    slot.held.set(networkId, held);
    const target = this.position;
    const worker = slot.worker;
    const started = Date.now();
    this.post(slot, { type: 'hold', networkId });
    void (async () => {
      const snapshot = await this.options.snapshots?.load(analysisSnapshotName(networkId)).catch((error: Error) => {
        this.logger.warn(`Could not read the analysis snapshot of ${networkId}: ${error.message}`);
        return undefined;
      });
      const usable = snapshot !== undefined && snapshot.version === ANALYSIS_SNAPSHOT_VERSION;
      if (usable && slot.worker === worker) {
        // Moved, not copied, when the bytes own their buffer: a copy would hold a second 42 MB until
        // the main thread's next collection (500,000 interactions).
        const { state } = snapshot;
        const owned = state.byteOffset === 0 && state.byteLength === state.buffer.byteLength && state.buffer instanceof ArrayBuffer;
        slot.worker.postMessage({ type: 'restore', networkId, state, position: snapshot.position } satisfies ToWorker, owned ? [state.buffer as ArrayBuffer] : []);
      }
      let after = usable ? snapshot.position : undefined;
      let caughtUp = 0;
      while ((after === undefined || after < target) && slot.worker === worker) {
        const page = await this.store.readAll({ after, maxCount: LOAD_PAGE });
        if (page.length === 0) break;
        const events: ForwardedEvent[] = [];
        for (const event of page) {
          if (event.position > target) break;
          if (event.data.networkId === networkId) events.push({ position: event.position, type: event.type, data: event.data, metadata: event.metadata });
        }
        caughtUp += events.length;
        if (events.length > 0 && slot.worker === worker) {
          // One page in flight at a time: reading is faster than folding, and the pages waiting in
          // the worker's port would hold the whole log in memory (1.7 GB at 500,000 events).
          const folded = new Promise<void>((done) => this.folding.set(networkId, done));
          this.post(slot, { type: 'catch-up', networkId, events });
          await Promise.race([folded, this.exited(worker)]);
        }
        after = page[page.length - 1].position;
      }
      if (slot.worker !== worker) return;
      this.post(slot, { type: 'ready', networkId, upTo: target, caughtUp, restored: usable });
      held.loadMs = Date.now() - started;
      this.logger.log(`Analysis of ${networkId} loaded in worker ${slot.index}: ${usable ? `snapshot at ${snapshot.position} + ` : ''}${caughtUp} events, ${held.loadMs} ms`);
    })().catch((error: Error) => {
      this.logger.error(`Could not load the analysis of ${networkId}: ${error.message}`);
      // Its requests wait in the worker for a load that will not end: the worker is started afresh.
      if (slot.worker === worker) void worker.terminate();
    });
    return held;
  }

  /** Resolves when the worker has exited (a load waiting on it gives up). */
  private exited(worker: Worker): Promise<void> {
    return this.exits.get(worker) ?? Promise.resolve();
  }

  private evictFrom(slot: Slot, networkId: string): void {
    slot.held.delete(networkId);
    slot.leaving.add(networkId);
    this.flush(slot);
    this.post(slot, { type: 'evict', networkId });
  }

  /** The eviction of `networkId` is answered (without one: the worker is gone); once none is left, the waiting loads go ahead. */
  private left(slot: Slot, networkId?: string): void {
    if (networkId === undefined) slot.leaving.clear();
    else slot.leaving.delete(networkId);
    if (slot.leaving.size > 0) return;
    const waiting = slot.afterLeaving;
    slot.afterLeaving = [];
    waiting.forEach((done) => done());
  }

  /** Evicts idle networks, then the least recently asked while the estimate exceeds the budget. */
  private evictBeyondBudget(): void {
    const now = Date.now();
    const candidates = this.slots.flatMap((slot) => [...slot.held].map(([networkId, held]) => ({ slot, networkId, held })));
    let total = candidates.reduce((sum, c) => sum + c.held.bytes, 0);
    const evictable = candidates.filter((c) => !c.held.loading && c.held.inFlight === 0).sort((x, y) => x.held.touched - y.held.touched);
    const newest = Math.max(...candidates.map((c) => c.held.touched));
    for (const c of evictable) {
      const idle = now - c.held.lastAsked >= this.idleMs;
      // The network asked about last stays, even alone beyond the budget: it is the one in use.
      if (!idle && (total <= this.budgetBytes || c.held.touched === newest)) continue;
      this.logger.log(`Evicting the analysis of ${c.networkId} (${idle ? 'idle' : 'over the memory budget'}, ~${Math.round(c.held.bytes / 2 ** 20)} MB)`);
      this.evictFrom(c.slot, c.networkId);
      total -= c.held.bytes;
    }
  }

  private deleteSnapshot(networkId: string): void {
    if (!this.options.snapshots) return;
    this.track(this.options.snapshots.delete(analysisSnapshotName(networkId)));
  }

  private track(write: Promise<void>): void {
    const tracked = write
      .catch((error: Error) => this.logger.warn(`Analysis snapshot not written: ${error.message}`))
      .finally(() => this.snapshotWrites.delete(tracked));
    this.snapshotWrites.add(tracked);
  }

  private flush(slot: Slot): void {
    if (slot.queue.length === 0 && slot.sentUpTo >= this.position) return;
    this.post(slot, { type: 'events', events: slot.queue, upTo: this.position });
    slot.queue = [];
    slot.sentUpTo = this.position;
  }

  private post(slot: Slot, message: ToWorker): void {
    slot.worker.postMessage(message);
  }

  private spawn(slot: Slot): Worker {
    const worker = startWorker({ warmTimelines: this.options.warmTimelines === true });
    // A forgotten pool must not keep the process alive; requests in flight keep their own promises.
    worker.unref();
    worker.on('message', (message: FromWorker) => this.receive(slot, message));
    worker.on('error', (error) => this.logger.error(`Analysis worker ${slot.index} failed: ${error.stack ?? error.message}`));
    this.exits.set(worker, new Promise((done) => worker.once('exit', () => done())));
    worker.on('exit', (code) => {
      if (!this.stopped && slot.worker === worker) this.restart(slot, code);
    });
    return worker;
  }

  private receive(slot: Slot, message: FromWorker): void {
    if (message.type === 'held') {
      const held = slot.held.get(message.networkId);
      if (held) Object.assign(held, { loading: false, bytes: message.bytes });
      return this.evictBeyondBudget();
    }
    if (message.type === 'folded') {
      this.folding.get(message.networkId)?.();
      this.folding.delete(message.networkId);
      return;
    }
    if (message.type === 'evicted') {
      this.evictions.get(message.networkId)?.();
      this.evictions.delete(message.networkId);
      this.recycleIfEmpty(slot);
      this.left(slot, message.networkId);
      return;
    }
    if (message.type === 'snapshot') {
      const { networkId, position, state } = message;
      if (this.options.snapshots) this.track(this.options.snapshots.save([{ name: analysisSnapshotName(networkId), version: ANALYSIS_SNAPSHOT_VERSION, position, state }]));
      return;
    }
    const pending = slot.requests.get(message.id);
    if (!pending) return;
    switch (message.type) {
      case 'result':
        this.settled(slot, message.id, pending);
        return pending.resolve(message.value);
      case 'error': {
        this.settled(slot, message.id, pending);
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
        this.settled(slot, message.id, pending);
        pending.stream?.push(null);
        return;
    }
  }

  /**
   * A worker left holding nothing is replaced by a fresh one. V8 keeps the heap an evicted network
   * grew (and collects its garbage only when the heap grows again), so a network loaded again after an
   * eviction peaked at both states at once (905 → 703 MB for the process at 500,000 interactions);
   * ending the thread gives all of it back. Started now, the new worker loads its code before the
   * network's next request, not during it.
   */
  private recycleIfEmpty(slot: Slot): void {
    if (this.stopped || slot.held.size > 0 || slot.requests.size > 0) return;
    const old = slot.worker;
    slot.worker = this.spawn(slot);
    slot.queue = [];
    slot.sentUpTo = 0;
    this.flush(slot);
    void old.terminate();
  }

  private settled(slot: Slot, id: number, pending: Pending): void {
    slot.requests.delete(id);
    const held = slot.held.get(pending.networkId);
    if (held) {
      held.inFlight -= 1;
      held.lastAsked = Date.now();
      held.touched = ++this.uses;
    }
  }

  private restart(slot: Slot, code: number): void {
    const lost = new Error(`analysis worker ${slot.index} stopped (exit code ${code}) while answering this request`);
    for (const pending of slot.requests.values()) {
      if (pending.stream) pending.stream.destroy(lost);
      else pending.reject(lost);
    }
    slot.requests.clear();
    // The new worker holds nothing: each network is loaded again on its next request.
    slot.held.clear();
    this.left(slot);
    slot.queue = [];
    slot.sentUpTo = 0;
    const now = Date.now();
    slot.restarts = [...slot.restarts.filter((t) => now - t < 60_000), now];
    if (slot.restarts.length > MAX_RESTARTS) {
      this.failure = new Error(`analysis worker ${slot.index} stopped ${slot.restarts.length} times in a minute; analysis is unavailable until the app restarts`);
      this.logger.error(this.failure.message);
      return;
    }
    this.logger.error(`Analysis worker ${slot.index} stopped (exit code ${code}); starting it again (networks are loaded again when asked for)`);
    slot.worker = this.spawn(slot);
    this.flush(slot);
  }
}

/**
 * Starts the worker script. Built (`npm run build`), this file is JavaScript and the worker's compiled
 * file lies beside it. From the TypeScript sources (Jest, `node -r tools/register-ts.js`), a worker
 * cannot load .ts by itself: it first registers the same SWC hook the tools use.
 */
function startWorker(workerData: AnalysisWorkerData): Worker {
  const compiled = join(__dirname, 'analysis-worker.js');
  if (__filename.endsWith('.js') && existsSync(compiled)) return new Worker(compiled, { workerData });
  const register = resolve(__dirname, '../../../../../tools/register-ts.js');
  const source = join(__dirname, 'analysis-worker.ts');
  return new Worker(`require(${JSON.stringify(register)}); require(${JSON.stringify(source)});`, { eval: true, workerData });
}
