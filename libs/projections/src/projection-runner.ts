import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown, Optional } from '@nestjs/common';
import { AllSubscription, EVENT_STORE, EventStore, Position, Snapshot, SNAPSHOT_STORE, SnapshotStore } from '@solmu/event-store';
import { isSnapshotting, Projection, PROJECTIONS, SnapshottingProjection } from './projection';
import { ReadModelsBehindError } from './read-models-behind.error';

/** Live, the read models are saved again after this many events (and at shutdown). */
export const SNAPSHOT_EVERY = 50_000;
/** At start, a catch-up longer than this is saved at once, so the next start need not repeat it. */
const SAVE_AFTER_CATCH_UP = 10_000;

/**
 * Feeds the in-memory read models from the event store: one catch-up subscription to all events,
 * from the last position applied. The store, not the in-process EventBus, is the source, so no
 * acknowledged event can be missed, and positions make re-delivery harmless.
 *
 * At start-up it restores the read models' snapshots (SnapshottingProjection) and replays only the
 * log after the oldest of their positions, before the app answers queries; a projection without a
 * snapshot, or with one of another version, makes that replay start from zero. The snapshots are
 * saved again after a long catch-up, every {@link SNAPSHOT_EVERY} events, at shutdown, and soon
 * after an erasure (they hold decrypted personal data, which must not outlive it there).
 * Queries call {@link catchUpToHead} to see every write acknowledged before they began.
 */
/** A snapshot as read, and how long reading it took. */
interface Loaded {
  snapshot: Snapshot | undefined;
  readMs: number;
}

@Injectable()
export class ProjectionRunner implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger('Projections');
  private subscription?: AllSubscription;
  private position: Position | undefined;
  private waiters: Array<{ position: Position; resolve: () => void; reject: (error: Error) => void }> = [];
  private failure?: Error;
  private caughtUp!: Promise<void>;
  private savedAt: Position | undefined;
  private saving?: Promise<void>;
  private saveScheduled = false;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PROJECTIONS) private readonly projections: Projection[],
    @Optional() @Inject(SNAPSHOT_STORE) private readonly snapshots?: SnapshotStore,
  ) {
    // Asked for as soon as the app is wired, not at its bootstrap: on PostgreSQL they travel (and are
    // inflated, off the event loop) while the rest of the app is set up, about half a second.
    this.loads = this.askForSnapshots();
  }

  /** Snapshots asked for and not yet restored. */
  private loads?: Map<Projection, Promise<Loaded>>;

  get checkpoint(): Position | undefined {
    return this.position;
  }

  async onApplicationBootstrap(): Promise<void> {
    const head = await this.store.headPosition();
    // Without snapshots, a runner started again in the same process resumes from its checkpoint.
    if (this.snapshots) this.position = await this.restoreSnapshots(head);
    this.savedAt = this.position;
    if (this.position !== undefined) for (const projection of this.projections) projection.resumeFrom?.(this.position);
    this.subscription = this.store.subscribeToAll({ after: this.position });
    this.caughtUp = this.consume(this.subscription, head);
    await this.caughtUp;
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.subscription?.stop();
    if (this.failure === undefined && this.position !== this.savedAt) await this.saveSnapshots();
    else await this.saving;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.subscription?.stop();
    await this.saving;
    await this.snapshots?.close();
  }

  /** Resolves once every event up to the store's current head has been applied; else ReadModelsBehindError. */
  async catchUpToHead(timeoutMs = 5000): Promise<void> {
    if (this.failure) throw this.failure;
    const head = await this.store.headPosition();
    if (head === undefined || (this.position !== undefined && this.position >= head)) return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new ReadModelsBehindError(head)), timeoutMs);
      this.waiters.push({ position: head, resolve: () => (clearTimeout(timer), resolve()), reject: (error) => (clearTimeout(timer), reject(error)) });
    });
  }

  /** Writes every snapshotting read model's state at the position applied (one at a time). */
  saveSnapshots(): Promise<void> {
    const previous = this.saving ?? Promise.resolve();
    const next = previous.then(() => this.writeSnapshots());
    this.saving = next.finally(() => {
      if (this.saving === next) this.saving = undefined;
    });
    return next;
  }

  private async writeSnapshots(): Promise<void> {
    const position = this.position;
    if (!this.snapshots || position === undefined || position === this.savedAt) return;
    const started = Date.now();
    const models = this.projections.filter(isSnapshotting);
    // Serialised in one turn of the event loop: every model is at `position`.
    const snapshots = models.map((p) => ({ name: p.name, version: p.snapshotVersion, position, state: p.toSnapshot() }));
    try {
      await this.snapshots.save(snapshots);
      this.savedAt = position;
      const bytes = snapshots.reduce((sum, s) => sum + s.state.byteLength, 0);
      this.logger.log(`Read models saved at position ${position}: ${(bytes / 2 ** 20).toFixed(1)} MB in ${Date.now() - started} ms`);
    } catch (error) {
      // A snapshot is an optimisation: without it the next start replays more, nothing is lost.
      this.logger.warn(`Could not save the read models' snapshots: ${(error as Error).message}`);
    }
  }

  /** Every read model's snapshot, asked for at once (they are restored in order, the next travelling while the last is decoded). */
  private askForSnapshots(): Map<Projection, Promise<Loaded>> | undefined {
    const snapshots = this.snapshots;
    if (!snapshots) return undefined;
    return new Map(
      this.projections.filter((p) => p.replaysHistory !== false && isSnapshotting(p)).map((p) => {
        const started = Date.now();
        const load = snapshots.load(p.name).then((snapshot) => ({ snapshot, readMs: Date.now() - started }));
        load.catch(() => undefined); // awaited in order at the start; a failure surfaces there
        return [p, load] as const;
      }),
    );
  }

  /** Restores what snapshots there are; returns the position to replay from (undefined: the start). */
  private async restoreSnapshots(head: Position | undefined): Promise<Position | undefined> {
    const replaying = this.projections.filter((p) => p.replaysHistory !== false);
    if (!this.snapshots || replaying.length === 0) return undefined;
    // A runner started again in the same process asks afresh.
    const loads = this.loads ?? this.askForSnapshots()!;
    this.loads = undefined;
    let from: Position | undefined = Number.POSITIVE_INFINITY;
    for (const projection of replaying) {
      const restored = isSnapshotting(projection) ? await this.restore(projection, head, loads.get(projection)!) : undefined;
      from = restored === undefined || from === undefined ? undefined : Math.min(from, restored);
    }
    return from === Number.POSITIVE_INFINITY ? undefined : from;
  }

  private async restore(projection: SnapshottingProjection, head: Position | undefined, load: Promise<Loaded>): Promise<Position | undefined> {
    const { snapshot, readMs } = await load;
    if (!snapshot) return undefined;
    if (head === undefined || snapshot.position > head) {
      // Snapshots of another log (the events file replaced, the snapshots' kept): never trusted.
      this.logger.warn(`Snapshot of ${projection.name} is at position ${snapshot.position}, beyond the store's head (${head ?? 'empty'}): rebuilding it from the log`);
      return undefined;
    }
    if (snapshot.version !== projection.snapshotVersion) {
      this.logger.log(`Snapshot of ${projection.name} is version ${snapshot.version}, this build folds version ${projection.snapshotVersion}: rebuilding it from the log`);
      return undefined;
    }
    const started = Date.now();
    projection.restore(snapshot.state, snapshot.position);
    this.logger.log(`Restored ${projection.name} at position ${snapshot.position}: ${(snapshot.state.byteLength / 2 ** 20).toFixed(1)} MB read in ${readMs} ms, restored in ${Date.now() - started} ms`);
    return snapshot.position;
  }

  private consume(subscription: AllSubscription, head: Position | undefined): Promise<void> {
    return new Promise<void>((caughtUp, failed) => {
      const started = Date.now();
      let applied = 0;
      let live = false;
      void (async () => {
        try {
          for await (const item of subscription) {
            if (item.kind === 'caught_up') {
              this.logger.log(`Read models caught up: ${applied} events in ${Date.now() - started} ms`);
              live = true;
              if (applied >= SAVE_AFTER_CATCH_UP || (this.snapshots && this.position !== undefined && this.savedAt === undefined)) this.scheduleSave();
              caughtUp();
              continue;
            }
            // A store may deliver an event again (a resubscription, an at-least-once transport):
            // what is at or below the checkpoint has been applied already.
            if (this.position !== undefined && item.event.position <= this.position) continue;
            for (const projection of this.projections) projection.apply(item.event);
            this.position = item.event.position;
            applied += 1;
            if (!live && head !== undefined && applied % 100_000 === 0) this.logger.log(`Replaying history: position ${this.position} of ${head}`);
            // An erasure is written into the snapshots soon; otherwise they are refreshed now and then.
            if (live && (item.event.type === 'MemberErased' || (!this.saving && this.position - (this.savedAt ?? 0) >= SNAPSHOT_EVERY))) this.scheduleSave();
            this.releaseWaiters();
          }
        } catch (error) {
          this.failure = error as Error;
          this.logger.error(`Projection stopped: ${(error as Error).message}`);
          // Queries waiting for a position that will never come fail now, with the cause.
          this.waiters.forEach((w) => w.reject(this.failure!));
          this.waiters = [];
          failed(error);
        }
      })();
    });
  }

  /** After the current batch of events: one save, however many events asked for it meanwhile. */
  private scheduleSave(): void {
    if (!this.snapshots || this.saveScheduled) return;
    this.saveScheduled = true;
    setImmediate(() => {
      this.saveScheduled = false;
      if (this.failure === undefined) void this.saveSnapshots();
    });
  }

  private releaseWaiters(): void {
    if (this.waiters.length === 0) return;
    const position = this.position ?? 0;
    this.waiters = this.waiters.filter((w) => (w.position <= position ? (w.resolve(), false) : true));
  }
}
