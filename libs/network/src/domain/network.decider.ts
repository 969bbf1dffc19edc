import { canonicalTimeZone, FieldProblem, NotFound, StateConflict, ValidationFailed } from '@solmu/kernel';
import { iso, notInFuture, parseInstant } from './dates';
import { applyExternalIdChanges, cleanExternalIds, effectiveChanges, requireFreeExternalIds } from './external-ids';
import { DEFAULT_NETWORK_SETTINGS, DEPTH_WEIGHT_RANGE, ERASED_MEMBER_NAME, ExternalIdPlatform, ExternalIds, LEGACY_TIME_ZONE, MemberJoined, MemberProfileChanged, NetworkEvent, NetworkSettings } from './network.events';
import { cleanText, oneOf } from './text';
import { INTERACTION_KINDS, INTERVENTION_KINDS, LIMITS, MEMBER_ROLES, MEMBER_TYPES, MemberRole, MemberType } from './vocabulary';

/**
 * The network aggregate: a network and its membership. `decide` enforces the rules and returns
 * new events; `evolve` folds events into state and never fails, so history always replays.
 */

export interface MemberState {
  id: string;
  name: string;
  organisation?: string;
  memberType: MemberType;
  role: MemberRole;
  joinedAt: string;
  leftAt?: string;
  email?: string;
  accountId?: string;
  erased?: boolean;
  /** Slack and Teams identities (see external-ids.ts). */
  externalIds?: ExternalIds;
}

export interface NetworkState {
  founded: boolean;
  id: string;
  name: string;
  description?: string;
  foundedAt: string;
  members: ReadonlyMap<string, MemberState>;
  settings: NetworkSettings;
}

export const initialNetworkState = (): NetworkState => ({
  founded: false,
  id: '',
  name: '',
  foundedAt: '',
  members: new Map(),
  settings: DEFAULT_NETWORK_SETTINGS,
});

/** The founder becomes the network's first coordinator. */
export interface FounderInput {
  memberId: string;
  accountId: string;
  name: string;
  email?: string;
}

export type NetworkCommand =
  | { type: 'FoundNetwork'; data: { networkId: string; name: string; description?: string; foundedAt?: string; timeZone: string; founder?: FounderInput } }
  | {
      type: 'JoinNetwork';
      data: { memberId: string; name: string; email?: string; organisation?: string; memberType?: string; role?: string; joinedAt?: string; accountId?: string };
    }
  | {
      type: 'ChangeMemberProfile';
      data: {
        memberId: string;
        name?: string;
        email?: string | null;
        organisation?: string | null;
        memberType?: string;
        role?: string;
        /** `{slack?, teams?, teamsUser?}`, each a string or null to remove it. */
        externalIds?: Record<string, unknown>;
      };
    }
  /** A member links their own chat identity through a one-time link the platform gave them. */
  | { type: 'LinkExternalIdentity'; data: { memberId: string; identities: Partial<Record<ExternalIdPlatform, string>> } }
  | { type: 'LinkMemberAccount'; data: { memberId: string; accountId: string } }
  | { type: 'EraseMember'; data: { memberId: string } }
  | { type: 'ChangeNetworkSettings'; data: Partial<NetworkSettings> }
  | { type: 'LeaveNetwork'; data: { memberId: string; leftAt?: string } }
  | { type: 'RecordIntervention'; data: { interventionId: string; kind: string; title: string; description?: string; occurredAt: string } };

/** The zone in which the network reads dates without an offset and draws its calendar. */
export function networkTimeZone(state: NetworkState): string {
  return state.settings.timeZone ?? LEGACY_TIME_ZONE;
}

/** Is the member part of the network at this instant? Joined at or before it, not yet left. */
export function isMemberAt(member: MemberState, at: string | Date): boolean {
  const t = typeof at === 'string' ? Date.parse(at) : at.getTime();
  return Date.parse(member.joinedAt) <= t && (member.leftAt === undefined || t < Date.parse(member.leftAt));
}

export function decideNetwork(command: NetworkCommand, state: NetworkState, now: Date): NetworkEvent[] {
  if (command.type === 'FoundNetwork') return found(command.data, state, now);
  if (!state.founded) throw new NotFound('network', state.id || 'unknown');
  switch (command.type) {
    case 'JoinNetwork':
      return join(command.data, state, now);
    case 'ChangeMemberProfile':
      return changeProfile(command.data, state, now);
    case 'LeaveNetwork':
      return leave(command.data, state, now);
    case 'RecordIntervention':
      return recordIntervention(command.data, state, now);
    case 'LinkMemberAccount':
      return linkAccount(command.data, state);
    case 'LinkExternalIdentity':
      return linkExternalIdentity(command.data, state, now);
    case 'EraseMember':
      return erase(command.data.memberId, state, now);
    case 'ChangeNetworkSettings':
      return changeSettings(command.data, state);
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}

function found(data: Extract<NetworkCommand, { type: 'FoundNetwork' }>['data'], state: NetworkState, now: Date): NetworkEvent[] {
  if (state.founded) throw new StateConflict('network_exists', `network ${state.id} already exists`);
  const problems: FieldProblem[] = [];
  const name = cleanText(data.name, 'name', LIMITS.nameLength, problems, { required: true });
  const description = cleanText(data.description, 'description', LIMITS.descriptionLength, problems);
  const timeZone = checkTimeZone(data.timeZone, problems);
  const foundedAt = parseInstant(data.foundedAt, 'foundedAt', problems, timeZone ?? LEGACY_TIME_ZONE) ?? now;
  notInFuture(foundedAt, now, 'foundedAt', problems);
  if (problems.length) throw new ValidationFailed(problems);
  const founded: NetworkEvent = {
    type: 'NetworkFounded',
    data: { networkId: data.networkId, name: name!, ...(description && { description }), foundedAt: iso(foundedAt), timeZone: timeZone! },
  };
  if (!data.founder) return [founded];
  const { memberId, accountId, name: founderName, email } = data.founder;
  const asFounded = evolveNetwork(state, founded);
  return [founded, ...join({ memberId, accountId, name: founderName, email, role: 'coordinator', joinedAt: iso(foundedAt) }, asFounded, now)];
}

function join(data: Extract<NetworkCommand, { type: 'JoinNetwork' }>['data'], state: NetworkState, now: Date): NetworkEvent[] {
  if (state.members.has(data.memberId)) throw new StateConflict('member_exists', `member ${data.memberId} already exists`);
  const problems: FieldProblem[] = [];
  const name = cleanText(data.name, 'name', LIMITS.nameLength, problems, { required: true });
  const organisation = cleanText(data.organisation, 'organisation', LIMITS.organisationLength, problems);
  const email = cleanEmail(data.email, problems);
  const memberType = oneOf(data.memberType, MEMBER_TYPES, 'type', problems) ?? 'other';
  const role = oneOf(data.role, MEMBER_ROLES, 'role', problems) ?? 'member';
  const joinedAt = parseInstant(data.joinedAt, 'joinedAt', problems, networkTimeZone(state)) ?? now;
  notInFuture(joinedAt, now, 'joinedAt', problems);
  if (joinedAt.getTime() < Date.parse(state.foundedAt)) {
    problems.push({ field: 'joinedAt', problem: `must not be before the network was founded (${state.foundedAt})` });
  }
  if (data.accountId && memberOfAccount(state, data.accountId)) {
    throw new StateConflict('account_already_member', 'this account already belongs to a member of this network');
  }
  if (problems.length) throw new ValidationFailed(problems);
  const event: MemberJoined = {
    type: 'MemberJoined',
    data: {
      networkId: state.id,
      memberId: data.memberId,
      name: name!,
      ...(organisation && { organisation }),
      memberType,
      role,
      joinedAt: iso(joinedAt),
      ...(email && { email }),
      ...(data.accountId && { accountId: data.accountId }),
    },
  };
  return [event];
}

function currentMember(state: NetworkState, memberId: string): MemberState {
  const member = state.members.get(memberId);
  if (!member) throw new NotFound('member', memberId);
  if (member.erased) throw new StateConflict('member_erased', `member ${memberId} was erased`);
  if (member.leftAt !== undefined) throw new StateConflict('member_left', `member ${memberId} left the network on ${member.leftAt}`);
  return member;
}

/** The active member record an account holds in this network, if any. */
export function memberOfAccount(state: NetworkState, accountId: string): MemberState | undefined {
  for (const member of state.members.values()) {
    if (member.accountId === accountId && member.leftAt === undefined && !member.erased) return member;
  }
  return undefined;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function cleanEmail(value: string | undefined, problems: FieldProblem[]): string | undefined {
  const email = cleanText(value, 'email', LIMITS.emailLength, problems)?.toLowerCase();
  if (email && !EMAIL.test(email)) problems.push({ field: 'email', problem: `is not an email address (got ${JSON.stringify(value)})` });
  return email;
}

function linkAccount({ memberId, accountId }: { memberId: string; accountId: string }, state: NetworkState): NetworkEvent[] {
  const member = currentMember(state, memberId);
  if (member.accountId === accountId) return [];
  if (member.accountId) throw new StateConflict('member_linked', `member ${memberId} already belongs to another account`);
  if (memberOfAccount(state, accountId)) throw new StateConflict('account_already_member', 'this account already belongs to a member of this network');
  return [{ type: 'MemberAccountLinked', data: { networkId: state.id, memberId, accountId } }];
}

function erase(memberId: string, state: NetworkState, now: Date): NetworkEvent[] {
  const member = state.members.get(memberId);
  if (!member) throw new NotFound('member', memberId);
  if (member.erased) return [];
  return [{ type: 'MemberErased', data: { networkId: state.id, memberId, erasedAt: iso(now) } }];
}

function changeSettings(requested: Partial<NetworkSettings>, state: NetworkState): NetworkEvent[] {
  // Only the weights given (an edge's DTO may carry the others as undefined).
  const depthWeights = requested.depthWeights && Object.fromEntries(Object.entries(requested.depthWeights).filter(([, weight]) => weight !== undefined));
  const settings: Partial<NetworkSettings> = { ...requested, ...(depthWeights && { depthWeights }) };
  const problems: FieldProblem[] = [];
  const { min, max } = DEPTH_WEIGHT_RANGE;
  for (const [kind, weight] of Object.entries(depthWeights ?? {})) {
    if (!(INTERACTION_KINDS as readonly string[]).includes(kind)) problems.push({ field: `depthWeights.${kind}`, problem: `is not a kind of interaction (${INTERACTION_KINDS.join(', ')})` });
    // Bounded above so strengths, constraint and exports stay finite numbers (docs/metrics.md).
    else if (typeof weight !== 'number' || !Number.isFinite(weight) || weight < min || weight > max) problems.push({ field: `depthWeights.${kind}`, problem: `must be a number from ${min} to ${max}` });
  }
  if (requested.timeZone !== undefined) settings.timeZone = checkTimeZone(requested.timeZone, problems);
  if (problems.length) throw new ValidationFailed(problems);
  const same = (key: keyof NetworkSettings, value: unknown) => JSON.stringify(state.settings[key]) === JSON.stringify(value);
  const changed = Object.fromEntries(Object.entries(settings).filter(([key, value]) => value !== undefined && !same(key as keyof NetworkSettings, value)));
  return Object.keys(changed).length === 0 ? [] : [{ type: 'NetworkSettingsChanged', data: { networkId: state.id, settings: changed } }];
}

/** The zone's canonical IANA name, or a problem for `timeZone`. */
function checkTimeZone(value: unknown, problems: FieldProblem[]): string | undefined {
  const zone = canonicalTimeZone(value);
  if (zone === undefined) problems.push({ field: 'timeZone', problem: `must be an IANA time zone such as Europe/Helsinki or UTC, got ${JSON.stringify(value)}` });
  return zone;
}

function changeProfile(data: Extract<NetworkCommand, { type: 'ChangeMemberProfile' }>['data'], state: NetworkState, now: Date): NetworkEvent[] {
  const member = currentMember(state, data.memberId);
  const problems: FieldProblem[] = [];
  const changes: MemberProfileChanged['data']['changes'] = {};
  if (data.name !== undefined) {
    const name = cleanText(data.name, 'name', LIMITS.nameLength, problems, { required: true });
    if (name && name !== member.name) changes.name = name;
  }
  if (data.organisation !== undefined) {
    const organisation = data.organisation === null ? undefined : cleanText(data.organisation, 'organisation', LIMITS.organisationLength, problems);
    if (organisation !== member.organisation) changes.organisation = organisation ?? null;
  }
  if (data.email !== undefined) {
    const email = data.email === null ? undefined : cleanEmail(data.email, problems);
    if (email !== member.email) changes.email = email ?? null;
  }
  const memberType = oneOf(data.memberType, MEMBER_TYPES, 'type', problems);
  if (memberType && memberType !== member.memberType) changes.memberType = memberType;
  const role = oneOf(data.role, MEMBER_ROLES, 'role', problems);
  if (role && role !== member.role) changes.role = role;
  const externalIds = data.externalIds === undefined ? {} : cleanExternalIds(data.externalIds, problems);
  if (problems.length) throw new ValidationFailed(problems);
  const events: NetworkEvent[] = [];
  if (Object.keys(changes).length > 0) events.push({ type: 'MemberProfileChanged', data: { networkId: state.id, memberId: member.id, changes, changedAt: iso(now) } });
  const idChanges = effectiveChanges(member.externalIds, externalIds);
  if (Object.keys(idChanges).length > 0) {
    requireFreeExternalIds(state.members.values(), member.id, idChanges, { revealHolder: true });
    events.push({ type: 'MemberExternalIdsChanged', data: { networkId: state.id, memberId: member.id, changes: idChanges, via: 'coordinator', changedAt: iso(now) } });
  }
  return events;
}

function linkExternalIdentity(data: Extract<NetworkCommand, { type: 'LinkExternalIdentity' }>['data'], state: NetworkState, now: Date): NetworkEvent[] {
  const member = currentMember(state, data.memberId);
  const problems: FieldProblem[] = [];
  const changes = effectiveChanges(member.externalIds, cleanExternalIds(data.identities, problems));
  if (problems.length) throw new ValidationFailed(problems);
  if (Object.keys(changes).length === 0) return [];
  requireFreeExternalIds(state.members.values(), member.id, changes, { revealHolder: false });
  return [{ type: 'MemberExternalIdsChanged', data: { networkId: state.id, memberId: member.id, changes, via: 'link', changedAt: iso(now) } }];
}

function leave(data: Extract<NetworkCommand, { type: 'LeaveNetwork' }>['data'], state: NetworkState, now: Date): NetworkEvent[] {
  const member = currentMember(state, data.memberId);
  const problems: FieldProblem[] = [];
  // A date alone is the start of that day, as for every date in a body: "left today" is not in the future.
  const leftAt = parseInstant(data.leftAt, 'leftAt', problems, networkTimeZone(state)) ?? now;
  notInFuture(leftAt, now, 'leftAt', problems);
  if (leftAt.getTime() <= Date.parse(member.joinedAt)) {
    problems.push({ field: 'leftAt', problem: `must be after the member joined (${member.joinedAt})` });
  }
  if (problems.length) throw new ValidationFailed(problems);
  return [{ type: 'MemberLeft', data: { networkId: state.id, memberId: member.id, leftAt: iso(leftAt) } }];
}

function recordIntervention(data: Extract<NetworkCommand, { type: 'RecordIntervention' }>['data'], state: NetworkState, now: Date): NetworkEvent[] {
  const problems: FieldProblem[] = [];
  const kind = oneOf(data.kind, INTERVENTION_KINDS, 'kind', problems);
  if (data.kind === undefined) problems.push({ field: 'kind', problem: 'is required' });
  const title = cleanText(data.title, 'title', LIMITS.titleLength, problems, { required: true });
  const description = cleanText(data.description, 'description', LIMITS.descriptionLength, problems);
  const occurredAt = parseInstant(data.occurredAt, 'occurredAt', problems, networkTimeZone(state));
  if (data.occurredAt === undefined) problems.push({ field: 'occurredAt', problem: 'is required' });
  notInFuture(occurredAt, now, 'occurredAt', problems);
  if (occurredAt && occurredAt.getTime() < Date.parse(state.foundedAt)) {
    problems.push({ field: 'occurredAt', problem: `must not be before the network was founded (${state.foundedAt})` });
  }
  if (problems.length) throw new ValidationFailed(problems);
  return [
    {
      type: 'InterventionRecorded',
      data: { networkId: state.id, interventionId: data.interventionId, kind: kind!, title: title!, ...(description && { description }), occurredAt: iso(occurredAt!) },
    },
  ];
}

export function evolveNetwork(state: NetworkState, event: NetworkEvent): NetworkState {
  switch (event.type) {
    case 'NetworkFounded':
      return {
        ...state,
        founded: true,
        id: event.data.networkId,
        name: event.data.name,
        description: event.data.description,
        foundedAt: event.data.foundedAt,
        settings: event.data.timeZone === undefined ? state.settings : { ...state.settings, timeZone: event.data.timeZone },
      };
    case 'MemberJoined': {
      const { memberId, name, organisation, memberType, role, joinedAt, email, accountId } = event.data;
      return withMember(state, { id: memberId, name, organisation, memberType, role, joinedAt, email, accountId });
    }
    case 'MemberProfileChanged': {
      const member = state.members.get(event.data.memberId);
      if (!member) return state;
      const { organisation, email, ...rest } = event.data.changes;
      const changed: MemberState = { ...member, ...rest };
      if (organisation !== undefined) changed.organisation = organisation ?? undefined;
      if (email !== undefined) changed.email = email ?? undefined;
      return withMember(state, changed);
    }
    case 'MemberAccountLinked': {
      const member = state.members.get(event.data.memberId);
      return member ? withMember(state, { ...member, accountId: event.data.accountId }) : state;
    }
    case 'MemberErased': {
      const member = state.members.get(event.data.memberId);
      return member ? withMember(state, { ...member, name: ERASED_MEMBER_NAME, email: undefined, externalIds: undefined, erased: true }) : state;
    }
    case 'MemberExternalIdsChanged': {
      const member = state.members.get(event.data.memberId);
      return member ? withMember(state, { ...member, externalIds: applyExternalIdChanges(member.externalIds, event.data.changes) }) : state;
    }
    case 'NetworkSettingsChanged':
      return { ...state, settings: { ...state.settings, ...event.data.settings } };
    case 'MemberLeft': {
      const member = state.members.get(event.data.memberId);
      return member ? withMember(state, { ...member, leftAt: event.data.leftAt }) : state;
    }
    case 'InterventionRecorded':
      // Interventions inform the analysis; no rule of the network depends on them.
      return state;
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}

function withMember(state: NetworkState, member: MemberState): NetworkState {
  const members = new Map(state.members);
  members.set(member.id, member);
  return { ...state, members };
}
