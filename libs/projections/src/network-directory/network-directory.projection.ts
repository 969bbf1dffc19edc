import { Injectable } from '@nestjs/common';
import type { RecordedEvent } from '@solmu/event-store';
import { DEFAULT_NETWORK_SETTINGS, ERASED_MEMBER_NAME, EXTERNAL_ID_PLATFORMS, MembershipView, MemberView, NetworkEvent, NetworkSettings } from '@solmu/network';
import { jsonSnapshot, SnapshottingProjection } from '../projection';

export interface NetworkSummary {
  id: string;
  name: string;
  description?: string;
  foundedAt: string;
  /** When the network was created in Solmu (the founding event's record time). */
  createdAt: string;
  members: number;
  activeMembers: number;
  settings: NetworkSettings;
}

export interface InterventionView {
  id: string;
  networkId: string;
  kind: string;
  title: string;
  description?: string;
  occurredAt: string;
}

interface MemberRecord extends MemberView {
  accountId?: string;
}

interface NetworkRecord extends Omit<NetworkSummary, 'members' | 'activeMembers'> {
  members: Map<string, MemberRecord>;
  interventions: InterventionView[];
}

/** Networks, their members (with the accounts behind them) and interventions. */
@Injectable()
export class NetworkDirectory implements SnapshottingProjection {
  readonly name = 'network-directory';
  readonly snapshotVersion = 1;
  private readonly networks = new Map<string, NetworkRecord>();
  private position = 0;

  get appliedPosition(): number {
    return this.position;
  }

  toSnapshot(): Uint8Array {
    return jsonSnapshot.encode([...this.networks.values()].map((n) => ({ ...n, members: [...n.members.values()] })));
  }

  restore(state: Uint8Array, position: number): void {
    this.networks.clear();
    for (const n of jsonSnapshot.decode<Array<Omit<NetworkRecord, 'members'> & { members: MemberRecord[] }>>(state)) {
      this.networks.set(n.id, { ...n, members: new Map(n.members.map((m) => [m.id, m])) });
    }
    this.position = position;
  }

  apply(recorded: RecordedEvent): void {
    if (recorded.position <= this.position) return;
    this.position = recorded.position;
    const event = recorded as unknown as NetworkEvent;
    const network = this.networks.get(event.data.networkId);
    if (event.type === 'NetworkFounded') {
      const { networkId, name, description, foundedAt, timeZone } = event.data;
      this.networks.set(networkId, {
        id: networkId,
        name,
        description,
        foundedAt,
        createdAt: recorded.recordedAt.toISOString(),
        settings: { ...DEFAULT_NETWORK_SETTINGS, ...(timeZone !== undefined && { timeZone }) },
        members: new Map(),
        interventions: [],
      });
      return;
    }
    if (!network) return;
    const member = 'memberId' in event.data ? network.members.get(event.data.memberId) : undefined;
    switch (event.type) {
      case 'MemberJoined': {
        const { networkId, memberId, memberType, accountId, ...rest } = event.data;
        network.members.set(memberId, { id: memberId, networkId, ...rest, type: memberType, hasAccount: accountId !== undefined, accountId });
        return;
      }
      case 'MemberProfileChanged': {
        if (!member) return;
        const { name, organisation, email, memberType, role } = event.data.changes;
        if (name !== undefined) member.name = name;
        if (organisation === null) delete member.organisation;
        else if (organisation !== undefined) member.organisation = organisation;
        if (email === null) delete member.email;
        else if (email !== undefined) member.email = email;
        if (memberType !== undefined) member.type = memberType;
        if (role !== undefined) member.role = role;
        return;
      }
      case 'MemberLeft':
        if (member) member.leftAt = event.data.leftAt;
        return;
      case 'MemberAccountLinked':
        if (member) Object.assign(member, { accountId: event.data.accountId, hasAccount: true });
        return;
      case 'MemberErased':
        if (member) {
          Object.assign(member, { name: ERASED_MEMBER_NAME, erased: true });
          delete member.email;
          delete member.externalIds;
        }
        return;
      case 'MemberExternalIdsChanged': {
        if (!member) return;
        const ids = { ...member.externalIds };
        for (const platform of EXTERNAL_ID_PLATFORMS) {
          const value = event.data.changes[platform];
          if (value === null) delete ids[platform];
          else if (value !== undefined) ids[platform] = value;
        }
        if (Object.keys(ids).length) member.externalIds = ids;
        else delete member.externalIds;
        return;
      }
      case 'NetworkSettingsChanged':
        network.settings = { ...network.settings, ...event.data.settings };
        return;
      case 'InterventionRecorded': {
        const { interventionId, ...rest } = event.data;
        network.interventions.push({ id: interventionId, ...rest });
        return;
      }
    }
  }

  list(): NetworkSummary[] {
    return [...this.networks.values()].map(summary).sort((a, b) => a.name.localeCompare(b.name));
  }

  get(networkId: string): NetworkSummary | undefined {
    const network = this.networks.get(networkId);
    return network && summary(network);
  }

  /** Who belongs to the network with which role and account: what access decisions need. */
  membership(networkId: string): MembershipView | undefined {
    const network = this.networks.get(networkId);
    return network && { members: [...network.members.values()], settings: network.settings };
  }

  members(networkId: string): MemberView[] | undefined {
    const network = this.networks.get(networkId);
    return network && [...network.members.values()].map(view);
  }

  member(networkId: string, memberId: string): MemberView | undefined {
    const member = this.networks.get(networkId)?.members.get(memberId);
    return member && view(member);
  }

  /** Oldest first. */
  interventions(networkId: string): InterventionView[] | undefined {
    const network = this.networks.get(networkId);
    return network && [...network.interventions].sort((a, b) => a.occurredAt.localeCompare(b.occurredAt));
  }
}

function view({ accountId: _accountId, ...member }: MemberRecord): MemberView {
  return { ...member, ...(member.externalIds && { externalIds: { ...member.externalIds } }) };
}

function summary({ members, interventions: _interventions, settings, ...network }: NetworkRecord): NetworkSummary {
  let active = 0;
  members.forEach((m) => (m.leftAt === undefined ? (active += 1) : undefined));
  return { ...network, settings: { ...settings }, members: members.size, activeMembers: active };
}
