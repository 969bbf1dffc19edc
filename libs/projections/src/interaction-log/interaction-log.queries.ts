import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { ValidationFailed } from '@solmu/kernel';
import { NetworkDirectory } from '../network-directory/network-directory.projection';
import { notFound } from '../network-directory/network-directory.queries';
import { ProjectionRunner } from '../projection-runner';
import { decodeCursor, InteractionFilter, InteractionLog, InteractionPage, InteractionRecord } from './interaction-log.projection';

export class ListInteractionsQuery extends Query<InteractionPage> {
  constructor(
    readonly networkId: string,
    readonly filter: InteractionFilter,
    readonly limit: number,
    readonly cursor?: string,
  ) {
    super();
  }
}

export class GetInteractionQuery extends Query<InteractionRecord> {
  constructor(
    readonly networkId: string,
    readonly interactionId: string,
  ) {
    super();
  }
}

@QueryHandler(ListInteractionsQuery)
export class ListInteractionsHandler implements IQueryHandler<ListInteractionsQuery> {
  constructor(
    private readonly runner: ProjectionRunner,
    private readonly directory: NetworkDirectory,
    private readonly log: InteractionLog,
  ) {}

  async execute({ networkId, filter, limit, cursor }: ListInteractionsQuery): Promise<InteractionPage> {
    if (cursor !== undefined && !decodeCursor(cursor)) throw ValidationFailed.field('cursor', 'is not a cursor this API gave out');
    await this.runner.catchUpToHead();
    if (!this.directory.get(networkId)) notFound('network', networkId);
    return this.log.page(networkId, filter, limit, cursor);
  }
}

@QueryHandler(GetInteractionQuery)
export class GetInteractionHandler implements IQueryHandler<GetInteractionQuery> {
  constructor(private readonly runner: ProjectionRunner, private readonly log: InteractionLog) {}

  async execute({ networkId, interactionId }: GetInteractionQuery): Promise<InteractionRecord> {
    await this.runner.catchUpToHead();
    return this.log.get(networkId, interactionId) ?? notFound('interaction', interactionId);
  }
}
