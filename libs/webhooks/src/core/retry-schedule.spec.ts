import { DEFAULT_RETRY_POLICY, nextAttemptAt } from './retry-schedule';

describe('the retry schedule', () => {
  const start = new Date('2026-01-01T00:00:00Z');
  const dayLater = new Date(start.getTime() + DEFAULT_RETRY_POLICY.retryForMs);

  it('doubles the delay after each failure, jittered between half and all of it, up to two hours', () => {
    const delays = [1, 2, 3, 4, 10, 20].map((n) => [nextAttemptAt(n, start, dayLater, 0)!, nextAttemptAt(n, start, dayLater, 0.999999)!].map((d) => Math.round((d.getTime() - start.getTime()) / 1000)));
    expect(delays).toEqual([
      [5, 10],
      [10, 20],
      [20, 40],
      [40, 80],
      [2560, 5120],
      [3600, 7200],
    ]);
  });

  it('retries for about a day, then gives up', () => {
    let now = start;
    let attempts = 0;
    for (;;) {
      attempts += 1;
      const next = nextAttemptAt(attempts, now, dayLater, 0.5);
      if (next === undefined) break;
      now = next;
    }
    expect(now.getTime()).toBeGreaterThan(start.getTime() + 20 * 3600_000);
    expect(now.getTime()).toBeLessThanOrEqual(dayLater.getTime());
    expect(attempts).toBeGreaterThan(15);
    expect(attempts).toBeLessThan(30);
  });
});
