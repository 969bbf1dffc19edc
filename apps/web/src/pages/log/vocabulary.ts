import type { components } from '../../api/schema';

type Details = components['schemas']['InteractionDetailsRequest'];
export type InteractionKind = Details['kind'];
export type Channel = NonNullable<Details['channel']>;

/**
 * The seven kinds in ladder order and the channels, as the API's schema lists them. The `satisfies`
 * checks and the `Exhaustive` types below make the build fail if the API adds or renames one.
 */
export const KINDS = ['acquainted', 'discussed', 'exchanged_information', 'explored_collaboration', 'outlined_goals', 'co_developed', 'evaluated_learning'] as const satisfies readonly InteractionKind[];
export const CHANNELS = ['meeting', 'email', 'phone', 'video', 'chat', 'event', 'other'] as const satisfies readonly Channel[];

type Exhaustive<All, Listed> = [Exclude<All, Listed>] extends [never] ? true : never;
const kindsComplete: Exhaustive<InteractionKind, (typeof KINDS)[number]> = true;
const channelsComplete: Exhaustive<Channel, (typeof CHANNELS)[number]> = true;
void kindsComplete;
void channelsComplete;

/** Which rung of knowing → trust → commitment each kind stands on (docs/phases-and-tips.md). */
export const RUNG: Record<InteractionKind, 'knowing' | 'trust' | 'commitment'> = {
  acquainted: 'knowing',
  discussed: 'knowing',
  exchanged_information: 'trust',
  explored_collaboration: 'trust',
  outlined_goals: 'commitment',
  co_developed: 'commitment',
  evaluated_learning: 'commitment',
};
