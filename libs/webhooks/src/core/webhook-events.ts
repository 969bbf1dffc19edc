import { createHash } from 'node:crypto';

/** What a webhook may subscribe to: names in the integration's own language, not the store's event types. */
export const WEBHOOK_EVENTS = ['interaction.logged', 'interaction.corrected', 'interaction.retracted', 'member.joined', 'member.left', 'phase.changed'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

const FROM_STORE: Readonly<Record<string, WebhookEvent>> = {
  InteractionLogged: 'interaction.logged',
  InteractionCorrected: 'interaction.corrected',
  InteractionRetracted: 'interaction.retracted',
  MemberJoined: 'member.joined',
  MemberLeft: 'member.left',
};

/** The webhook event a stored event is published as, if any (phase.changed comes from the analysis, not one event). */
export function webhookEventOf(storeType: string): WebhookEvent | undefined {
  return FROM_STORE[storeType];
}

/**
 * A delivery's id: derived from the webhook and the event, so reacting to an event twice (a
 * restart, a second instance) lands on the same row, and receivers deduplicate by `webhook-id`.
 */
export function deliveryIdOf(webhookId: string, eventId: string): string {
  const hex = createHash('sha256').update(`${webhookId}\n${eventId}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
