import type { Channel, InteractionKind } from './vocabulary';

/**
 * Events of an interaction's stream (`interaction-<id>`). An interaction is never edited in place:
 * a correction restates all its details, a retraction withdraws it.
 */

/** The details of an interaction, as logged or as corrected. */
export interface InteractionDetails {
  kind: InteractionKind;
  /** Member ids, two or more, distinct. */
  participants: string[];
  /** When it happened (ISO 8601). */
  occurredAt: string;
  /** The participant who made contact, for the direction of the tie. */
  initiator?: string;
  channel?: Channel;
  note?: string;
}

export type InteractionLogged = {
  type: 'InteractionLogged';
  data: InteractionDetails & {
    interactionId: string;
    networkId: string;
  };
};

export type InteractionCorrected = {
  type: 'InteractionCorrected';
  data: InteractionDetails & {
    interactionId: string;
    networkId: string;
    reason?: string;
  };
};

export type InteractionRetracted = {
  type: 'InteractionRetracted';
  data: {
    interactionId: string;
    networkId: string;
    reason?: string;
  };
};

export type InteractionEvent = InteractionLogged | InteractionCorrected | InteractionRetracted;

export const INTERACTION_EVENT_VERSIONS: Record<InteractionEvent['type'], number> = {
  InteractionLogged: 1,
  InteractionCorrected: 1,
  InteractionRetracted: 1,
};
