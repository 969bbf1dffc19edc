export type { NetworkState, MemberState } from './network.decider';
export { isMemberAt } from './network.decider';
export type { InteractionDetailsInput } from './interaction.decider';
