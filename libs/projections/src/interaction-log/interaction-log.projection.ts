import { Injectable } from '@nestjs/common';
import type { RecordedEvent } from '@solmu/event-store';
import type { InteractionEvent } from '@solmu/network';
import type { InteractionFilter, InteractionPage, InteractionRecord } from './interaction-log.types';
import { framedSnapshot, SnapshottingProjection } from '../projection';
import { COLUMNS_PER_NETWORK, ColumnsHeader, Details, InteractionColumns } from './interaction-columns';

export type { InteractionFilter, InteractionPage, InteractionRecord } from './interaction-log.types';

/** The interactions of each network, newest first, filterable by member, kind and period. */
@Injectable()
export class InteractionLog implements SnapshottingProjection {
  readonly name = 'interaction-log';
  readonly snapshotVersion = 4;
  private readonly networks = new Map<string, InteractionColumns>();
  private position = 0;

  get appliedPosition(): number {
    return this.position;
  }

  toSnapshot(): Uint8Array {
    const parts = [...this.networks.values()].map((network) => network.toSnapshot());
    return framedSnapshot.encode(
      parts.map((p) => p.header),
      parts.flatMap((p) => p.columns),
    );
  }

  restore(state: Uint8Array, position: number): void {
    this.networks.clear();
    const { header, columns } = framedSnapshot.decode<ColumnsHeader[]>(state);
    header.forEach((h, i) => this.networks.set(h.networkId, InteractionColumns.fromSnapshot(h, columns.slice(i * COLUMNS_PER_NETWORK, (i + 1) * COLUMNS_PER_NETWORK))));
    this.position = position;
  }

  apply(recorded: RecordedEvent): void {
    if (recorded.position <= this.position) return;
    this.position = recorded.position;
    if (recorded.type === 'MemberErased') return this.networks.get(String(recorded.data.networkId))?.forgetNotesOf(String(recorded.data.memberId));
    const event = recorded as unknown as InteractionEvent;
    switch (event.type) {
      case 'InteractionLogged': {
        const { interactionId, networkId, ...details } = event.data;
        this.network(networkId).logged(interactionId, details as Details, recorded.recordedAt, String(recorded.metadata.actor ?? 'unknown'), String(recorded.metadata.source ?? 'unknown'));
        return;
      }
      case 'InteractionCorrected': {
        const { interactionId, networkId, reason: _reason, ...details } = event.data;
        this.networks.get(networkId)?.corrected(interactionId, details as Details, recorded.recordedAt);
        return;
      }
      case 'InteractionRetracted':
        this.networks.get(event.data.networkId)?.retracted(event.data.interactionId, recorded.recordedAt);
        return;
    }
  }

  get(networkId: string, interactionId: string): InteractionRecord | undefined {
    return this.networks.get(networkId)?.get(interactionId);
  }

  /** Who takes part in an interaction as it now stands (empty when unknown). */
  participantsOf(networkId: string, interactionId: string): readonly string[] {
    return this.networks.get(networkId)?.participantsOf(interactionId) ?? [];
  }

  /** Newest first. The cursor is opaque to clients: the sort key of the last item returned. */
  page(networkId: string, filter: InteractionFilter, limit: number, cursor?: string): InteractionPage {
    const network = this.networks.get(networkId);
    if (!network) return { interactions: [] };
    const { records, more } = network.page(filter, limit, cursor ? decodeCursor(cursor) : undefined);
    const last = records[records.length - 1];
    return { interactions: records, ...(more && last && { nextCursor: encodeCursor(last) }) };
  }

  /** Ids of every interaction the member ever took part in (for erasure of their notes). */
  interactionIdsOf(networkId: string, memberId: string): string[] {
    return this.networks.get(networkId)?.interactionIdsOf(memberId) ?? [];
  }

  private network(networkId: string): InteractionColumns {
    let network = this.networks.get(networkId);
    if (!network) this.networks.set(networkId, (network = new InteractionColumns(networkId)));
    return network;
  }
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
