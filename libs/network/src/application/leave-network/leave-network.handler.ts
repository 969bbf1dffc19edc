import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock, CLOCK, ID_GENERATOR, IdGenerator } from '@solmu/kernel';
import { decideNetwork } from '../../domain/network.decider';
import { commandMetadata } from '../command-metadata';
import { NetworkRepository } from '../network.repositories';
import { memberView, MemberView } from '../views';
import { LeaveNetworkCommand } from './leave-network.command';

@CommandHandler(LeaveNetworkCommand)
export class LeaveNetworkHandler implements ICommandHandler<LeaveNetworkCommand> {
  constructor(
    private readonly networks: NetworkRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  async execute({ networkId, memberId, leftAt, context }: LeaveNetworkCommand): Promise<MemberView> {
    const state = await this.networks.handleOn(
      networkId,
      (current) => decideNetwork({ type: 'LeaveNetwork', data: { memberId, leftAt } }, current, this.clock.now()),
      { eventIds: [this.ids.next()], metadata: commandMetadata(context) },
    );
    return memberView(networkId, state.members.get(memberId)!);
  }
}
