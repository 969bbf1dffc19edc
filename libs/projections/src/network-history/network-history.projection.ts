import { Injectable } from '@nestjs/common';
import type { Position, RecordedEvent } from '@solmu/event-store';
import { ERASED_MEMBER_NAME, INTERACTION_CATEGORY, NETWORK_CATEGORY, streamCategory } from '@solmu/network';
import { Projection } from '../projection';

const HISTORY_CATEGORIES = new Set([NETWORK_CATEGORY, INTERACTION_CATEGORY]);

/**
 * Every event that concerns a network (its own stream and its interactions), in global order:
 * the raw history behind `GET /networks/:id/events`. Events name their network in `data.networkId`.
 */
@Injectable()
export class NetworkHistory implements Projection {
  readonly name = 'network-history';
  private readonly histories = new Map<string, RecordedEvent[]>();
  /** The latest participants of each interaction, for the notes rule on events that do not list them. */
  private readonly participants = new Map<string, readonly string[]>();
  private position = 0;

  apply(event: RecordedEvent): void {
    if (event.position <= this.position) return;
    this.position = event.position;
    const networkId = event.data.networkId;
    if (typeof networkId !== 'string') return;
    // The network's own and its interactions' streams only: integrations' streams name the network
    // too, but hold (sealed, then opened) secrets that this history must never show.
    if (!HISTORY_CATEGORIES.has(streamCategory(event.streamId))) return;
    let history = this.histories.get(networkId);
    if (!history) this.histories.set(networkId, (history = []));
    history.push(event);
    if (Array.isArray(event.data.participants)) this.participants.set(String(event.data.interactionId), event.data.participants as string[]);
    if (event.type === 'MemberErased') redactErased(history, String(event.data.memberId));
  }

  /** Who takes part in an interaction as it now stands (empty when unknown). */
  participantsOf(interactionId: string): readonly string[] {
    return this.participants.get(interactionId) ?? [];
  }

  all(networkId: string): RecordedEvent[] {
    return [...(this.histories.get(networkId) ?? [])];
  }

  /** Events strictly after `after`, oldest first. */
  page(networkId: string, after: Position | undefined, limit: number): RecordedEvent[] {
    const history = this.histories.get(networkId) ?? [];
    let lo = 0;
    let hi = history.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (history[mid].position <= (after ?? 0)) lo = mid + 1;
      else hi = mid;
    }
    return history.slice(lo, lo + limit);
  }
}

/**
 * Erasure makes a member's personal data unreadable in the store; the decrypted copies held in
 * this read model are redacted the same way (what a rebuild from the store would show).
 */
function redactErased(history: RecordedEvent[], memberId: string): void {
  const theirInteractions = new Set(
    history.filter((e) => Array.isArray(e.data.participants) && (e.data.participants as string[]).includes(memberId)).map((e) => String(e.data.interactionId)),
  );
  for (const event of history) {
    const data = event.data as Record<string, unknown>;
    if (data.memberId === memberId) {
      if (typeof data.name === 'string') data.name = ERASED_MEMBER_NAME;
      delete data.email;
      const changes = data.changes as Record<string, unknown> | undefined;
      if (changes?.name !== undefined) changes.name = ERASED_MEMBER_NAME;
      if (changes) delete changes.email;
    }
    if (theirInteractions.has(String(data.interactionId))) {
      delete data.note;
      delete data.reason;
    }
  }
}
