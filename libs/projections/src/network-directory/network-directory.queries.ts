import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { NotFound, Principal } from '@solmu/kernel';
import type { MemberView, NetworkAccess } from '@solmu/network';
import { ReadAccess } from '../network-access';
import { InterventionView, NetworkDirectory, NetworkSummary } from './network-directory.projection';

export class ListNetworksQuery extends Query<NetworkSummary[]> {
  constructor(readonly principal: Principal) {
    super();
  }
}

export class GetNetworkQuery extends Query<NetworkSummary> {
  constructor(
    readonly networkId: string,
    readonly principal: Principal,
  ) {
    super();
  }
}

export class ListMembersQuery extends Query<MemberView[]> {
  constructor(
    readonly networkId: string,
    readonly principal: Principal,
  ) {
    super();
  }
}

export class GetMemberQuery extends Query<MemberView> {
  constructor(
    readonly networkId: string,
    readonly memberId: string,
    readonly principal: Principal,
  ) {
    super();
  }
}

export class ListInterventionsQuery extends Query<InterventionView[]> {
  constructor(
    readonly networkId: string,
    readonly principal: Principal,
  ) {
    super();
  }
}

/** Emails and chat identities are for the member themselves and whoever manages members. */
function withoutOthersEmail(member: MemberView, access: NetworkAccess): MemberView {
  if (member.id === access.memberId || access.can('members:manage')) return member;
  const { email: _email, externalIds: _externalIds, ...rest } = member;
  return rest;
}

@QueryHandler(ListNetworksQuery)
export class ListNetworksHandler implements IQueryHandler<ListNetworksQuery> {
  constructor(private readonly access: ReadAccess, private readonly directory: NetworkDirectory) {}
  async execute({ principal }: ListNetworksQuery): Promise<NetworkSummary[]> {
    const visible = await this.access.visibleNetworkIds(principal);
    return this.directory.list().filter((n) => visible.has(n.id));
  }
}

@QueryHandler(GetNetworkQuery)
export class GetNetworkHandler implements IQueryHandler<GetNetworkQuery> {
  constructor(private readonly access: ReadAccess, private readonly directory: NetworkDirectory) {}
  async execute({ networkId, principal }: GetNetworkQuery): Promise<NetworkSummary> {
    await this.access.to(networkId, principal);
    return this.directory.get(networkId)!;
  }
}

@QueryHandler(ListMembersQuery)
export class ListMembersHandler implements IQueryHandler<ListMembersQuery> {
  constructor(private readonly access: ReadAccess, private readonly directory: NetworkDirectory) {}
  async execute({ networkId, principal }: ListMembersQuery): Promise<MemberView[]> {
    const access = await this.access.to(networkId, principal);
    return this.directory.members(networkId)!.map((m) => withoutOthersEmail(m, access));
  }
}

@QueryHandler(GetMemberQuery)
export class GetMemberHandler implements IQueryHandler<GetMemberQuery> {
  constructor(private readonly access: ReadAccess, private readonly directory: NetworkDirectory) {}
  async execute({ networkId, memberId, principal }: GetMemberQuery): Promise<MemberView> {
    const access = await this.access.to(networkId, principal);
    const member = this.directory.member(networkId, memberId);
    if (!member) throw new NotFound('member', memberId);
    return withoutOthersEmail(member, access);
  }
}

@QueryHandler(ListInterventionsQuery)
export class ListInterventionsHandler implements IQueryHandler<ListInterventionsQuery> {
  constructor(private readonly access: ReadAccess, private readonly directory: NetworkDirectory) {}
  async execute({ networkId, principal }: ListInterventionsQuery): Promise<InterventionView[]> {
    await this.access.to(networkId, principal);
    return this.directory.interventions(networkId)!;
  }
}
