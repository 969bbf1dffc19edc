import type { Resolve } from '../delivery/target-guard';
import type { PostWebhook } from '../delivery/http-poster';
import type { RetryPolicy } from '../core/retry-schedule';

export const WEBHOOK_STORE = Symbol('WEBHOOK_STORE');
export const WEBHOOK_SETTINGS = Symbol('WEBHOOK_SETTINGS');

/** How webhooks behave; apps/api builds it from the configuration, tests replace parts. */
export interface WebhookSettings {
  /** SOLMU_WEBHOOKS_ALLOW_PRIVATE: receivers on private, loopback or link-local addresses are allowed. */
  allowPrivate: boolean;
  retry: RetryPolicy;
  /** How often the reactor looks for new events and the sender for due deliveries. Default 250 ms. */
  pollMs?: number;
  /** How often phase.changed webhooks' networks are checked for a new phase. Default hourly; 0 disables. */
  phaseCheckMs?: number;
  /** A number in [0, 1) for the retry jitter. Default Math.random. */
  random?: () => number;
  /** Sends one delivery. Default: node's http(s) client with the address guard and a 10 s time-out. */
  post?: PostWebhook;
  /** Resolves host names for the check at creation. Default: the system resolver. */
  resolve?: Resolve;
  /** Run the reactor, the sender and the phase watcher (false in tests that drive them by hand). Default true. */
  background?: boolean;
}
