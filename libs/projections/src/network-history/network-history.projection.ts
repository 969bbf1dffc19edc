import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, EventStore, Position, RecordedEvent } from '@solmu/event-store';
import { ERASED_MEMBER_NAME, INTERACTION_CATEGORY, interactionStream, NETWORK_CATEGORY, networkStream, streamCategory } from '@solmu/network';
import { InteractionLog } from '../interaction-log/interaction-log.projection';
import { jsonSnapshot, SnapshottingProjection } from '../projection';

const HISTORY_CATEGORIES = new Set([NETWORK_CATEGORY, INTERACTION_CATEGORY]);
/** Most events read from the store at once for one page of a history. */
const READ_SPAN = 2000;

/**
 * Where each network's events lie in the global log (its own stream and its interactions'): the
 * index behind `GET /networks/:id/events`. Events name their network in `data.networkId`.
 *
 * It keeps positions only and reads the events themselves from the store when a page is asked
 * for: holding every event decrypted in memory took 550 MB at 500,000 interactions. An erased
 * member's data is redacted in what is read (name, email, and the notes and reasons of their
 * interactions), as before: the store shreds it, but another instance may still hold the key in
 * its cache for a while, and must not show what was erased.
 */
@Injectable()
export class NetworkHistory implements SnapshottingProjection {
  readonly name = 'network-history';
  readonly snapshotVersion = 2;
  private readonly positions = new Map<string, number[]>();
  /** The members erased in each network. */
  private readonly erased = new Map<string, Set<string>>();
  private position = 0;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly log: InteractionLog,
  ) {}

  get appliedPosition(): number {
    return this.position;
  }

  apply(event: RecordedEvent): void {
    if (event.position <= this.position) return;
    this.position = event.position;
    const networkId = event.data.networkId;
    if (typeof networkId !== 'string') return;
    // The network's own and its interactions' streams only: integrations' streams name the network
    // too, but hold (sealed, then opened) secrets that this history must never show.
    if (!HISTORY_CATEGORIES.has(streamCategory(event.streamId))) return;
    let positions = this.positions.get(networkId);
    if (!positions) this.positions.set(networkId, (positions = []));
    positions.push(event.position);
    if (event.type === 'MemberErased') {
      let erased = this.erased.get(networkId);
      if (!erased) this.erased.set(networkId, (erased = new Set()));
      erased.add(String(event.data.memberId));
    }
  }

  toSnapshot(): Uint8Array {
    return jsonSnapshot.encode({ positions: [...this.positions], erased: [...this.erased].map(([id, members]) => [id, [...members]]) });
  }

  restore(state: Uint8Array, position: number): void {
    const { positions, erased } = jsonSnapshot.decode<{ positions: Array<[string, number[]]>; erased: Array<[string, string[]]> }>(state);
    this.positions.clear();
    this.erased.clear();
    for (const [networkId, list] of positions) this.positions.set(networkId, list);
    for (const [networkId, members] of erased) this.erased.set(networkId, new Set(members));
    this.position = position;
  }

  /** Events strictly after `after`, oldest first, read from the store. */
  async page(networkId: string, after: Position | undefined, limit: number): Promise<RecordedEvent[]> {
    const positions = this.positions.get(networkId) ?? [];
    let lo = 0;
    let hi = positions.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (positions[mid] <= (after ?? 0)) lo = mid + 1;
      else hi = mid;
    }
    const wanted = positions.slice(lo, lo + limit);
    const events: RecordedEvent[] = [];
    // The network's events are usually close together in the log; other networks' between them are skipped.
    for (let i = 0; i < wanted.length; ) {
      const span = Math.min(wanted[wanted.length - 1] - wanted[i] + 1, READ_SPAN);
      const read = await this.store.readAll({ after: wanted[i] - 1, maxCount: span });
      if (read.length === 0) break;
      for (const event of read) if (event.position === wanted[i]) (events.push(event), (i += 1));
    }
    return this.redacted(networkId, events);
  }

  /**
   * Every event of the network that concerns a member (their own in the network's stream, and
   * those of the interactions given), oldest first, read from the streams that hold them.
   */
  async concerning(networkId: string, memberId: string, interactionIds: Iterable<string>): Promise<RecordedEvent[]> {
    const own = (await this.store.readStream(networkStream(networkId))).filter((e) => e.data.memberId === memberId);
    const theirs: RecordedEvent[] = [];
    for (const id of interactionIds) theirs.push(...(await this.store.readStream(interactionStream(id))).filter((e) => e.data.networkId === networkId));
    return this.redacted(networkId, [...own, ...theirs].sort((a, b) => a.position - b.position));
  }

  /** The events with erased members' personal data removed (what the store shows once every key cache has forgotten it). */
  private redacted(networkId: string, events: RecordedEvent[]): RecordedEvent[] {
    const erased = this.erased.get(networkId);
    if (!erased || erased.size === 0) return events;
    const theirInteractions = new Set([...erased].flatMap((memberId) => this.log.interactionIdsOf(networkId, memberId)));
    return events.map((event) => {
      const data = event.data as Record<string, unknown>;
      const ofErased = typeof data.memberId === 'string' && erased.has(data.memberId);
      const inTheirs = typeof data.interactionId === 'string' && theirInteractions.has(data.interactionId);
      if (!ofErased && !inTheirs) return event;
      const copy: Record<string, unknown> = { ...data };
      if (ofErased) {
        if (typeof copy.name === 'string') copy.name = ERASED_MEMBER_NAME;
        delete copy.email;
        if (copy.changes && typeof copy.changes === 'object') {
          const changes: Record<string, unknown> = { ...(copy.changes as Record<string, unknown>) };
          if (changes.name !== undefined) changes.name = ERASED_MEMBER_NAME;
          delete changes.email;
          copy.changes = changes;
        }
      }
      if (inTheirs) {
        delete copy.note;
        delete copy.reason;
      }
      return { ...event, data: copy };
    });
  }
}
