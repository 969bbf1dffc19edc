import { Inject, Optional } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock, CLOCK, DEFAULT_TIME_ZONE, Forbidden, ID_GENERATOR, IdGenerator } from '@solmu/kernel';
import { decideNetwork, initialNetworkState } from '../../domain/network.decider';
import { LEGACY_TIME_ZONE, NetworkFounded } from '../../domain/network.events';
import { networkStream } from '../../domain/streams';
import { commandMetadata } from '../command-metadata';
import { NetworkRepository } from '../network.repositories';
import { FoundedNetwork, FoundNetworkCommand } from './found-network.command';

@CommandHandler(FoundNetworkCommand)
export class FoundNetworkHandler implements ICommandHandler<FoundNetworkCommand> {
  constructor(
    private readonly networks: NetworkRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
    // The installation's zone (SOLMU_TIME_ZONE); a module that does not provide it gets UTC.
    @Optional() @Inject(DEFAULT_TIME_ZONE) private readonly defaultTimeZone: string = LEGACY_TIME_ZONE,
  ) {}

  async execute({ input, context }: FoundNetworkCommand): Promise<FoundedNetwork> {
    const { principal } = context;
    if (principal.kind !== 'account' && principal.kind !== 'system') throw new Forbidden('only a signed-in person can found a network');
    const networkId = this.ids.next();
    // A person who founds a network becomes its first coordinator, so they can manage it.
    const founder = principal.kind === 'account' ? { memberId: this.ids.next(), accountId: principal.accountId, name: principal.name ?? principal.email ?? 'Founder', email: principal.email } : undefined;
    const events = decideNetwork({ type: 'FoundNetwork', data: { networkId, ...input, timeZone: input.timeZone ?? this.defaultTimeZone, founder } }, initialNetworkState(), this.clock.now());
    await this.networks.append(networkStream(networkId), events, -1, { eventIds: events.map(() => this.ids.next()), metadata: commandMetadata(context) });
    const { networkId: id, ...rest } = (events[0] as NetworkFounded).data;
    return { id, ...rest, ...(founder && { coordinatorMemberId: founder.memberId }) };
  }
}
