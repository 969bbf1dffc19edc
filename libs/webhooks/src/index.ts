/**
 * @solmu/webhooks — webhooks out: coordinators' webhooks and their delivery log, a reactor that
 * turns stored events into deliveries from a checkpoint kept in the database, a sender that signs
 * (Standard Webhooks), retries and never reaches private addresses, and phase changes from the
 * analysis. Storage behind the WebhookStore port: SQLite for one instance, PostgreSQL for several.
 */
export * from './webhook-store.port';
export { WEBHOOK_EVENTS, type WebhookEvent } from './core/webhook-events';
export { DEFAULT_RETRY_POLICY, type RetryPolicy } from './core/retry-schedule';
export { WEBHOOK_STORE, WEBHOOK_SETTINGS, type WebhookSettings } from './application/webhook.tokens';
export { Webhooks, type WebhookView, type DeliveryView, type DeliveryPage } from './application/webhooks';
export { WebhookReactor } from './application/webhook-reactor';
export { WebhookSender } from './application/webhook-sender';
export { PhaseWatcher } from './application/phase-watcher';
export { WebhooksModule, openWebhookStore, type WebhookStoreOptions, type WebhooksModuleOptions } from './application/webhooks.module';
