import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AllSubscription, EVENT_STORE, EventStore, Position } from '@solmu/event-store';
import { Projection, PROJECTIONS } from './projection';

/**
 * Feeds the in-memory read models from the event store: one catch-up subscription to all events,
 * from the last position applied. The store, not the in-process EventBus, is the source, so no
 * acknowledged event can be missed, and positions make re-delivery harmless.
 *
 * At start-up it replays the whole log (progress is logged) before the app answers queries.
 * Queries call {@link catchUpToHead} to see every write acknowledged before they began.
 */
@Injectable()
export class ProjectionRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Projections');
  private subscription?: AllSubscription;
  private position: Position | undefined;
  private waiters: Array<{ position: Position; resolve: () => void; reject: (error: Error) => void }> = [];
  private failure?: Error;
  private caughtUp!: Promise<void>;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PROJECTIONS) private readonly projections: Projection[],
  ) {}

  get checkpoint(): Position | undefined {
    return this.position;
  }

  async onApplicationBootstrap(): Promise<void> {
    const head = await this.store.headPosition();
    this.subscription = this.store.subscribeToAll({ after: this.position });
    this.caughtUp = this.consume(this.subscription, head);
    await this.caughtUp;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.subscription?.stop();
  }

  /** Resolves once every event up to the store's current head has been applied. */
  async catchUpToHead(timeoutMs = 5000): Promise<void> {
    if (this.failure) throw this.failure;
    const head = await this.store.headPosition();
    if (head === undefined || (this.position !== undefined && this.position >= head)) return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`read models lag behind position ${head}`)), timeoutMs);
      this.waiters.push({ position: head, resolve: () => (clearTimeout(timer), resolve()), reject: (error) => (clearTimeout(timer), reject(error)) });
    });
  }

  private consume(subscription: AllSubscription, head: Position | undefined): Promise<void> {
    return new Promise<void>((caughtUp, failed) => {
      const started = Date.now();
      let applied = 0;
      void (async () => {
        try {
          for await (const item of subscription) {
            if (item.kind === 'caught_up') {
              this.logger.log(`Read models caught up: ${applied} events in ${Date.now() - started} ms`);
              caughtUp();
              continue;
            }
            // A store may deliver an event again (a resubscription, an at-least-once transport):
            // what is at or below the checkpoint has been applied already.
            if (this.position !== undefined && item.event.position <= this.position) continue;
            for (const projection of this.projections) projection.apply(item.event);
            this.position = item.event.position;
            applied += 1;
            if (head !== undefined && applied % 100_000 === 0) this.logger.log(`Replaying history: position ${this.position} of ${head}`);
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

  private releaseWaiters(): void {
    if (this.waiters.length === 0) return;
    const position = this.position ?? 0;
    this.waiters = this.waiters.filter((w) => (w.position <= position ? (w.resolve(), false) : true));
  }
}
