import type { InterventionKind, MemberRole, MemberType } from './vocabulary';

/**
 * Events of a network's own stream (`network-<id>`): the network and its membership.
 * Facts in the past tense with explicit string types; dates are ISO 8601 strings.
 * Bump `NETWORK_EVENT_VERSIONS` and add an upcaster when a data shape changes.
 */

export type NetworkFounded = {
  type: 'NetworkFounded';
  data: {
    networkId: string;
    name: string;
    description?: string;
    /** When the network started; may be in the past for imported histories. */
    foundedAt: string;
  };
};

export type MemberJoined = {
  type: 'MemberJoined';
  data: {
    networkId: string;
    memberId: string;
    name: string;
    organisation?: string;
    memberType: MemberType;
    role: MemberRole;
    joinedAt: string;
  };
};

export type MemberProfileChanged = {
  type: 'MemberProfileChanged';
  data: {
    networkId: string;
    memberId: string;
    /** Only the fields that changed. `organisation: null` clears it. */
    changes: {
      name?: string;
      organisation?: string | null;
      memberType?: MemberType;
      role?: MemberRole;
    };
    changedAt: string;
  };
};

export type MemberLeft = {
  type: 'MemberLeft';
  data: {
    networkId: string;
    memberId: string;
    leftAt: string;
  };
};

/** A coordinator's development action (a workshop, a matchmaking round…), for before/after comparison. */
export type InterventionRecorded = {
  type: 'InterventionRecorded';
  data: {
    networkId: string;
    interventionId: string;
    kind: InterventionKind;
    title: string;
    description?: string;
    occurredAt: string;
  };
};

export type NetworkEvent = NetworkFounded | MemberJoined | MemberProfileChanged | MemberLeft | InterventionRecorded;

export const NETWORK_EVENT_VERSIONS: Record<NetworkEvent['type'], number> = {
  NetworkFounded: 1,
  MemberJoined: 1,
  MemberProfileChanged: 1,
  MemberLeft: 1,
  InterventionRecorded: 1,
};
