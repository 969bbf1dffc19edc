import { Injectable } from '@nestjs/common';
import type { RecordedEvent } from '@solmu/event-store';
import type { InteractionEvent, InteractionView } from '@solmu/network';
import { jsonSnapshot, SnapshottingProjection } from '../projection';
import { decodeNetwork, encodeNetwork, NetworkColumns } from './interaction-log.snapshot';

export interface InteractionRecord extends InteractionView {
  /** When it was logged, by whom and through which channel. */
  loggedAt: string;
  loggedBy: string;
  source: string;
  correctedAt?: string;
  retractedAt?: string;
}

export interface InteractionFilter {
  member?: string;
  kind?: string;
  /** occurredAt ≥ from */
  from?: string;
  /** occurredAt < to */
  to?: string;
  includeRetracted?: boolean;
}

export interface InteractionPage {
  interactions: InteractionRecord[];
  /** Pass as `cursor` to read the next (older) page; absent on the last page. */
  nextCursor?: string;
}

interface NetworkInteractions {
  byId: Map<string, InteractionRecord>;
  /** Every interaction each member ever took part in, corrections and retractions included. */
  byMember: Map<string, Set<string>>;
  /** Sorted by (occurredAt, id) ascending; most logging is recent, so inserts land near the end. */
  sorted: InteractionRecord[];
}

/** The interactions of each network, newest first, filterable by member, kind and period. */
@Injectable()
export class InteractionLog implements SnapshottingProjection {
  readonly name = 'interaction-log';
  readonly snapshotVersion = 2;
  private readonly networks = new Map<string, NetworkInteractions>();
  private position = 0;

  get appliedPosition(): number {
    return this.position;
  }

  toSnapshot(): Uint8Array {
    return jsonSnapshot.encode([...this.networks].map(([id, network]) => encodeNetwork(id, network.sorted, network.byMember)));
  }

  restore(state: Uint8Array, position: number): void {
    this.networks.clear();
    for (const columns of jsonSnapshot.decode<NetworkColumns[]>(state)) {
      this.networks.set(columns.networkId, decodeNetwork(columns));
    }
    this.position = position;
  }

  apply(recorded: RecordedEvent): void {
    if (recorded.position <= this.position) return;
    this.position = recorded.position;
    if (recorded.type === 'MemberErased') return this.forgetNotesOf(String(recorded.data.networkId), String(recorded.data.memberId));
    const event = recorded as unknown as InteractionEvent;
    const at = recorded.recordedAt.toISOString();
    switch (event.type) {
      case 'InteractionLogged': {
        const { interactionId, networkId, ...details } = event.data;
        const network = this.network(networkId);
        const record: InteractionRecord = {
          id: interactionId,
          networkId,
          ...details,
          status: 'active',
          loggedAt: at,
          loggedBy: String(recorded.metadata.actor ?? 'unknown'),
          source: String(recorded.metadata.source ?? 'unknown'),
        };
        network.byId.set(interactionId, record);
        insertSorted(network.sorted, record);
        remember(network, details.participants, interactionId);
        return;
      }
      case 'InteractionCorrected': {
        const network = this.networks.get(event.data.networkId);
        const record = network?.byId.get(event.data.interactionId);
        if (!network || !record) return;
        const { interactionId: _id, networkId: _network, reason: _reason, ...details } = event.data;
        removeSorted(network.sorted, record);
        for (const key of ['initiator', 'channel', 'note'] as const) delete record[key];
        Object.assign(record, details, { correctedAt: at });
        insertSorted(network.sorted, record);
        remember(network, details.participants, record.id);
        return;
      }
      case 'InteractionRetracted': {
        const record = this.networks.get(event.data.networkId)?.byId.get(event.data.interactionId);
        if (record) Object.assign(record, { status: 'retracted', retractedAt: at });
        return;
      }
    }
  }

  get(networkId: string, interactionId: string): InteractionRecord | undefined {
    const record = this.networks.get(networkId)?.byId.get(interactionId);
    return record && { ...record, participants: [...record.participants] };
  }

  /** Who takes part in an interaction as it now stands (empty when unknown). */
  participantsOf(networkId: string, interactionId: string): readonly string[] {
    return this.networks.get(networkId)?.byId.get(interactionId)?.participants ?? [];
  }

  /** Newest first. The cursor is opaque to clients: the sort key of the last item returned. */
  page(networkId: string, filter: InteractionFilter, limit: number, cursor?: string): InteractionPage {
    const sorted = this.networks.get(networkId)?.sorted ?? [];
    const after = cursor ? decodeCursor(cursor) : undefined;
    let i = after ? lowerBound(sorted, after.occurredAt, after.id) - 1 : sorted.length - 1;
    if (filter.to) i = Math.min(i, lowerBound(sorted, filter.to, '') - 1);
    const interactions: InteractionRecord[] = [];
    for (; i >= 0 && interactions.length < limit; i -= 1) {
      const r = sorted[i];
      if (filter.from && r.occurredAt < filter.from) break;
      if (matches(r, filter)) interactions.push({ ...r, participants: [...r.participants] });
    }
    const more = interactions.length === limit && i >= 0;
    const last = interactions[interactions.length - 1];
    return { interactions, ...(more && last && { nextCursor: encodeCursor(last) }) };
  }

  private network(networkId: string): NetworkInteractions {
    let network = this.networks.get(networkId);
    if (!network) this.networks.set(networkId, (network = { byId: new Map(), byMember: new Map(), sorted: [] }));
    return network;
  }

  /** Erasure shreds the notes of a member's interactions; the copies held here go too. */
  private forgetNotesOf(networkId: string, memberId: string): void {
    const network = this.networks.get(networkId);
    for (const id of network?.byMember.get(memberId) ?? []) {
      const record = network!.byId.get(id);
      if (record) delete record.note;
    }
  }

  /** Ids of every interaction the member ever took part in (for erasure of their notes). */
  interactionIdsOf(networkId: string, memberId: string): string[] {
    return [...(this.networks.get(networkId)?.byMember.get(memberId) ?? [])];
  }
}

function remember(network: NetworkInteractions, participants: string[], interactionId: string): void {
  for (const memberId of participants) {
    let ids = network.byMember.get(memberId);
    if (!ids) network.byMember.set(memberId, (ids = new Set()));
    ids.add(interactionId);
  }
}

function matches(r: InteractionRecord, f: InteractionFilter): boolean {
  return (
    (f.includeRetracted || r.status === 'active') &&
    (!f.to || r.occurredAt < f.to) &&
    (!f.kind || r.kind === f.kind) &&
    (!f.member || r.participants.includes(f.member))
  );
}

function compareKey(r: InteractionRecord, occurredAt: string, id: string): number {
  return r.occurredAt < occurredAt ? -1 : r.occurredAt > occurredAt ? 1 : r.id < id ? -1 : r.id > id ? 1 : 0;
}

/** Index of the first record not before (occurredAt, id). */
function lowerBound(sorted: InteractionRecord[], occurredAt: string, id: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareKey(sorted[mid], occurredAt, id) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function insertSorted(sorted: InteractionRecord[], record: InteractionRecord): void {
  const last = sorted[sorted.length - 1];
  if (!last || compareKey(last, record.occurredAt, record.id) < 0) sorted.push(record);
  else sorted.splice(lowerBound(sorted, record.occurredAt, record.id), 0, record);
}

function removeSorted(sorted: InteractionRecord[], record: InteractionRecord): void {
  const i = lowerBound(sorted, record.occurredAt, record.id);
  if (sorted[i] === record) sorted.splice(i, 1);
}

export function encodeCursor(r: Pick<InteractionRecord, 'occurredAt' | 'id'>): string {
  return Buffer.from(`${r.occurredAt}|${r.id}`).toString('base64url');
}

/** Decodes a cursor, or returns undefined when it is not one of ours. */
export function decodeCursor(cursor: string): { occurredAt: string; id: string } | undefined {
  const [occurredAt, id, extra] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!occurredAt || !id || extra !== undefined || Number.isNaN(Date.parse(occurredAt))) return undefined;
  return { occurredAt, id };
}
