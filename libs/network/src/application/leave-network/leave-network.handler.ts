import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock, CLOCK, Forbidden, ID_GENERATOR, IdGenerator } from '@solmu/kernel';
import { decideNetwork } from '../../domain/network.decider';
import { commandMetadata } from '../command-metadata';
import { requireAccess } from '../network-access';
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
      (current) => {
        const access = requireAccess(current, context.principal);
        if (access.memberId !== memberId && !access.can('members:manage')) throw new Forbidden('you may record only your own leaving');
        return decideNetwork({ type: 'LeaveNetwork', data: { memberId, leftAt } }, current, this.clock.now());
      },
      { eventIds: [this.ids.next()], metadata: commandMetadata(context) },
    );
    return memberView(networkId, state.members.get(memberId)!);
  }
}
