import type { Principal, TokenScope } from '@solmu/kernel';
import type { MemberRole } from './vocabulary';
import type { NetworkSettings } from './network.events';

/**
 * Who may do what in a network. Pure, so the write side (deciding commands) and the read side
 * (answering queries) apply the same rules, whatever adapter the request came through.
 *
 * - administrators (of the installation) may do everything;
 * - coordinators see and manage everything of their network;
 * - members log interactions they take part in, see their own interactions and ego network, and
 *   see the network picture when the network's settings allow it;
 * - API tokens act within their network, limited to their scopes;
 * - anyone else does not see the network at all (the API answers 404, so ids do not leak).
 */
export type NetworkAction =
  /** See that the network exists, its summary and its member list. */
  | 'network:view'
  /** Settings, tokens, invitations, interventions, the raw history. */
  | 'network:manage'
  /** Add members, change anyone's profile, record leaving. */
  | 'members:manage'
  /** Log, correct or retract interactions between any members. */
  | 'interactions:write-any'
  /** Read every interaction of the network. */
  | 'interactions:read-all'
  /** The network picture, timeline and measures of the whole network. */
  | 'analysis:read'
  /** Tips about anyone (members see only tips about themselves). */
  | 'tips:read-all'
  /** Free-text notes of interactions one did not take part in. */
  | 'notes:read-all';

export interface MembershipView {
  members: Iterable<{ id: string; role: MemberRole; accountId?: string; leftAt?: string; erased?: boolean }>;
  settings: NetworkSettings;
}

export interface NetworkAccess {
  /** Whether the network is visible at all; when false, answer "not found". */
  visible: boolean;
  /** The caller's own member record in this network, when they are an active member. */
  memberId?: string;
  role: 'admin' | 'coordinator' | 'member' | 'token' | 'system' | 'none';
  can(action: NetworkAction): boolean;
}

const TOKEN_ACTIONS: Record<TokenScope, NetworkAction[]> = {
  'network:read': ['network:view', 'interactions:read-all'],
  'interactions:write': ['network:view', 'interactions:write-any'],
  'members:write': ['network:view', 'members:manage'],
  'analysis:read': ['network:view', 'analysis:read', 'tips:read-all'],
};

const EVERYTHING: NetworkAction[] = [
  'network:view',
  'network:manage',
  'members:manage',
  'interactions:write-any',
  'interactions:read-all',
  'analysis:read',
  'tips:read-all',
  'notes:read-all',
];

export function accessTo(networkId: string, network: MembershipView, principal: Principal): NetworkAccess {
  const grant = (role: NetworkAccess['role'], actions: NetworkAction[], memberId?: string): NetworkAccess => ({
    visible: actions.includes('network:view'),
    role,
    memberId,
    can: (action) => actions.includes(action),
  });
  switch (principal.kind) {
    case 'system':
      return grant('system', EVERYTHING);
    case 'token':
      return principal.networkId === networkId ? grant('token', principal.scopes.flatMap((s) => TOKEN_ACTIONS[s] ?? [])) : grant('none', []);
    case 'anonymous':
      return grant('none', []);
    case 'chat': {
      // The same rights as the member has through their account, in this network only.
      const member = principal.networkId === networkId ? activeMember(network, principal.memberId) : undefined;
      if (!member) return grant('none', []);
      if (member.role === 'coordinator') return grant('coordinator', EVERYTHING, member.id);
      return grant('member', network.settings.membersSeeNetwork ? ['network:view', 'analysis:read'] : ['network:view'], member.id);
    }
    case 'account': {
      const member = activeMemberOf(network, principal.accountId);
      // Administrators manage the installation; notes stay with the network's own coordinators.
      if (principal.admin) return grant('admin', EVERYTHING.filter((a) => a !== 'notes:read-all' || member?.role === 'coordinator'), member?.id);
      if (!member) return grant('none', []);
      if (member.role === 'coordinator') return grant('coordinator', EVERYTHING, member.id);
      return grant('member', network.settings.membersSeeNetwork ? ['network:view', 'analysis:read'] : ['network:view'], member.id);
    }
  }
}

/**
 * The one rule for free text about an interaction (its note, and the reason given for a correction
 * or retraction), on every route that shows it: the interaction's participants and the network's
 * coordinators read it; nobody else does, installation administrators and API tokens included.
 */
export function mayReadNotesOf(access: Pick<NetworkAccess, 'can' | 'memberId'>, participants: readonly string[]): boolean {
  return access.can('notes:read-all') || (access.memberId !== undefined && participants.includes(access.memberId));
}

function activeMember(network: MembershipView, memberId: string) {
  for (const member of network.members) {
    if (member.id === memberId && member.leftAt === undefined && !member.erased) return member;
  }
  return undefined;
}

function activeMemberOf(network: MembershipView, accountId: string) {
  for (const member of network.members) {
    if (member.accountId === accountId && member.leftAt === undefined && !member.erased) return member;
  }
  return undefined;
}
