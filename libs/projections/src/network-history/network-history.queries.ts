import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { RecordedEvent } from '@solmu/event-store';
import { NetworkDirectory } from '../network-directory/network-directory.projection';
import { notFound } from '../network-directory/network-directory.queries';
import { ProjectionRunner } from '../projection-runner';
import { NetworkHistory } from './network-history.projection';

export interface NetworkEventsPage {
  events: RecordedEvent[];
  /** Pass as `after` for the next page; absent when this page is the end of the history so far. */
  nextAfter?: number;
}

export class ListNetworkEventsQuery extends Query<NetworkEventsPage> {
  constructor(
    readonly networkId: string,
    readonly after: number | undefined,
    readonly limit: number,
  ) {
    super();
  }
}

@QueryHandler(ListNetworkEventsQuery)
export class ListNetworkEventsHandler implements IQueryHandler<ListNetworkEventsQuery> {
  constructor(
    private readonly runner: ProjectionRunner,
    private readonly directory: NetworkDirectory,
    private readonly history: NetworkHistory,
  ) {}

  async execute({ networkId, after, limit }: ListNetworkEventsQuery): Promise<NetworkEventsPage> {
    await this.runner.catchUpToHead();
    if (!this.directory.get(networkId)) notFound('network', networkId);
    const events = this.history.page(networkId, after, limit);
    const last = events[events.length - 1];
    return { events, ...(events.length === limit && last && { nextAfter: last.position }) };
  }
}
