/**
 * Where webhooks and their delivery log live: their own SQLite file, or tables in the PostgreSQL
 * database the instances share. Not event-sourced: a delivery's status changes many times and the
 * log is pruned by deleting its webhook, which an append-only log cannot do.
 *
 * Two guarantees every adapter keeps, checked by the contract suite (testing/webhook-store.contract.ts):
 * - `recordBatch` is a compare-and-set on the reactor's checkpoint, and a delivery is unique by
 *   (webhook, event): however many instances react to the same events, each event gives each
 *   webhook one delivery row.
 * - `claimDue` hands a due delivery to one caller at a time (a lease): two instances never send it
 *   at once; a lease left by a crashed instance expires and the delivery is claimed again.
 *
 * Times are `Date`s; adapters store them as they like (epoch ms in SQLite, timestamptz in PostgreSQL).
 */
export interface WebhookStore {
  /**
   * Adds a webhook. Its `createdAfter` becomes at least the reactor's checkpoint, and the
   * checkpoint's generation moves on, so a reactor batch that matched events without this webhook
   * cannot be recorded after it (its compare-and-set fails and it matches again). Returns the record as stored.
   */
  createWebhook(webhook: WebhookRecord): Promise<WebhookRecord>;
  getWebhook(networkId: string, webhookId: string): Promise<WebhookRecord | undefined>;
  /** A webhook by its id alone (the sender's look-up). */
  webhookById(webhookId: string): Promise<WebhookRecord | undefined>;
  /** The network's webhooks, oldest first. */
  listWebhooks(networkId: string): Promise<WebhookRecord[]>;
  /** Every webhook of every network, disabled ones included (the reactor records their deliveries too). */
  allWebhooks(): Promise<WebhookRecord[]>;
  /** Removes the webhook and its delivery log; false when the network has no such webhook. */
  deleteWebhook(networkId: string, webhookId: string): Promise<boolean>;
  /** False when the network has no such webhook. */
  replaceSecret(networkId: string, webhookId: string, sealedSecret: string): Promise<boolean>;
  setStatus(webhookId: string, status: WebhookStatus): Promise<void>;

  /** How far the reactor has turned events into deliveries, and the webhooks' generation it did so with. */
  checkpoint(): Promise<ReactorCheckpoint>;
  /**
   * Atomically: when the checkpoint (position and generation) is still `from`, adds the deliveries (skipping any already
   * recorded for the same webhook and event) and moves the checkpoint to `to`. False, with nothing
   * written, when another reactor moved it first.
   */
  recordBatch(from: ReactorCheckpoint, to: number, deliveries: readonly NewDelivery[]): Promise<boolean>;
  /** Adds deliveries outside the event log (phase changes); one per (webhook, event) as above. */
  addDeliveries(deliveries: readonly NewDelivery[]): Promise<void>;

  /**
   * Up to `limit` pending deliveries of active webhooks that are due at `now` and not leased,
   * leased now to `owner` until `leaseUntil`, oldest due first.
   */
  claimDue(now: Date, owner: string, leaseUntil: Date, limit: number): Promise<DeliveryRecord[]>;
  /** Records one attempt of a delivery this owner holds and releases the lease; false when the lease was lost. */
  recordAttempt(deliveryId: string, owner: string, outcome: AttemptOutcome): Promise<boolean>;
  /** The webhook's deliveries, newest first; `before` is the last one of the previous page. */
  listDeliveries(webhookId: string, limit: number, before?: { createdAt: Date; id: string }): Promise<DeliveryRecord[]>;
  getDelivery(webhookId: string, deliveryId: string): Promise<DeliveryRecord | undefined>;
  /** Makes a delivery pending and due at `now` again, retried until `giveUpAt`; false when there is none. */
  redeliver(webhookId: string, deliveryId: string, now: Date, giveUpAt: Date): Promise<boolean>;


  close(): Promise<void>;
}

export interface ReactorCheckpoint {
  /** The last position reacted to; undefined before the first batch. */
  position: number | undefined;
  /** Moves on whenever a webhook is added. */
  generation: number;
}

export type WebhookStatus = 'active' | 'disabled';

export interface WebhookRecord {
  id: string;
  networkId: string;
  url: string;
  events: string[];
  description?: string;
  /** The signing secret, sealed by the personal-data vault under the webhook's own key. */
  sealedSecret: string;
  createdAt: Date;
  /** The store's head when it was created: only events after it are delivered. */
  createdAfter: number;
  status: WebhookStatus;
}

export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

/** A delivery as the reactor records it. */
export interface NewDelivery {
  /** Derived from (webhook, event), so it is also the `webhook-id` receivers deduplicate by. */
  id: string;
  webhookId: string;
  eventType: string;
  eventId: string;
  position: number;
  /** Where to read the event at send time (personal data is opened, or found erased, then). */
  streamId?: string;
  revision?: number;
  /** The payload's data, for deliveries of things that are not stored events (phase changes). */
  data?: string;
  /** When the thing happened (the event's recording time). */
  occurredAt: Date;
  createdAt: Date;
  giveUpAt: Date;
}

export interface DeliveryRecord extends NewDelivery {
  status: DeliveryStatus;
  attempts: number;
  responseStatus?: number;
  error?: string;
  nextAttemptAt: Date;
  deliveredAt?: Date;
}

export type AttemptOutcome =
  | { status: 'delivered'; at: Date; responseStatus: number }
  | { status: 'pending'; at: Date; nextAttemptAt: Date; responseStatus?: number; error: string }
  | { status: 'failed'; at: Date; responseStatus?: number; error: string };
