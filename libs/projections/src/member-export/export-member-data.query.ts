import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { Clock, CLOCK, Forbidden, NotFound, Principal } from '@solmu/kernel';
import type { MemberView } from '@solmu/network';
import { Inject } from '@nestjs/common';
import { InteractionLog, InteractionRecord } from '../interaction-log/interaction-log.projection';
import { ReadAccess } from '../network-access';
import { NetworkDirectory } from '../network-directory/network-directory.projection';
import { NetworkHistory } from '../network-history/network-history.projection';
import { eventWithVisibleNotes, withVisibleNote } from '../notes-visibility';

export interface MemberDataExport {
  exportedAt: string;
  network: { id: string; name: string };
  member: MemberView;
  /** Every interaction the member took part in, retracted ones included, with notes where the caller may read them. */
  interactions: InteractionRecord[];
  /** Every recorded event that concerns the member, oldest first. */
  events: Array<{ position: number; type: string; recordedAt: string; data: Record<string, unknown>; actor: unknown; source: unknown }>;
}

/** GDPR access: all data Solmu holds about a member, for the member, a coordinator, or a token with members:write and network:read. */
export class ExportMemberDataQuery extends Query<MemberDataExport> {
  constructor(
    readonly networkId: string,
    readonly memberId: string,
    readonly principal: Principal,
  ) {
    super();
  }
}

@QueryHandler(ExportMemberDataQuery)
export class ExportMemberDataHandler implements IQueryHandler<ExportMemberDataQuery> {
  constructor(
    private readonly access: ReadAccess,
    private readonly directory: NetworkDirectory,
    private readonly log: InteractionLog,
    private readonly history: NetworkHistory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ networkId, memberId, principal }: ExportMemberDataQuery): Promise<MemberDataExport> {
    const access = await this.access.to(networkId, principal);
    // Someone else's export holds their profile and every interaction they took part in: whoever
    // asks must both manage members and read all interactions (a token: members:write and network:read).
    if (access.memberId !== memberId && !(access.can('members:manage') && access.can('interactions:read-all'))) {
      throw new Forbidden('only the member, a coordinator, or a token with the members:write and network:read scopes can export a member’s data');
    }
    const member = this.directory.member(networkId, memberId);
    if (!member) throw new NotFound('member', memberId);
    const interactionIds = new Set(this.log.interactionIdsOf(networkId, memberId));
    // The member reads every note of their own interactions; others as the notes rule says.
    const interactions = [...interactionIds]
      .map((id) => this.log.get(networkId, id))
      .filter((record): record is InteractionRecord => record !== undefined)
      .map((record) => withVisibleNote(record, access));
    const events = (await this.history.concerning(networkId, memberId, interactionIds))
      .map((e) => eventWithVisibleNotes(e, access, (id) => this.log.participantsOf(networkId, id)))
      .map((e) => ({ position: e.position, type: e.type, recordedAt: e.recordedAt.toISOString(), data: e.data, actor: e.metadata.actor, source: e.metadata.source }));
    return { exportedAt: this.clock.now().toISOString(), network: { id: networkId, name: this.directory.get(networkId)!.name }, member, interactions, events };
  }
}
