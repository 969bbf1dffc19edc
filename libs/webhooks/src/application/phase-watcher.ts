import { Inject, Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { EVENT_STORE, EventStore } from '@solmu/event-store';
import { Clock, CLOCK, Principal } from '@solmu/kernel';
import { GetTimelineQuery } from '@solmu/projections';
import { phaseChangeOf } from '../core/phase-change';
import { deliveryIdOf } from '../core/webhook-events';
import type { NewDelivery, WebhookRecord, WebhookStore } from '../webhook-store.port';
import { WEBHOOK_SETTINGS, WEBHOOK_STORE, WebhookSettings } from './webhook.tokens';

const WATCHER: Principal = { kind: 'system', name: 'webhooks' };

/**
 * phase.changed: a phase is a verdict on a closed month of the network's timeline (monthly buckets,
 * cumulative ties, in the network's zone: what the timeline shows by month), so it changes when a
 * month closes, not when an event arrives. Every hour this asks the
 * analysis for the timeline of every network that has a phase.changed webhook, and when the newest
 * closed month's phase differs from the month before (phaseChangeOf) records one delivery per such
 * webhook made before the month closed. The change's id is derived from the network and the month,
 * so asking again, or from another instance, adds nothing.
 */
@Injectable()
export class PhaseWatcher {
  constructor(
    @Inject(WEBHOOK_STORE) private readonly store: WebhookStore,
    @Inject(WEBHOOK_SETTINGS) private readonly settings: WebhookSettings,
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly queries: QueryBus,
  ) {}

  async checkAll(): Promise<void> {
    const byNetwork = new Map<string, WebhookRecord[]>();
    for (const webhook of await this.store.allWebhooks()) {
      if (webhook.events.includes('phase.changed')) byNetwork.set(webhook.networkId, [...(byNetwork.get(webhook.networkId) ?? []), webhook]);
    }
    for (const [networkId, webhooks] of byNetwork) await this.checkNetwork(networkId, webhooks);
  }

  async checkNetwork(networkId: string, webhooks: readonly WebhookRecord[]): Promise<void> {
    const now = this.clock.now();
    const timeline = await this.queries.execute(new GetTimelineQuery(networkId, { interval: 'month', to: now.toISOString() }, WATCHER));
    const change = phaseChangeOf(networkId, timeline.buckets, now);
    if (!change) return;
    const position = (await this.events.headPosition()) ?? 0;
    const giveUpAt = new Date(now.getTime() + this.settings.retry.retryForMs);
    const deliveries: NewDelivery[] = webhooks
      .filter((w) => w.createdAt.getTime() < change.at.getTime())
      .map((w) => ({
        id: deliveryIdOf(w.id, change.eventId),
        webhookId: w.id,
        eventType: 'phase.changed',
        eventId: change.eventId,
        position,
        data: JSON.stringify(change.payload),
        occurredAt: change.at,
        createdAt: now,
        giveUpAt,
      }));
    if (deliveries.length > 0) await this.store.addDeliveries(deliveries);
  }
}
