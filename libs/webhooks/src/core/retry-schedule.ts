/**
 * When to try a failed delivery again: exponential backoff with full jitter ("Exponential Backoff
 * And Jitter", AWS Architecture Blog), from `baseMs` doubling up to `capMs`, until the delivery's
 * give-up time (a day after it was recorded). Pure: the caller passes the time and a random number.
 */
export interface RetryPolicy {
  /** The ceiling of the first retry's delay. Default 10 s. */
  baseMs: number;
  /** The longest wait between two attempts. Default 2 h. */
  capMs: number;
  /** How long a delivery is retried after it was recorded (or redelivered). Default 24 h. */
  retryForMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { baseMs: 10_000, capMs: 2 * 3600_000, retryForMs: 24 * 3600_000 };

/**
 * The next attempt after `attempts` failed ones (1 after the first failure), or undefined when it
 * would fall after `giveUpAt`. `random` is in [0, 1). Half the delay is fixed and half jittered, so
 * retries spread out without two of them coming back immediately.
 */
export function nextAttemptAt(attempts: number, now: Date, giveUpAt: Date, random: number, policy: RetryPolicy = DEFAULT_RETRY_POLICY): Date | undefined {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(attempts - 1, 40));
  const delay = ceiling / 2 + (ceiling / 2) * random;
  const next = new Date(now.getTime() + Math.round(delay));
  return next.getTime() > giveUpAt.getTime() ? undefined : next;
}
