import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, EventStore } from '@solmu/event-store';
import { Clock, CLOCK, ID_GENERATOR, IdGenerator, NotFound, Principal, ValidationFailed } from '@solmu/kernel';
import { PersonalDataVault } from '@solmu/privacy';
import { ReadAccess } from '@solmu/projections';
import { randomBytes } from 'node:crypto';
import { WEBHOOK_EVENTS, WebhookEvent } from '../core/webhook-events';
import { refusalOf } from '../delivery/target-guard';
import type { DeliveryRecord, WebhookRecord, WebhookStatus, WebhookStore } from '../webhook-store.port';
import { WEBHOOK_SETTINGS, WEBHOOK_STORE, WebhookSettings } from './webhook.tokens';

/** What coordinators see of a webhook: never its secret, except once when it is made or rotated. */
export interface WebhookView {
  id: string;
  url: string;
  events: WebhookEvent[];
  description?: string;
  createdAt: string;
  status: WebhookStatus;
}

export interface DeliveryView {
  id: string;
  eventType: string;
  eventId: string;
  position: number;
  status: DeliveryRecord['status'];
  attempts: number;
  responseStatus: number | null;
  error: string | null;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
  createdAt: string;
}

export interface DeliveryPage {
  items: DeliveryView[];
  /** Pass as `cursor` for the next (older) page; absent on the last one. */
  nextCursor?: string;
}

/** The subject the webhook's secret is sealed under; erased with the webhook. */
export const webhookSecretSubject = (webhookId: string) => `webhook-${webhookId}`;

/** A Standard Webhooks secret: `whsec_` and 32 random bytes in base64. */
export const newWebhookSecret = () => `whsec_${randomBytes(32).toString('base64')}`;

/**
 * Coordinators' webhooks: made, listed, removed, their secrets rotated, their delivery log read and
 * a delivery sent again. Every operation needs `network:manage` in the webhook's network.
 */
@Injectable()
export class Webhooks {
  constructor(
    @Inject(WEBHOOK_STORE) private readonly store: WebhookStore,
    @Inject(WEBHOOK_SETTINGS) private readonly settings: WebhookSettings,
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
    private readonly access: ReadAccess,
    private readonly vault: PersonalDataVault,
  ) {}

  async create(networkId: string, input: { url: string; events: string[]; description?: string }, principal: Principal): Promise<WebhookView & { secret: string }> {
    await this.access.to(networkId, principal, 'network:manage');
    const unknown = input.events.filter((e) => !(WEBHOOK_EVENTS as readonly string[]).includes(e));
    if (unknown.length > 0) throw ValidationFailed.field('events', `has events this API does not send: ${unknown.join(', ')} (known: ${WEBHOOK_EVENTS.join(', ')})`);
    if (input.events.length === 0) throw ValidationFailed.field('events', 'must name at least one event');
    const refusal = await refusalOf(input.url, this.settings.allowPrivate, this.settings.resolve);
    if (refusal) throw ValidationFailed.field('url', refusal, 'webhook_target_refused');
    const id = this.ids.next();
    const secret = newWebhookSecret();
    const record: WebhookRecord = {
      id,
      networkId,
      url: input.url,
      events: [...new Set(input.events)],
      ...(input.description && { description: input.description }),
      sealedSecret: await this.vault.encrypt(webhookSecretSubject(id), secret),
      createdAt: this.clock.now(),
      // Events already in the store are history: only what comes after the webhook is delivered
      // (-1 before the first event, as positions start at 0 in some stores).
      createdAfter: (await this.events.headPosition()) ?? -1,
      status: 'active',
    };
    await this.store.createWebhook(record);
    return { ...view(record), secret };
  }

  async list(networkId: string, principal: Principal): Promise<WebhookView[]> {
    await this.access.to(networkId, principal, 'network:manage');
    return (await this.store.listWebhooks(networkId)).map(view);
  }

  async remove(networkId: string, webhookId: string, principal: Principal): Promise<void> {
    await this.access.to(networkId, principal, 'network:manage');
    if (!(await this.store.deleteWebhook(networkId, webhookId))) throw new NotFound('webhook', webhookId);
    await this.vault.erase([webhookSecretSubject(webhookId)]);
  }

  /** A new secret; the old one stops signing at once. */
  async rotateSecret(networkId: string, webhookId: string, principal: Principal): Promise<{ secret: string }> {
    await this.existing(networkId, webhookId, principal);
    const secret = newWebhookSecret();
    if (!(await this.store.replaceSecret(networkId, webhookId, await this.vault.encrypt(webhookSecretSubject(webhookId), secret)))) throw new NotFound('webhook', webhookId);
    return { secret };
  }

  async deliveries(networkId: string, webhookId: string, limit: number, cursor: string | undefined, principal: Principal): Promise<DeliveryPage> {
    await this.existing(networkId, webhookId, principal);
    const before = cursor === undefined ? undefined : decodeCursor(cursor);
    if (cursor !== undefined && before === undefined) throw ValidationFailed.field('cursor', 'is not a cursor this API gave out');
    const rows = await this.store.listDeliveries(webhookId, limit + 1, before);
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return { items: page.map(deliveryView), ...(rows.length > limit && last && { nextCursor: encodeCursor(last) }) };
  }

  /**
   * Sends a delivery again, whatever its state: due now, retried for another day. A webhook that
   * was disabled is switched back on (the coordinator has fixed the receiver).
   */
  async redeliver(networkId: string, webhookId: string, deliveryId: string, principal: Principal): Promise<void> {
    const webhook = await this.existing(networkId, webhookId, principal);
    const now = this.clock.now();
    if (!(await this.store.redeliver(webhookId, deliveryId, now, new Date(now.getTime() + this.settings.retry.retryForMs)))) throw new NotFound('delivery', deliveryId);
    if (webhook.status !== 'active') await this.store.setStatus(webhookId, 'active');
  }

  private async existing(networkId: string, webhookId: string, principal: Principal): Promise<WebhookRecord> {
    await this.access.to(networkId, principal, 'network:manage');
    const webhook = await this.store.getWebhook(networkId, webhookId);
    if (!webhook) throw new NotFound('webhook', webhookId);
    return webhook;
  }
}

function view(w: WebhookRecord): WebhookView {
  return { id: w.id, url: w.url, events: w.events as WebhookEvent[], ...(w.description !== undefined && { description: w.description }), createdAt: w.createdAt.toISOString(), status: w.status };
}

function deliveryView(d: DeliveryRecord): DeliveryView {
  return {
    id: d.id,
    eventType: d.eventType,
    eventId: d.eventId,
    position: d.position,
    status: d.status,
    attempts: d.attempts,
    responseStatus: d.responseStatus ?? null,
    error: d.error ?? null,
    nextAttemptAt: d.status === 'pending' ? d.nextAttemptAt.toISOString() : null,
    deliveredAt: d.deliveredAt?.toISOString() ?? null,
    createdAt: d.createdAt.toISOString(),
  };
}

function encodeCursor(d: DeliveryRecord): string {
  return Buffer.from(JSON.stringify([d.createdAt.getTime(), d.id])).toString('base64url');
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } | undefined {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    return typeof at === 'number' && Number.isFinite(at) && typeof id === 'string' ? { createdAt: new Date(at), id } : undefined;
  } catch {
    return undefined;
  }
}
