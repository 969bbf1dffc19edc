import type { RecordedEvent } from '@solmu/event-store';
import { accessTo, DEFAULT_NETWORK_SETTINGS, mayReadNotesOf, NetworkAccess } from '@solmu/network/published';
import type { WebhookEvent } from './webhook-events';

/** The body of a delivery, in the Standard Webhooks shape: `{type, timestamp, data}`. */
export interface WebhookPayload {
  type: WebhookEvent | 'webhook.test';
  timestamp: string;
  data: Record<string, unknown>;
}

/**
 * Who a receiver is to the access rules: an integration reading the network, as an API token with
 * `network:read` is. So it gets what such a token gets: no free-text notes or reasons (only the
 * participants and coordinators read those, `mayReadNotesOf`) and no one's email (that is for the
 * member and whoever manages members).
 */
export function receiverAccess(networkId: string, webhookId: string): NetworkAccess {
  return accessTo(networkId, { members: [], settings: DEFAULT_NETWORK_SETTINGS }, { kind: 'token', tokenId: `webhook:${webhookId}`, networkId, scopes: ['network:read'] });
}

/**
 * The payload of a stored event, as published to receivers: a chosen, stable set of fields per
 * event (not the store's shape), with personal data only as the receiver may see it. Call it with
 * the event as read at send time: by then an erased member's name reads "erased member" and their
 * email and notes are gone (crypto-shredding in libs/privacy), so nothing erased is ever sent.
 */
export function payloadOf(type: WebhookEvent, event: RecordedEvent, access: NetworkAccess): WebhookPayload {
  const d = event.data as Record<string, unknown>;
  const pick = (...keys: string[]) => Object.fromEntries(keys.filter((k) => d[k] !== undefined).map((k) => [k, d[k]]));
  const timestamp = event.recordedAt.toISOString();
  switch (type) {
    case 'interaction.logged':
    case 'interaction.corrected': {
      const participants = (d.participants as string[] | undefined) ?? [];
      const notes = mayReadNotesOf(access, participants) ? pick('note', 'reason') : {};
      return { type, timestamp, data: { ...pick('networkId', 'interactionId', 'kind', 'participants', 'occurredAt', 'initiator', 'channel'), ...notes } };
    }
    case 'interaction.retracted':
      // The participants are not in the event; without them only notes:read-all could read the reason.
      return { type, timestamp, data: { ...pick('networkId', 'interactionId'), ...(mayReadNotesOf(access, []) ? pick('reason') : {}) } };
    case 'member.joined':
      return { type, timestamp, data: { ...pick('networkId', 'memberId', 'name', 'organisation', 'memberType', 'role', 'joinedAt'), ...(access.can('members:manage') ? pick('email') : {}) } };
    case 'member.left':
      return { type, timestamp, data: pick('networkId', 'memberId', 'leftAt') };
    case 'phase.changed':
      throw new Error('phase.changed is not made from a stored event');
  }
}
