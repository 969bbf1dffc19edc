import { AllSubscription, EventStore, Position, SubscriptionItem } from './event-store.port';

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
 */
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

  async function* deliver(): AsyncGenerator<SubscriptionItem> {
    let cursor = after;
    let caughtUp = false;
    try {
      while (!stopped) {
        woken = false;
        const page = await store.readAll({ after: cursor, maxCount: pageSize });
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
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, pollMs);
          timer.unref();
          sleeping = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        sleeping = undefined;
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
