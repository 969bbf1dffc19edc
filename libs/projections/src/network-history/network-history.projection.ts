import { Injectable } from '@nestjs/common';
import type { Position, RecordedEvent } from '@solmu/event-store';
import { Projection } from '../projection';

/**
 * Every event that concerns a network (its own stream and its interactions), in global order:
 * the raw history behind `GET /networks/:id/events`. Events name their network in `data.networkId`.
 */
@Injectable()
export class NetworkHistory implements Projection {
  readonly name = 'network-history';
  private readonly histories = new Map<string, RecordedEvent[]>();
  private position = 0;

  apply(event: RecordedEvent): void {
    if (event.position <= this.position) return;
    this.position = event.position;
    const networkId = event.data.networkId;
    if (typeof networkId !== 'string') return;
    let history = this.histories.get(networkId);
    if (!history) this.histories.set(networkId, (history = []));
    history.push(event);
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
