/**
 * The network vocabulary from the domain brief: the seven kinds of network events (ordered by depth of
 * collaboration, the "ladder" knowing → trust → commitment), channels, member types and roles.
 */

/** Kinds of interaction, shallowest first. The order is the ladder; do not reorder. */
export const INTERACTION_KINDS = [
  'acquainted',
  'discussed',
  'exchanged_information',
  'explored_collaboration',
  'outlined_goals',
  'co_developed',
  'evaluated_learning',
] as const;
export type InteractionKind = (typeof INTERACTION_KINDS)[number];

/** 0 for `acquainted` … 6 for `evaluated_learning`. */
export function ladderStep(kind: InteractionKind): number {
  return INTERACTION_KINDS.indexOf(kind);
}

export const CHANNELS = ['meeting', 'email', 'phone', 'video', 'chat', 'event', 'other'] as const;
export type Channel = (typeof CHANNELS)[number];

export const MEMBER_TYPES = [
  'company',
  'association',
  'incubator',
  'network_hub',
  'international_hub',
  'research',
  'policy',
  'other',
] as const;
export type MemberType = (typeof MEMBER_TYPES)[number];

export const MEMBER_ROLES = ['coordinator', 'member'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

/** Limits shared by the domain and the edges that validate input. */
export const LIMITS = {
  nameLength: 200,
  descriptionLength: 2000,
  organisationLength: 200,
  emailLength: 254,
  noteLength: 1000,
  reasonLength: 500,
  titleLength: 200,
  maxParticipants: 200,
  /** How far in the future an occurredAt may be, to absorb clock skew between devices. */
  futureSkewMs: 5 * 60 * 1000,
} as const;

/** Things a coordinator does to develop the network, marked on its timeline. */
export const INTERVENTION_KINDS = ['workshop', 'matchmaking', 'training', 'event', 'communication', 'other'] as const;
export type InterventionKind = (typeof INTERVENTION_KINDS)[number];
