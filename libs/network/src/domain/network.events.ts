import type { InteractionKind, InterventionKind, MemberRole, MemberType } from './vocabulary';

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
    /** The network's zone (NetworkSettings.timeZone); absent in events written before zones existed. */
    timeZone?: string;
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
    /** Personal data: encrypted at rest with the member's key. */
    email?: string;
    /** The account this member record belongs to, when known at joining (the founder's, say). */
    accountId?: string;
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
      email?: string | null;
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

/** Where a member is known outside Solmu: their Slack user, their Microsoft Entra (AAD) object and Teams user. */
export const EXTERNAL_ID_PLATFORMS = ['slack', 'teams', 'teamsUser'] as const;
export type ExternalIdPlatform = (typeof EXTERNAL_ID_PLATFORMS)[number];
/**
 * `slack`: `<team id>:<user id>` (T…:U…); `teams`: the AAD object id a Teams message carries for its
 * sender; `teamsUser`: the Teams user id (`29:…`) that Teams mentions carry.
 */
export type ExternalIds = Partial<Record<ExternalIdPlatform, string>>;

/**
 * The member's chat identities changed: set by a coordinator, or linked by the member themselves
 * through a one-time link from Slack or Teams (`via`). `null` removes one. Personal data.
 */
export type MemberExternalIdsChanged = {
  type: 'MemberExternalIdsChanged';
  data: {
    networkId: string;
    memberId: string;
    changes: Partial<Record<ExternalIdPlatform, string | null>>;
    via: 'coordinator' | 'link';
    changedAt: string;
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

/** An invitation was accepted: this member record now belongs to that account. */
export type MemberAccountLinked = {
  type: 'MemberAccountLinked';
  data: { networkId: string; memberId: string; accountId: string };
};

/**
 * The member's personal data was erased (GDPR): their keys are destroyed, so their name, email and
 * notes can no longer be read. Their place in the network's structure stays, as "erased member".
 */
export type MemberErased = {
  type: 'MemberErased';
  data: { networkId: string; memberId: string; erasedAt: string };
};

/** How much of the network its members may see. */
export type NetworkSettingsChanged = {
  type: 'NetworkSettingsChanged';
  data: { networkId: string; settings: Partial<NetworkSettings> };
};

export interface NetworkSettings {
  /** Members see the whole network picture, timeline and its measures (coordinators always do). */
  membersSeeNetwork: boolean;
  /**
   * How much each kind of interaction adds to a tie's strength, where this network differs from the
   * defaults (docs/metrics.md): a network may value, say, exchanging information more than others do.
   */
  depthWeights?: Partial<Record<InteractionKind, number>>;
  /**
   * The IANA zone (`Europe/Helsinki`) in which dates without an offset are read and timeline weeks and
   * months are drawn. Set at founding (the installation's SOLMU_TIME_ZONE unless given); networks
   * founded before zones existed have none and read UTC, as they always did.
   */
  timeZone?: string;
}

/**
 * Accepted depth weights (inclusive). Zero lets a network ignore a kind; the ceiling keeps strengths,
 * their sums and Burt's constraint finite (at 1e308 they overflow to Infinity and export as such).
 */
export const DEPTH_WEIGHT_RANGE = { min: 0, max: 1000 } as const;

/** The zone of a network with no zone of its own: what every network used before zones existed. */
export const LEGACY_TIME_ZONE = 'UTC';

export const DEFAULT_NETWORK_SETTINGS: NetworkSettings = { membersSeeNetwork: true };

export type NetworkEvent =
  | NetworkFounded
  | MemberJoined
  | MemberProfileChanged
  | MemberLeft
  | InterventionRecorded
  | MemberAccountLinked
  | MemberErased
  | NetworkSettingsChanged
  | MemberExternalIdsChanged;

export const NETWORK_EVENT_VERSIONS: Record<NetworkEvent['type'], number> = {
  // v2 adds the optional timeZone: a v1 event reads as a v2 event without one, so nothing is upcast.
  NetworkFounded: 2,
  MemberJoined: 1,
  MemberProfileChanged: 1,
  MemberLeft: 1,
  InterventionRecorded: 1,
  MemberAccountLinked: 1,
  MemberErased: 1,
  // v2: settings may carry timeZone (see NetworkFounded).
  NetworkSettingsChanged: 2,
  MemberExternalIdsChanged: 1,
};

/** What a reader sees in place of an erased member's name. */
export const ERASED_MEMBER_NAME = 'erased member';
