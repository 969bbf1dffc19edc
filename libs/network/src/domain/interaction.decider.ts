import { FieldProblem, NotFound, StateConflict, ValidationFailed } from '@solmu/kernel';
import { notInFuture, parseInstant } from './dates';
import { InteractionDetails, InteractionEvent } from './interaction.events';
import { NetworkState, networkTimeZone } from './network.decider';
import { cleanText, oneOf } from './text';
import { CHANNELS, INTERACTION_KINDS, LIMITS } from './vocabulary';

/**
 * The interaction aggregate. An interaction is decided against its network's membership: every
 * participant must be a member on the day it happened. It is corrected or retracted by new events,
 * never edited in place.
 */

export interface InteractionState {
  status: 'none' | 'active' | 'retracted';
  networkId?: string;
  details?: InteractionDetails;
}

export const initialInteractionState = (): InteractionState => ({ status: 'none' });

/** Details as they arrive from a driving adapter, before the domain has checked them. */
export interface InteractionDetailsInput {
  kind: string;
  participants: string[];
  occurredAt: string;
  initiator?: string;
  channel?: string;
  note?: string;
}

export type InteractionCommand =
  | { type: 'LogInteraction'; data: { interactionId: string; details: InteractionDetailsInput } }
  | { type: 'CorrectInteraction'; data: { interactionId: string; details: InteractionDetailsInput; reason?: string } }
  | { type: 'RetractInteraction'; data: { interactionId: string; reason?: string } };

export interface InteractionContext {
  network: NetworkState;
  now: Date;
}

export function decideInteraction(command: InteractionCommand, state: InteractionState, { network, now }: InteractionContext): InteractionEvent[] {
  const { interactionId } = command.data;
  if (command.type === 'LogInteraction') {
    if (state.status !== 'none') throw new StateConflict('interaction_exists', `interaction ${interactionId} already exists`);
    const details = checkDetails(command.data.details, network, now, []);
    return [{ type: 'InteractionLogged', data: { interactionId, networkId: network.id, ...details } }];
  }
  if (state.status === 'none' || state.networkId !== network.id) throw new NotFound('interaction', interactionId);
  if (state.status === 'retracted') throw new StateConflict('interaction_retracted', `interaction ${interactionId} was retracted`);
  switch (command.type) {
    case 'CorrectInteraction': {
      const problems: FieldProblem[] = [];
      const reason = cleanText(command.data.reason, 'reason', LIMITS.reasonLength, problems);
      const details = checkDetails(command.data.details, network, now, problems);
      if (sameDetails(details, state.details!)) return [];
      return [{ type: 'InteractionCorrected', data: { interactionId, networkId: network.id, ...details, ...(reason && { reason }) } }];
    }
    case 'RetractInteraction': {
      const problems: FieldProblem[] = [];
      const reason = cleanText(command.data.reason, 'reason', LIMITS.reasonLength, problems);
      if (problems.length) throw new ValidationFailed(problems);
      return [{ type: 'InteractionRetracted', data: { interactionId, networkId: network.id, ...(reason && { reason }) } }];
    }
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}

/** Checks every rule on an interaction's details at once, so the caller hears of all problems. */
function checkDetails(input: InteractionDetailsInput, network: NetworkState, now: Date, problems: FieldProblem[]): InteractionDetails {
  const kind = oneOf(input.kind, INTERACTION_KINDS, 'kind', problems);
  const channel = oneOf(input.channel, CHANNELS, 'channel', problems);
  const note = cleanText(input.note, 'note', LIMITS.noteLength, problems);
  const occurredAt = parseInstant(input.occurredAt, 'occurredAt', problems, networkTimeZone(network));
  if (input.occurredAt === undefined) problems.push({ field: 'occurredAt', problem: 'is required' });
  notInFuture(occurredAt, now, 'occurredAt', problems);

  const participants = input.participants ?? [];
  if (participants.length < 2) problems.push({ field: 'participants', problem: 'must name at least two members' });
  if (participants.length > LIMITS.maxParticipants) problems.push({ field: 'participants', problem: `must name at most ${LIMITS.maxParticipants} members` });
  const seen = new Set<string>();
  participants.forEach((memberId, i) => {
    const field = `participants[${i}]`;
    if (seen.has(memberId)) problems.push({ field, problem: `member ${memberId} is named more than once` });
    seen.add(memberId);
    const member = network.members.get(memberId);
    if (!member) return problems.push({ field, problem: `member ${memberId} is not a member of this network` });
    if (member.erased) return problems.push({ field, problem: `member ${memberId} was erased` });
    if (!occurredAt) return;
    if (occurredAt.getTime() < Date.parse(member.joinedAt)) {
      problems.push({ field, problem: `member ${memberId} joined on ${member.joinedAt}, after the interaction occurred` });
    } else if (member.leftAt !== undefined && occurredAt.getTime() >= Date.parse(member.leftAt)) {
      problems.push({ field, problem: `member ${memberId} had left the network on ${member.leftAt}` });
    }
  });
  if (input.initiator !== undefined && !seen.has(input.initiator)) {
    problems.push({ field: 'initiator', problem: 'must be one of the participants' });
  }
  if (problems.length) throw new ValidationFailed(problems);
  return {
    kind: kind!,
    participants: [...participants],
    occurredAt: occurredAt!.toISOString(),
    ...(input.initiator !== undefined && { initiator: input.initiator }),
    ...(channel && { channel }),
    ...(note && { note }),
  };
}

function sameDetails(a: InteractionDetails, b: InteractionDetails): boolean {
  return (
    a.kind === b.kind &&
    a.occurredAt === b.occurredAt &&
    a.initiator === b.initiator &&
    a.channel === b.channel &&
    a.note === b.note &&
    a.participants.length === b.participants.length &&
    a.participants.every((p, i) => p === b.participants[i])
  );
}

export function evolveInteraction(state: InteractionState, event: InteractionEvent): InteractionState {
  switch (event.type) {
    case 'InteractionLogged':
    case 'InteractionCorrected': {
      const { interactionId: _id, networkId, ...rest } = event.data;
      const { reason: _reason, ...details } = rest as InteractionDetails & { reason?: string };
      return { status: 'active', networkId, details };
    }
    case 'InteractionRetracted':
      return { ...state, status: 'retracted' };
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}
