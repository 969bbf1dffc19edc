import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { RecordedEvent } from '@solmu/event-store';
import type { Principal } from '@solmu/kernel';
import { ReadAccess } from '../network-access';
import { eventWithVisibleNotes } from '../notes-visibility';
import { InteractionLog } from '../interaction-log/interaction-log.projection';
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
    readonly principal: Principal,
  ) {
    super();
  }
}

@QueryHandler(ListNetworkEventsQuery)
export class ListNetworkEventsHandler implements IQueryHandler<ListNetworkEventsQuery> {
  constructor(
    private readonly access: ReadAccess,
    private readonly history: NetworkHistory,
    private readonly log: InteractionLog,
  ) {}

  /**
   * The raw history is for those who manage the network. Notes in it follow the notes rule, as
   * everywhere: an administrator who manages but does not coordinate gets the events without them.
   */
  async execute({ networkId, after, limit, principal }: ListNetworkEventsQuery): Promise<NetworkEventsPage> {
    const access = await this.access.to(networkId, principal, 'network:manage');
    const events = await this.history.page(networkId, after, limit);
    const last = events[events.length - 1];
    return {
      events: events.map((event) => eventWithVisibleNotes(event, access, (id) => this.log.participantsOf(networkId, id))),
      ...(events.length === limit && last && { nextAfter: last.position }),
    };
  }
}
