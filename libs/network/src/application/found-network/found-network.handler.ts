import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock, CLOCK, ID_GENERATOR, IdGenerator } from '@solmu/kernel';
import { decideNetwork, initialNetworkState } from '../../domain/network.decider';
import { NetworkFounded } from '../../domain/network.events';
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
  ) {}

  async execute({ input, context }: FoundNetworkCommand): Promise<FoundedNetwork> {
    const networkId = this.ids.next();
    const [founded] = decideNetwork({ type: 'FoundNetwork', data: { networkId, ...input } }, initialNetworkState(), this.clock.now()) as [NetworkFounded];
    await this.networks.append(networkStream(networkId), [founded], -1, { eventIds: [this.ids.next()], metadata: commandMetadata(context) });
    const { networkId: id, ...rest } = founded.data;
    return { id, ...rest };
  }
}
