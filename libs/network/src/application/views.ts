import { InteractionState } from '../domain/interaction.decider';
import { InteractionDetails } from '../domain/interaction.events';
import { MemberState } from '../domain/network.decider';
import { MemberRole, MemberType } from '../domain/vocabulary';
import { ExternalIds } from '../domain/network.events';

/** What commands answer with: the state they produced, in the API's vocabulary. */
export interface MemberView {
  id: string;
  networkId: string;
  name: string;
  organisation?: string;
  type: MemberType;
  role: MemberRole;
  joinedAt: string;
  leftAt?: string;
  /** Shown to the member themselves and to coordinators only. */
  email?: string;
  /** Whether a person's account holds this member record (through an invitation or founding). */
  hasAccount?: boolean;
  erased?: boolean;
  /** Slack and Teams identities; shown to the member themselves and to coordinators only. */
  externalIds?: ExternalIds;
}

export interface InteractionView extends InteractionDetails {
  id: string;
  networkId: string;
  status: 'active' | 'retracted';
}

export function memberView(networkId: string, m: MemberState): MemberView {
  return {
    id: m.id,
    networkId,
    name: m.name,
    ...(m.organisation !== undefined && { organisation: m.organisation }),
    type: m.memberType,
    role: m.role,
    joinedAt: m.joinedAt,
    ...(m.leftAt !== undefined && { leftAt: m.leftAt }),
    ...(m.email !== undefined && { email: m.email }),
    hasAccount: m.accountId !== undefined,
    ...(m.erased && { erased: true }),
    ...(m.externalIds && { externalIds: { ...m.externalIds } }),
  };
}

export function interactionView(id: string, state: InteractionState): InteractionView {
  return { id, networkId: state.networkId!, ...state.details!, status: state.status === 'retracted' ? 'retracted' : 'active' };
}
