import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { Forbidden, NotFound, Principal, ValidationFailed } from '@solmu/kernel';
import { ReadAccess } from '../network-access';
import { withVisibleNote } from '../notes-visibility';
import { decodeCursor, InteractionFilter, InteractionLog, InteractionPage, InteractionRecord } from './interaction-log.projection';

export class ListInteractionsQuery extends Query<InteractionPage> {
  constructor(
    readonly networkId: string,
    readonly filter: InteractionFilter,
    readonly limit: number,
    readonly cursor: string | undefined,
    readonly principal: Principal,
  ) {
    super();
  }
}

export class GetInteractionQuery extends Query<InteractionRecord> {
  constructor(
    readonly networkId: string,
    readonly interactionId: string,
    readonly principal: Principal,
  ) {
    super();
  }
}

@QueryHandler(ListInteractionsQuery)
export class ListInteractionsHandler implements IQueryHandler<ListInteractionsQuery> {
  constructor(private readonly access: ReadAccess, private readonly log: InteractionLog) {}

  async execute({ networkId, filter, limit, cursor, principal }: ListInteractionsQuery): Promise<InteractionPage> {
    if (cursor !== undefined && !decodeCursor(cursor)) throw ValidationFailed.field('cursor', 'is not a cursor this API gave out');
    const access = await this.access.to(networkId, principal);
    let scoped = filter;
    if (!access.can('interactions:read-all')) {
      // Members see the interactions they took part in.
      if (!access.memberId) throw new Forbidden('you may not read the interactions of this network');
      if (filter.member && filter.member !== access.memberId) throw new Forbidden('you can see only the interactions you took part in', 'member');
      scoped = { ...filter, member: access.memberId };
    }
    const page = this.log.page(networkId, scoped, limit, cursor);
    return { ...page, interactions: page.interactions.map((r) => withVisibleNote(r, access)) };
  }
}

@QueryHandler(GetInteractionQuery)
export class GetInteractionHandler implements IQueryHandler<GetInteractionQuery> {
  constructor(private readonly access: ReadAccess, private readonly log: InteractionLog) {}

  async execute({ networkId, interactionId, principal }: GetInteractionQuery): Promise<InteractionRecord> {
    const access = await this.access.to(networkId, principal);
    const record = this.log.get(networkId, interactionId);
    const mayRead = record && (access.can('interactions:read-all') || (access.memberId !== undefined && record.participants.includes(access.memberId)));
    if (!record || !mayRead) throw new NotFound('interaction', interactionId);
    return withVisibleNote(record, access);
  }
}
