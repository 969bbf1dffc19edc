import type { InteractionView } from '@solmu/network';

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
