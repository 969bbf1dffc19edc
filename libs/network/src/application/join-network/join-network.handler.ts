import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock, CLOCK, ID_GENERATOR, IdGenerator } from '@solmu/kernel';
import { decideNetwork } from '../../domain/network.decider';
import { commandMetadata } from '../command-metadata';
import { requireAccess } from '../network-access';
import { NetworkRepository } from '../network.repositories';
import { memberView, MemberView } from '../views';
import { JoinNetworkCommand } from './join-network.command';

@CommandHandler(JoinNetworkCommand)
export class JoinNetworkHandler implements ICommandHandler<JoinNetworkCommand> {
  constructor(
    private readonly networks: NetworkRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  async execute({ networkId, profile, context }: JoinNetworkCommand): Promise<MemberView> {
    const memberId = this.ids.next();
    const { type: memberType, ...rest } = profile;
    const state = await this.networks.handleOn(
      networkId,
      (current) => {
        requireAccess(current, context.principal, 'members:manage');
        return decideNetwork({ type: 'JoinNetwork', data: { memberId, memberType, ...rest } }, current, this.clock.now());
      },
      { eventIds: [this.ids.next()], metadata: commandMetadata(context) },
    );
    return memberView(networkId, state.members.get(memberId)!);
  }
}
