import { Injectable } from '@nestjs/common';
import type { RecordedEvent } from '@solmu/event-store';
import type { MemberView, NetworkEvent } from '@solmu/network';
import { Projection } from '../projection';

export interface NetworkSummary {
  id: string;
  name: string;
  description?: string;
  foundedAt: string;
  /** When the network was created in Solmu (the founding event's record time). */
  createdAt: string;
  members: number;
  activeMembers: number;
}

export interface InterventionView {
  id: string;
  networkId: string;
  kind: string;
  title: string;
  description?: string;
  occurredAt: string;
}

interface NetworkRecord extends Omit<NetworkSummary, 'members' | 'activeMembers'> {
  members: Map<string, MemberView>;
  interventions: InterventionView[];
}

/** Networks and their members, as the API lists them. */
@Injectable()
export class NetworkDirectory implements Projection {
  readonly name = 'network-directory';
  private readonly networks = new Map<string, NetworkRecord>();
  private position = 0;

  apply(recorded: RecordedEvent): void {
    if (recorded.position <= this.position) return;
    this.position = recorded.position;
    const event = recorded as unknown as NetworkEvent & { recordedAt: Date };
    switch (event.type) {
      case 'NetworkFounded': {
        const { networkId, name, description, foundedAt } = event.data;
        this.networks.set(networkId, { id: networkId, name, description, foundedAt, createdAt: recorded.recordedAt.toISOString(), members: new Map(), interventions: [] });
        return;
      }
      case 'MemberJoined': {
        const { networkId, memberId, memberType, ...rest } = event.data;
        this.networks.get(networkId)?.members.set(memberId, { id: memberId, networkId, ...rest, type: memberType });
        return;
      }
      case 'MemberProfileChanged': {
        const member = this.networks.get(event.data.networkId)?.members.get(event.data.memberId);
        if (!member) return;
        const { name, organisation, memberType, role } = event.data.changes;
        if (name !== undefined) member.name = name;
        if (organisation !== undefined) {
          if (organisation === null) delete member.organisation;
          else member.organisation = organisation;
        }
        if (memberType !== undefined) member.type = memberType;
        if (role !== undefined) member.role = role;
        return;
      }
      case 'MemberLeft': {
        const member = this.networks.get(event.data.networkId)?.members.get(event.data.memberId);
        if (member) member.leftAt = event.data.leftAt;
        return;
      }
      case 'InterventionRecorded': {
        const { interventionId, ...rest } = event.data;
        this.networks.get(event.data.networkId)?.interventions.push({ id: interventionId, ...rest });
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

  members(networkId: string): MemberView[] | undefined {
    const network = this.networks.get(networkId);
    return network && [...network.members.values()].map((m) => ({ ...m }));
  }

  /** Oldest first. */
  interventions(networkId: string): InterventionView[] | undefined {
    const network = this.networks.get(networkId);
    return network && [...network.interventions].sort((a, b) => a.occurredAt.localeCompare(b.occurredAt));
  }

  member(networkId: string, memberId: string): MemberView | undefined {
    const member = this.networks.get(networkId)?.members.get(memberId);
    return member && { ...member };
  }
}

function summary({ members, interventions: _interventions, ...network }: NetworkRecord): NetworkSummary {
  let active = 0;
  members.forEach((m) => (m.leftAt === undefined ? (active += 1) : undefined));
  return { ...network, members: members.size, activeMembers: active };
}
