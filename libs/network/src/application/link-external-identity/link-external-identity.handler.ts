import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock, CLOCK, Forbidden, ID_GENERATOR, IdGenerator } from '@solmu/kernel';
import { decideNetwork } from '../../domain/network.decider';
import { commandMetadata } from '../command-metadata';
import { requireAccess } from '../network-access';
import { NetworkRepository } from '../network.repositories';
import { memberView, MemberView } from '../views';
import { LinkExternalIdentityCommand } from './link-external-identity.command';

@CommandHandler(LinkExternalIdentityCommand)
export class LinkExternalIdentityHandler implements ICommandHandler<LinkExternalIdentityCommand> {
  constructor(
    private readonly networks: NetworkRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  async execute({ networkId, identities, context, linkVerified }: LinkExternalIdentityCommand): Promise<MemberView> {
    if (!linkVerified || context.principal.kind !== 'account') throw new Forbidden('chat identities are linked only by opening the link Solmu gave in Slack or Teams while signed in');
    let memberId = '';
    const state = await this.networks.handleOn(
      networkId,
      (current) => {
        const access = requireAccess(current, context.principal);
        if (!access.memberId) throw new Forbidden('only a member of this network can link a chat identity to their member record');
        memberId = access.memberId;
        return decideNetwork({ type: 'LinkExternalIdentity', data: { memberId, identities } }, current, this.clock.now());
      },
      { eventIds: [this.ids.next()], metadata: commandMetadata(context) },
    );
    return memberView(networkId, state.members.get(memberId)!);
  }
}
