import { AllSubscription, EventStore, Position, StoreUnavailableError, SubscriptionItem } from './event-store.port';

export interface PollingOptions {
  /** How often to look for events written by other processes when no wake-up arrives. */
  pollMs?: number;
  /** Events read per page while catching up. */
  pageSize?: number;
}

/**
 * A catch-up subscription for stores that can read `$all` by position: page through the history,
 * mark the catch-up once, then sleep until the store wakes us after a commit (same process) or the
 * poll interval passes (another process wrote). Reading by position makes delivery gap-free and in
 * order, whatever the timing of the wake-ups.
 *
 * While the store is unavailable (StoreUnavailableError: its server down or restarting) the
 * subscription does not end: it waits, longer each time up to {@link MAX_OUTAGE_WAIT_MS}, or until
 * woken (a reconnected listener wakes it), and reads again from the last position it delivered, so
 * its reader misses nothing written meanwhile, by this process or another.
 */
const MAX_OUTAGE_WAIT_MS = 2000;

export function pollingSubscription(
  store: Pick<EventStore, 'readAll'>,
  after: Position | undefined,
  register: (wake: () => void) => () => void,
  { pollMs = 250, pageSize = 1000 }: PollingOptions = {},
): AllSubscription {
  let stopped = false;
  let woken = false;
  let sleeping: (() => void) | undefined;
  const wake = () => {
    woken = true;
    sleeping?.();
  };
  const unregister = register(wake);

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      timer.unref();
      sleeping = () => {
        clearTimeout(timer);
        resolve();
      };
    }).finally(() => (sleeping = undefined));

  async function* deliver(): AsyncGenerator<SubscriptionItem> {
    let cursor = after;
    let caughtUp = false;
    let outages = 0;
    try {
      while (!stopped) {
        woken = false;
        let page: Awaited<ReturnType<typeof store.readAll>>;
        try {
          page = await store.readAll({ after: cursor, maxCount: pageSize });
          outages = 0;
        } catch (error) {
          if (!(error instanceof StoreUnavailableError)) throw error;
          outages += 1;
          if (!woken && !stopped) await sleep(Math.min(MAX_OUTAGE_WAIT_MS, 50 * 2 ** outages));
          continue;
        }
        for (const event of page) {
          if (stopped) return;
          yield { kind: 'event', event };
          cursor = event.position;
        }
        if (page.length === pageSize) continue;
        if (!caughtUp) {
          caughtUp = true;
          yield { kind: 'caught_up', position: cursor };
          continue;
        }
        if (woken || stopped) continue;
        await sleep(pollMs);
      }
    } finally {
      unregister();
    }
  }

  const iterator = deliver();
  return {
    [Symbol.asyncIterator]: () => iterator,
    async stop() {
      stopped = true;
      sleeping?.();
      unregister();
    },
  };
}
