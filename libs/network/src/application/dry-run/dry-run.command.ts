import { Command } from '@nestjs/cqrs';
import type { CommandContext, FieldProblem } from '@solmu/kernel';
import type { InteractionDetailsInput } from '../../domain/interaction.decider';
import type { MemberProfileInput } from '../join-network/join-network.command';

/** A member to join, under an id the caller makes up so that interactions of the same run can name them. */
export interface DryRunMember {
  memberId: string;
  profile: MemberProfileInput & { email?: string };
}

export interface DryRunOutcome {
  /** Problems of `members[index]` and `interactions[index]`, in the API's field names and words. */
  members: { index: number; problems: FieldProblem[] }[];
  interactions: { index: number; problems: FieldProblem[] }[];
}

/**
 * What JoinNetwork and LogInteraction would answer to these inputs, in order, on the network's
 * current state — the same deciders, nothing written. Imports use it for their dry run.
 */
export class DryRunCommand extends Command<DryRunOutcome> {
  constructor(
    readonly networkId: string,
    readonly members: readonly DryRunMember[],
    readonly interactions: readonly InteractionDetailsInput[],
    readonly context: CommandContext,
  ) {
    super();
  }
}
