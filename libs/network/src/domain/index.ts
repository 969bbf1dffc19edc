export type { NetworkState, MemberState } from './network.decider';
export { isMemberAt } from './network.decider';
export type { InteractionDetailsInput } from './interaction.decider';
export { memberByExternalId } from './external-ids';
