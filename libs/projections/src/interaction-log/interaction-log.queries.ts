import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { Forbidden, NotFound, parseDateInput, Principal, readDateInput, ValidationFailed } from '@solmu/kernel';
import { LEGACY_TIME_ZONE } from '@solmu/network';
import { ReadAccess } from '../network-access';
import { NetworkDirectory } from '../network-directory/network-directory.projection';
import { withVisibleNote } from '../notes-visibility';
import { decodeCursor, InteractionFilter, InteractionLog, InteractionPage, InteractionRecord } from './interaction-log.projection';

export class ListInteractionsQuery extends Query<InteractionPage> {
  constructor(
    readonly networkId: string,
    /**
     * `from` and `to` as the caller typed them (the API's date rule, read in the network's zone):
     * occurredAt ≥ from and < to; a date alone for `to` includes that whole day.
     */
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

const isDateAlone = (text: string): boolean => {
  const parsed = parseDateInput(text);
  return 'kind' in parsed && parsed.kind === 'date';
};

@QueryHandler(ListInteractionsQuery)
export class ListInteractionsHandler implements IQueryHandler<ListInteractionsQuery> {
  constructor(
    private readonly access: ReadAccess,
    private readonly log: InteractionLog,
    private readonly directory: NetworkDirectory,
  ) {}

  async execute({ networkId, filter, limit, cursor, principal }: ListInteractionsQuery): Promise<InteractionPage> {
    if (cursor !== undefined && !decodeCursor(cursor)) throw ValidationFailed.field('cursor', 'is not a cursor this API gave out');
    const access = await this.access.to(networkId, principal);
    const timeZone = this.directory.get(networkId)?.settings.timeZone ?? LEGACY_TIME_ZONE;
    const iso = (ms: number) => new Date(ms).toISOString();
    let scoped: InteractionFilter = {
      ...filter,
      from: filter.from === undefined ? undefined : iso(readDateInput(filter.from, 'from', timeZone, 'start')),
      // `to` is exclusive: a day named alone ends at its last millisecond, so the bound is one later.
      to: filter.to === undefined ? undefined : iso(readDateInput(filter.to, 'to', timeZone, 'end') + (isDateAlone(filter.to) ? 1 : 0)),
    };
    if (!access.can('interactions:read-all')) {
      // Members see the interactions they took part in.
      if (!access.memberId) throw new Forbidden('you may not read the interactions of this network');
      if (filter.member && filter.member !== access.memberId) throw new Forbidden('you can see only the interactions you took part in', 'member');
      scoped = { ...scoped, member: access.memberId };
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
