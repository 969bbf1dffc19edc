import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { NotFound } from '@solmu/kernel';
import type { MemberView } from '@solmu/network';
import { ProjectionRunner } from '../projection-runner';
import { InterventionView, NetworkDirectory, NetworkSummary } from './network-directory.projection';

export class ListNetworksQuery extends Query<NetworkSummary[]> {}

export class GetNetworkQuery extends Query<NetworkSummary> {
  constructor(readonly networkId: string) {
    super();
  }
}

export class ListMembersQuery extends Query<MemberView[]> {
  constructor(readonly networkId: string) {
    super();
  }
}

export class GetMemberQuery extends Query<MemberView> {
  constructor(
    readonly networkId: string,
    readonly memberId: string,
  ) {
    super();
  }
}

@QueryHandler(ListNetworksQuery)
export class ListNetworksHandler implements IQueryHandler<ListNetworksQuery> {
  constructor(private readonly runner: ProjectionRunner, private readonly directory: NetworkDirectory) {}
  async execute(): Promise<NetworkSummary[]> {
    await this.runner.catchUpToHead();
    return this.directory.list();
  }
}

@QueryHandler(GetNetworkQuery)
export class GetNetworkHandler implements IQueryHandler<GetNetworkQuery> {
  constructor(private readonly runner: ProjectionRunner, private readonly directory: NetworkDirectory) {}
  async execute({ networkId }: GetNetworkQuery): Promise<NetworkSummary> {
    await this.runner.catchUpToHead();
    return this.directory.get(networkId) ?? notFound('network', networkId);
  }
}

@QueryHandler(ListMembersQuery)
export class ListMembersHandler implements IQueryHandler<ListMembersQuery> {
  constructor(private readonly runner: ProjectionRunner, private readonly directory: NetworkDirectory) {}
  async execute({ networkId }: ListMembersQuery): Promise<MemberView[]> {
    await this.runner.catchUpToHead();
    return this.directory.members(networkId) ?? notFound('network', networkId);
  }
}

@QueryHandler(GetMemberQuery)
export class GetMemberHandler implements IQueryHandler<GetMemberQuery> {
  constructor(private readonly runner: ProjectionRunner, private readonly directory: NetworkDirectory) {}
  async execute({ networkId, memberId }: GetMemberQuery): Promise<MemberView> {
    await this.runner.catchUpToHead();
    if (!this.directory.get(networkId)) notFound('network', networkId);
    return this.directory.member(networkId, memberId) ?? notFound('member', memberId);
  }
}

export class ListInterventionsQuery extends Query<InterventionView[]> {
  constructor(readonly networkId: string) {
    super();
  }
}

@QueryHandler(ListInterventionsQuery)
export class ListInterventionsHandler implements IQueryHandler<ListInterventionsQuery> {
  constructor(private readonly runner: ProjectionRunner, private readonly directory: NetworkDirectory) {}
  async execute({ networkId }: ListInterventionsQuery): Promise<InterventionView[]> {
    await this.runner.catchUpToHead();
    return this.directory.interventions(networkId) ?? notFound('network', networkId);
  }
}

export function notFound(what: string, id: string): never {
  throw new NotFound(what, id);
}
