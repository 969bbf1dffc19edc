import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock, CLOCK, Forbidden, ID_GENERATOR, IdGenerator } from '@solmu/kernel';
import { decideNetwork } from '../../domain/network.decider';
import { commandMetadata } from '../command-metadata';
import { NetworkRepository } from '../network.repositories';
import { memberView, MemberView } from '../views';
import { LinkMemberAccountCommand } from './link-member-account.command';

@CommandHandler(LinkMemberAccountCommand)
export class LinkMemberAccountHandler implements ICommandHandler<LinkMemberAccountCommand> {
  constructor(
    private readonly networks: NetworkRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  async execute({ networkId, memberId, accountId, context, invitationAccepted }: LinkMemberAccountCommand): Promise<MemberView> {
    const { principal } = context;
    const ownInvitation = invitationAccepted && principal.kind === 'account' && principal.accountId === accountId;
    if (!ownInvitation && principal.kind !== 'system') throw new Forbidden('accounts are linked to members only through invitations');
    const state = await this.networks.handleOn(
      networkId,
      (current) => decideNetwork({ type: 'LinkMemberAccount', data: { memberId, accountId } }, current, this.clock.now()),
      { eventIds: [this.ids.next()], metadata: commandMetadata(context) },
    );
    return memberView(networkId, state.members.get(memberId)!);
  }
}
