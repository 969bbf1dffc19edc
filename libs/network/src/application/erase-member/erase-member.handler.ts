import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock, CLOCK, Forbidden, ID_GENERATOR, IdGenerator } from '@solmu/kernel';
import { decideNetwork } from '../../domain/network.decider';
import { commandMetadata } from '../command-metadata';
import { requireAccess } from '../network-access';
import { NetworkRepository } from '../network.repositories';
import {
  interactionSubject,
  MEMBER_INTERACTIONS,
  MemberInteractions,
  memberSubject,
  PERSONAL_DATA_ERASER,
  PersonalDataEraser,
} from '../personal-data.ports';
import { EraseMemberCommand, ErasureReceipt } from './erase-member.command';

@CommandHandler(EraseMemberCommand)
export class EraseMemberHandler implements ICommandHandler<EraseMemberCommand> {
  constructor(
    private readonly networks: NetworkRepository,
    @Inject(PERSONAL_DATA_ERASER) private readonly eraser: PersonalDataEraser,
    @Inject(MEMBER_INTERACTIONS) private readonly interactions: MemberInteractions,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  async execute({ networkId, memberId, context }: EraseMemberCommand): Promise<ErasureReceipt> {
    const erasedAt = this.clock.now().toISOString();
    await this.networks.handleOn(
      networkId,
      (current) => {
        const access = requireAccess(current, context.principal);
        if (access.memberId !== memberId && !access.can('members:manage')) throw new Forbidden('only the member or a coordinator can erase a member');
        return decideNetwork({ type: 'EraseMember', data: { memberId } }, current, this.clock.now());
      },
      { eventIds: [this.ids.next()], metadata: commandMetadata(context) },
    );
    // The event records the erasure first; the keys go after, every time, so a retry after a
    // failure here still shreds everything.
    const interactionIds = await this.interactions.interactionIdsOf(networkId, memberId);
    await this.eraser.erase([memberSubject(memberId), ...interactionIds.map(interactionSubject)]);
    return { memberId, networkId, erasedAt, interactionsShredded: interactionIds.length };
  }
}
