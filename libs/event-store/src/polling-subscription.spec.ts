import { RecordedEvent, StoreUnavailableError, SubscriptionItem } from './event-store.port';
import { pollingSubscription } from './polling-subscription';

/** Waits until `done()` holds; fails after a second instead of hanging. */
async function until(done: () => boolean): Promise<void> {
  const deadline = Date.now() + 1000;
  while (!done()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resume) => setTimeout(resume, 5));
  }
}

const event = (position: number): RecordedEvent => ({
  id: `00000000-0000-7000-8000-${String(position).padStart(12, '0')}`,
  streamId: 'test-1',
  revision: position - 1,
  position,
  type: 'Tested',
  data: {},
  metadata: {},
  recordedAt: new Date(0),
});

describe('the polling subscription while its store is unavailable', () => {
  it('waits out the outage and resumes after the last position it delivered, missing and repeating nothing', async () => {
    const log = [1, 2, 3].map(event);
    let down = false;
    const asked: Array<number | undefined> = [];
    const store = {
      readAll: async ({ after, maxCount }: { after?: number; maxCount?: number }) => {
        asked.push(after);
        if (down) throw new StoreUnavailableError('the server is restarting');
        return log.filter((e) => e.position > (after ?? 0)).slice(0, maxCount);
      },
    };
    let wake = () => undefined as void;
    const subscription = pollingSubscription(store, undefined, (w) => ((wake = w), () => undefined), { pollMs: 20 });
    const seen: SubscriptionItem[] = [];
    const reading = (async () => {
      for await (const item of subscription) {
        seen.push(item);
        if (item.kind === 'event' && item.event.position === 6) return;
      }
    })();

    await until(() => seen.length >= 4);
    down = true;
    const failedBefore = asked.length;
    // Written (by another instance, say) while this one cannot read.
    log.push(event(4), event(5));
    await until(() => asked.length >= failedBefore + 3);
    down = false;
    log.push(event(6));
    wake();
    await reading;
    await subscription.stop();

    const positions = seen.flatMap((item) => (item.kind === 'event' ? [item.event.position] : []));
    expect(positions).toEqual([1, 2, 3, 4, 5, 6]);
    // Every read during and after the outage asked for what follows position 3, the last delivered.
    expect(asked.slice(failedBefore)).toEqual(expect.arrayContaining([3]));
    expect(asked.slice(failedBefore).every((after) => after !== undefined && after >= 3)).toBe(true);
  });

  it('still ends on any other error, so a broken store is not retried forever', async () => {
    const store = { readAll: async () => Promise.reject(new Error('relation "events" does not exist')) };
    const subscription = pollingSubscription(store, undefined, () => () => undefined);
    await expect((async () => { for await (const _ of subscription) void _; })()).rejects.toThrow('does not exist');
  });
});
