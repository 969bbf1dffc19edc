import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock, CLOCK, Forbidden, ID_GENERATOR, IdGenerator } from '@solmu/kernel';
import { decideNetwork } from '../../domain/network.decider';
import { commandMetadata } from '../command-metadata';
import { requireAccess } from '../network-access';
import { NetworkRepository } from '../network.repositories';
import { memberView, MemberView } from '../views';
import { ChangeMemberProfileCommand } from './change-member-profile.command';

@CommandHandler(ChangeMemberProfileCommand)
export class ChangeMemberProfileHandler implements ICommandHandler<ChangeMemberProfileCommand> {
  constructor(
    private readonly networks: NetworkRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  async execute({ networkId, memberId, changes, context }: ChangeMemberProfileCommand): Promise<MemberView> {
    const { type: memberType, ...rest } = changes;
    const state = await this.networks.handleOn(
      networkId,
      (current) => {
        const access = requireAccess(current, context.principal);
        const self = access.memberId === memberId;
        if (!self && !access.can('members:manage')) throw new Forbidden('you may change only your own profile');
        if (self && !access.can('members:manage') && rest.role !== undefined && rest.role !== current.members.get(memberId)?.role) {
          throw new Forbidden('only a coordinator can change a role', 'role');
        }
        // Members link their own chat identities through a one-time link, which proves they hold them.
        if (rest.externalIds !== undefined && !access.can('members:manage')) {
          throw new Forbidden('only a coordinator can set chat identities; link yours with "/solmu link" in Slack or Teams', 'externalIds');
        }
        return decideNetwork({ type: 'ChangeMemberProfile', data: { memberId, memberType, ...rest } }, current, this.clock.now());
      },
      { eventIds: [this.ids.next(), this.ids.next()], metadata: commandMetadata(context) },
    );
    return memberView(networkId, state.members.get(memberId)!);
  }
}
