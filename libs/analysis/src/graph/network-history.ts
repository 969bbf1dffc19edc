/**
 * A network's history, folded from its events: the members with their profiles and membership
 * spans, and the interactions as they stand after corrections and retractions, indexed by pair of
 * members and sorted by date. It is everything `graphAt` needs to draw the network at any date.
 *
 * The fold is incremental (a projection feeds it one event at a time, live) and idempotent by global
 * position: an event whose `position` is not after the last applied one is ignored, so redelivery
 * after a restart changes nothing. Events without a position are always applied.
 *
 * Why it updates in place: the history of a large network holds hundreds of thousands of interactions;
 * copying it per event would make a replay quadratic. `applyNetworkEvent` therefore mutates the history
 * it is given and returns it, like a reducer over an accumulator it owns. It reads no clock and draws no
 * random numbers: the same events always give the same history.
 *
 * Conventions:
 * - The network is the one named by the first event; events of other networks are ignored.
 * - Member profiles are kept as they are now (the latest MemberProfileChanged wins); membership is kept
 *   as spans, so a member who left and rejoined is a member only inside each span.
 * - Interventions (InterventionRecorded) are kept by id for timelines; they do not change the graph.
 * - An InteractionCorrected replaces all of an interaction's details. An InteractionRetracted removes it
 *   for good: later corrections of it are ignored. Duplicate participants are counted once.
 */
import { ERASED_MEMBER_NAME, ladderStep } from '@solmu/network/published';
import type {
  InteractionEvent,
  InteractionKind,
  InterventionKind,
  MemberRole,
  MemberType,
  NetworkEvent,
} from '@solmu/network/published';
import { compareKeys } from '../measures/engine/csr';
import { eventInstant } from './instant';

/** An event of one network as the fold receives it: the published event plus its global position. */
export type NetworkHistoryEvent = (NetworkEvent | InteractionEvent) & { position?: number };

export interface MembershipSpan {
  joinedAt: string;
  joinedMs: number;
  leftAt?: string;
  leftMs?: number;
}

export interface MemberRecord {
  id: string;
  /** Dense index of this id in `history.ordinals`, for per-member arrays in graph builders. */
  ordinal: number;
  name: string;
  organisation?: string;
  memberType: MemberType;
  role: MemberRole;
  /** Membership spans, oldest first; the last may be open (no leftAt). */
  spans: MembershipSpan[];
  /** Bumped on every change, so graph builders know when to refresh the node. */
  revision: number;
}

export interface InteractionRecord {
  id: string;
  kind: InteractionKind;
  /** Ladder step of `kind`: 0 (acquainted) … 6 (evaluated_learning). */
  depth: number;
  /** Distinct participant ids in the order given. */
  participants: readonly string[];
  occurredAt: string;
  occurredMs: number;
  initiator?: string;
}

/** A coordinator's development action, kept so timelines can mark it (before/after comparisons). */
export interface InterventionRecord {
  id: string;
  kind: InterventionKind;
  title: string;
  occurredAt: string;
}

/** The interactions of one pair of members, sorted by (occurredMs, id). */
export interface PairLog {
  /** `a|b` with a < b; also the edge key in tie graphs. */
  key: string;
  a: string;
  b: string;
  /** Ordinals of a and b in `history.ordinals`. */
  aOrdinal: number;
  bOrdinal: number;
  /** 0, 1, 2, … in order of first appearance: a stable index for per-pair state in builders. */
  ordinal: number;
  /** Bumped whenever an entry is added or removed. */
  revision: number;
  entries: InteractionRecord[];
  /** `entries[i].occurredMs`, packed: binary searches by date touch one small array, not the records. */
  times: number[];
}

export interface NetworkHistory {
  networkId: string | null;
  name?: string;
  foundedAt?: string;
  /** Position of the last applied event; null before any positioned event. */
  lastPosition: number | null;
  /** Bumped on every applied change. */
  revision: number;
  members: Map<string, MemberRecord>;
  interactions: Map<string, InteractionRecord>;
  retracted: Set<string>;
  pairs: Map<string, PairLog>;
  interventions: Map<string, InterventionRecord>;
  /** A dense ordinal for every member id seen, as a member or as a participant. */
  ordinals: Map<string, number>;
}

export function createNetworkHistory(): NetworkHistory {
  return {
    networkId: null,
    lastPosition: null,
    revision: 0,
    members: new Map(),
    interactions: new Map(),
    retracted: new Set(),
    pairs: new Map(),
    interventions: new Map(),
    ordinals: new Map(),
  };
}

/** Folds `events` into `history` (a fresh one by default) and returns it. */
export function foldNetworkHistory(events: Iterable<NetworkHistoryEvent>, history: NetworkHistory = createNetworkHistory()): NetworkHistory {
  for (const event of events) applyNetworkEvent(history, event);
  return history;
}

/** Applies one event to `history` in place and returns it. Ignores events at or before lastPosition. */
export function applyNetworkEvent(history: NetworkHistory, event: NetworkHistoryEvent): NetworkHistory {
  if (event.position !== undefined) {
    if (history.lastPosition !== null && event.position <= history.lastPosition) return history;
    history.lastPosition = event.position;
  }
  history.networkId ??= event.data.networkId;
  if (event.data.networkId !== history.networkId) return history;
  const changed = evolve(history, event);
  if (changed) history.revision++;
  return history;
}

/** The membership span containing `ms`, if the member belongs to the network then. */
export function membershipAt(member: MemberRecord, ms: number): MembershipSpan | undefined {
  for (let i = member.spans.length - 1; i >= 0; i--) {
    const span = member.spans[i];
    if (span.joinedMs <= ms) return span.leftMs === undefined || ms < span.leftMs ? span : undefined;
  }
  return undefined;
}

/** The key of the pair {a, b}, smaller id first. */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

function evolve(history: NetworkHistory, event: NetworkHistoryEvent): boolean {
  switch (event.type) {
    case 'NetworkFounded':
      history.name = event.data.name;
      history.foundedAt = event.data.foundedAt;
      return true;
    case 'MemberJoined': {
      const { memberId, name, organisation, memberType, role, joinedAt } = event.data;
      const span: MembershipSpan = { joinedAt, joinedMs: eventInstant(joinedAt, `MemberJoined ${memberId}`) };
      const member = history.members.get(memberId);
      if (member === undefined) {
        const ordinal = ordinalOf(history, memberId);
        history.members.set(memberId, { id: memberId, ordinal, name, organisation, memberType, role, spans: [span], revision: 0 });
        return true;
      }
      const last = member.spans[member.spans.length - 1];
      if (last !== undefined && last.leftMs === undefined) return false;
      Object.assign(member, { name, organisation, memberType, role });
      member.spans.push(span);
      member.revision++;
      return true;
    }
    case 'MemberProfileChanged': {
      const member = history.members.get(event.data.memberId);
      if (member === undefined) return false;
      const { name, organisation, memberType, role } = event.data.changes;
      if (name !== undefined) member.name = name;
      if (organisation === null) delete member.organisation;
      else if (organisation !== undefined) member.organisation = organisation;
      if (memberType !== undefined) member.memberType = memberType;
      if (role !== undefined) member.role = role;
      member.revision++;
      return true;
    }
    case 'MemberLeft': {
      const member = history.members.get(event.data.memberId);
      const last = member?.spans[member.spans.length - 1];
      if (member === undefined || last === undefined || last.leftMs !== undefined) return false;
      last.leftAt = event.data.leftAt;
      last.leftMs = eventInstant(event.data.leftAt, `MemberLeft ${member.id}`);
      member.revision++;
      return true;
    }
    case 'InteractionLogged':
    case 'InteractionCorrected': {
      const { interactionId } = event.data;
      if (history.retracted.has(interactionId)) return false;
      const previous = history.interactions.get(interactionId);
      if (previous !== undefined && event.type === 'InteractionLogged') return false;
      if (previous !== undefined) unindex(history, previous);
      const record = toRecord(event);
      history.interactions.set(interactionId, record);
      index(history, record);
      return true;
    }
    case 'InteractionRetracted': {
      const { interactionId } = event.data;
      if (history.retracted.has(interactionId)) return false;
      history.retracted.add(interactionId);
      const previous = history.interactions.get(interactionId);
      if (previous !== undefined) {
        unindex(history, previous);
        history.interactions.delete(interactionId);
      }
      return true;
    }
    case 'InterventionRecorded': {
      const { interventionId, kind, title, occurredAt } = event.data;
      history.interventions.set(interventionId, { id: interventionId, kind, title, occurredAt });
      return true;
    }
    case 'MemberErased': {
      // Personal data is already unreadable (crypto-shredding); the node stays, nameless.
      const member = history.members.get(event.data.memberId);
      if (member === undefined) return false;
      member.name = ERASED_MEMBER_NAME;
      member.revision++;
      return true;
    }
    case 'MemberAccountLinked':
    case 'MemberExternalIdsChanged':
    case 'NetworkSettingsChanged':
      // Accounts, chat identities and settings do not change the network's structure.
      return false;
    default: {
      // Compile-time: every published event is handled. Run time: a newer event type is ignored.
      const _unhandled: never = event;
      return false;
    }
  }
}

function toRecord(event: Extract<NetworkHistoryEvent, { type: 'InteractionLogged' | 'InteractionCorrected' }>): InteractionRecord {
  const { interactionId, kind, participants, occurredAt, initiator } = event.data;
  return {
    id: interactionId,
    kind,
    depth: ladderStep(kind),
    participants: [...new Set(participants)],
    occurredAt,
    occurredMs: eventInstant(occurredAt, `${event.type} ${interactionId}`),
    initiator,
  };
}

function forEachPair(record: InteractionRecord, visit: (a: string, b: string) => void): void {
  const people = record.participants;
  for (let i = 0; i < people.length; i++) {
    for (let j = i + 1; j < people.length; j++) {
      if (people[i] < people[j]) visit(people[i], people[j]);
      else visit(people[j], people[i]);
    }
  }
}

function index(history: NetworkHistory, record: InteractionRecord): void {
  forEachPair(record, (a, b) => {
    const key = `${a}|${b}`;
    let pair = history.pairs.get(key);
    if (pair === undefined) {
      const aOrdinal = ordinalOf(history, a);
      const bOrdinal = ordinalOf(history, b);
      pair = { key, a, b, aOrdinal, bOrdinal, ordinal: history.pairs.size, revision: 0, entries: [], times: [] };
      history.pairs.set(key, pair);
    }
    const entries = pair.entries;
    // Events mostly arrive in date order, so the common case is an append.
    const last = entries[entries.length - 1];
    if (last === undefined || compareEntries(last, record) < 0) {
      entries.push(record);
      pair.times.push(record.occurredMs);
    } else {
      const at = insertionPoint(entries, record);
      entries.splice(at, 0, record);
      pair.times.splice(at, 0, record.occurredMs);
    }
    pair.revision++;
  });
}

/** Removes a record from its pairs. A pair left empty stays in the map (its ordinal is stable). */
function unindex(history: NetworkHistory, record: InteractionRecord): void {
  forEachPair(record, (a, b) => {
    const pair = history.pairs.get(`${a}|${b}`);
    if (pair === undefined) return;
    const at = pair.entries.indexOf(record);
    if (at >= 0) {
      pair.entries.splice(at, 1);
      pair.times.splice(at, 1);
      pair.revision++;
    }
  });
}

function ordinalOf(history: NetworkHistory, id: string): number {
  let ordinal = history.ordinals.get(id);
  if (ordinal === undefined) {
    ordinal = history.ordinals.size;
    history.ordinals.set(id, ordinal);
  }
  return ordinal;
}

function compareEntries(x: InteractionRecord, y: InteractionRecord): number {
  return x.occurredMs - y.occurredMs || compareKeys(x.id, y.id);
}

function insertionPoint(entries: InteractionRecord[], record: InteractionRecord): number {
  let lo = 0;
  let hi = entries.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareEntries(entries[mid], record) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
