import { Inject, Injectable, Logger } from '@nestjs/common';
import { EVENT_STORE, EventStore } from '@solmu/event-store';
import { Clock, CLOCK } from '@solmu/kernel';
import { ERASED, PersonalDataVault } from '@solmu/privacy';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { Webhook } from 'standardwebhooks';
import { nextAttemptAt } from '../core/retry-schedule';
import type { WebhookEvent } from '../core/webhook-events';
import { payloadOf, receiverAccess } from '../core/webhook-payload';
import { httpPoster, PostWebhook } from '../delivery/http-poster';
import type { AttemptOutcome, DeliveryRecord, WebhookRecord, WebhookStore } from '../webhook-store.port';
import { WEBHOOK_SETTINGS, WEBHOOK_STORE, WebhookSettings } from './webhook.tokens';

/**
 * Sends due deliveries, signed the Standard Webhooks way (`webhook-id` is the delivery's id, the
 * same on every attempt and redelivery, so receivers deduplicate by it). Each delivery is claimed
 * with a lease first, so two instances never send it at once, and one that dies mid-send leaves
 * it to be claimed again when the lease ends (at least once). A 2xx answer delivers; anything else
 * (another status, a redirect, a time-out, a refused address) is retried with backoff and jitter
 * until the delivery's give-up time, then the delivery is failed and the webhook disabled: its
 * later deliveries wait, not lost, until a coordinator redelivers one.
 *
 * The payload is made at send time from the event as the store reads it then, so personal data
 * erased meanwhile is not sent (see payloadOf).
 */
@Injectable()
export class WebhookSender {
  /** Deliveries claimed and sent together per round. */
  static readonly PARALLEL = 8;
  /** How long a claim holds: longer than the time-out of one POST. */
  static readonly LEASE_MS = 60_000;

  private readonly logger = new Logger('Webhooks');
  private readonly owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly post: PostWebhook;
  private readonly random: () => number;

  constructor(
    @Inject(WEBHOOK_STORE) private readonly store: WebhookStore,
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(WEBHOOK_SETTINGS) private readonly settings: WebhookSettings,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly vault: PersonalDataVault,
  ) {
    this.post = settings.post ?? httpPoster({ allowPrivate: settings.allowPrivate });
    this.random = settings.random ?? Math.random;
  }

  /** Sends what is due; true when a full round was claimed (there may be more). */
  async sendDue(): Promise<boolean> {
    const now = this.clock.now();
    const claimed = await this.store.claimDue(now, this.owner, new Date(now.getTime() + WebhookSender.LEASE_MS), WebhookSender.PARALLEL);
    await Promise.all(claimed.map((delivery) => this.send(delivery)));
    return claimed.length === WebhookSender.PARALLEL;
  }

  private async send(delivery: DeliveryRecord): Promise<void> {
    const webhook = await this.store.webhookById(delivery.webhookId);
    if (!webhook) return; // removed meanwhile: its deliveries went with it
    const outcome = await this.attempt(webhook, delivery);
    if (!(await this.store.recordAttempt(delivery.id, this.owner, outcome))) return;
    if (outcome.status === 'failed') {
      this.logger.warn(`Webhook ${webhook.id}: delivery ${delivery.id} failed for good (${outcome.error}); the webhook is disabled until a delivery is sent again`);
      await this.store.setStatus(webhook.id, 'disabled');
    }
  }

  private async attempt(webhook: WebhookRecord, delivery: DeliveryRecord): Promise<AttemptOutcome> {
    let body: string;
    let secret: string;
    try {
      body = await this.body(webhook, delivery);
      const opened = await this.vault.decrypt(webhook.sealedSecret);
      if (opened === ERASED) return { status: 'failed', at: this.clock.now(), error: 'the webhook’s secret is gone (the webhook was removed)' };
      secret = opened;
    } catch (error) {
      return this.failure(delivery, { error: (error as Error).message });
    }
    const sentAt = this.clock.now();
    const signed = new Webhook(secret).sign(delivery.id, sentAt, body);
    const answer = await this.post(webhook.url, body, {
      'webhook-id': delivery.id,
      'webhook-timestamp': String(Math.floor(sentAt.getTime() / 1000)),
      'webhook-signature': signed,
    });
    if ('error' in answer) return this.failure(delivery, answer);
    if (answer.status >= 200 && answer.status < 300) return { status: 'delivered', at: this.clock.now(), responseStatus: answer.status };
    const error = answer.status >= 300 && answer.status < 400 ? `redirect not followed (to ${answer.location ?? 'nowhere'})` : `the receiver answered ${answer.status}`;
    return this.failure(delivery, { error, responseStatus: answer.status });
  }

  private failure(delivery: DeliveryRecord, { error, responseStatus }: { error: string; responseStatus?: number }): AttemptOutcome {
    const at = this.clock.now();
    const next = nextAttemptAt(delivery.attempts + 1, at, delivery.giveUpAt, this.random(), this.settings.retry);
    const status = responseStatus === undefined ? {} : { responseStatus };
    return next ? { status: 'pending', at, nextAttemptAt: next, error, ...status } : { status: 'failed', at, error, ...status };
  }

  /** The JSON body: from the event as read now, or as recorded for things that are not events. */
  private async body(webhook: WebhookRecord, delivery: DeliveryRecord): Promise<string> {
    if (delivery.data !== undefined) return delivery.data;
    if (delivery.streamId === undefined || delivery.revision === undefined) throw new Error('the delivery names no event');
    const [event] = await this.events.readStream(delivery.streamId, { fromRevision: delivery.revision, maxCount: 1 });
    if (!event || event.id !== delivery.eventId) throw new Error(`event ${delivery.eventId} is no longer in the store`);
    return JSON.stringify(payloadOf(delivery.eventType as WebhookEvent, event, receiverAccess(webhook.networkId, webhook.id)));
  }
}
