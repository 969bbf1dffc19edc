import { Injectable } from '@nestjs/common';
import { applyLoggedBy, applyNetworkEvent, createLoggedBy, createNetworkHistory, LoggedBy, NetworkHistory, NetworkHistoryEvent } from '@solmu/analysis';
import type { RecordedEvent } from '@solmu/event-store';
import { Projection } from '../projection';

export interface AnalysedNetwork {
  history: NetworkHistory;
  /** Who logged each interaction, for the timeline's coverage. */
  loggedBy: LoggedBy;
}

/**
 * Each network's history, folded live by the analysis library: the latest state answers without
 * recomputing from the start, and any past date can be drawn from it ("time travel").
 */
@Injectable()
export class NetworkAnalysisProjection implements Projection {
  readonly name = 'network-analysis';
  private readonly networks = new Map<string, AnalysedNetwork>();
  private position = 0;

  apply(event: RecordedEvent): void {
    if (event.position <= this.position) return;
    this.position = event.position;
    const networkId = event.data.networkId;
    if (typeof networkId !== 'string') return;
    let network = this.networks.get(networkId);
    if (!network) this.networks.set(networkId, (network = { history: createNetworkHistory(), loggedBy: createLoggedBy() }));
    applyNetworkEvent(network.history, { type: event.type, data: event.data, position: event.position } as unknown as NetworkHistoryEvent);
    applyLoggedBy(network.loggedBy, event);
  }

  network(networkId: string): AnalysedNetwork | undefined {
    return this.networks.get(networkId);
  }
}
