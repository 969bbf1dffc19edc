import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock, CLOCK, DomainError, FieldProblem } from '@solmu/kernel';
import { decideInteraction, initialInteractionState } from '../../domain/interaction.decider';
import { decideNetwork, evolveNetwork, NetworkState } from '../../domain/network.decider';
import { requireAccess } from '../network-access';
import { NetworkRepository } from '../network.repositories';
import { DryRunCommand, DryRunOutcome } from './dry-run.command';

@CommandHandler(DryRunCommand)
export class DryRunHandler implements ICommandHandler<DryRunCommand> {
  constructor(
    private readonly networks: NetworkRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ networkId, members, interactions, context }: DryRunCommand): Promise<DryRunOutcome> {
    let { state } = await this.networks.loadExisting(networkId);
    requireAccess(state, context.principal, 'members:manage');
    requireAccess(state, context.principal, 'interactions:write-any');
    const now = this.clock.now();
    const outcome: DryRunOutcome = { members: [], interactions: [] };
    members.forEach(({ memberId, profile }, index) => {
      const { type: memberType, ...rest } = profile;
      const problems = refusal(() => {
        // Joined members are folded in, so that later rows see them as the commit would.
        for (const event of decideNetwork({ type: 'JoinNetwork', data: { memberId, memberType, ...rest } }, state, now)) state = evolveNetwork(state, event);
      });
      if (problems) outcome.members.push({ index, problems });
    });
    const network: NetworkState = state;
    interactions.forEach((details, index) => {
      const problems = refusal(() => decideInteraction({ type: 'LogInteraction', data: { interactionId: `dry-run-${index}`, details } }, initialInteractionState(), { network, now }));
      if (problems) outcome.interactions.push({ index, problems });
    });
    return outcome;
  }
}

/** The problems a decider refused with, or undefined when it accepted. */
function refusal(decide: () => unknown): FieldProblem[] | undefined {
  try {
    decide();
    return undefined;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return error.problems.length ? error.problems : [{ field: '', problem: error.message }];
  }
}
