import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, EventStore } from '@solmu/event-store';
import { Clock, CLOCK } from '@solmu/kernel';
import { deliveryIdOf, webhookEventOf } from '../core/webhook-events';
import type { NewDelivery, WebhookRecord, WebhookStore } from '../webhook-store.port';
import { WEBHOOK_SETTINGS, WEBHOOK_STORE, WebhookSettings } from './webhook.tokens';

/**
 * Turns stored events into delivery rows (a reactor, in Emmett's sense: it has side effects, so it
 * is not rebuilt from zero like a projection). Its checkpoint lives in the webhook store, not in
 * memory: after a restart, a crash or on another instance it carries on from the last batch
 * recorded, and the compare-and-set on that checkpoint plus one row per (webhook, event) mean an
 * event gives each subscribed webhook exactly one delivery, however many instances react.
 */
@Injectable()
export class WebhookReactor {
  /** Events read per batch (one transaction each). */
  static readonly BATCH = 500;

  constructor(
    @Inject(WEBHOOK_STORE) private readonly store: WebhookStore,
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(WEBHOOK_SETTINGS) private readonly settings: WebhookSettings,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Reacts to the next batch of events; true when there may be more to do at once. */
  async reactOnce(): Promise<boolean> {
    const from = await this.store.checkpoint();
    const webhooks = await this.store.allWebhooks();
    if (webhooks.length === 0) {
      // Nothing to match: skip to the head instead of reading the log. A webhook added meanwhile
      // moved the generation, so this fails and the next round reads; one added later starts here.
      const head = await this.events.headPosition();
      if (head === undefined || head === from.position) return false;
      await this.store.recordBatch(from, head, []);
      return true;
    }
    const events = await this.events.readAll({ after: from.position, maxCount: WebhookReactor.BATCH });
    if (events.length === 0) return false;
    const byNetwork = new Map<string, WebhookRecord[]>();
    for (const webhook of webhooks) byNetwork.set(webhook.networkId, [...(byNetwork.get(webhook.networkId) ?? []), webhook]);
    const now = this.clock.now();
    const giveUpAt = new Date(now.getTime() + this.settings.retry.retryForMs);
    const deliveries: NewDelivery[] = [];
    for (const event of events) {
      const type = webhookEventOf(event.type);
      if (type === undefined) continue;
      for (const webhook of byNetwork.get(String(event.data.networkId)) ?? []) {
        if (!webhook.events.includes(type) || event.position <= webhook.createdAfter) continue;
        deliveries.push({
          id: deliveryIdOf(webhook.id, event.id),
          webhookId: webhook.id,
          eventType: type,
          eventId: event.id,
          position: event.position,
          streamId: event.streamId,
          revision: event.revision,
          occurredAt: event.recordedAt,
          createdAt: now,
          giveUpAt,
        });
      }
    }
    // Lost to another instance (or to a webhook added meanwhile): nothing was written; go again.
    await this.store.recordBatch(from, events[events.length - 1].position, deliveries);
    return true;
  }
}
