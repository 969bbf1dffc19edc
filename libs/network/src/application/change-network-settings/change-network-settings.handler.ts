import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock, CLOCK, ID_GENERATOR, IdGenerator } from '@solmu/kernel';
import { decideNetwork } from '../../domain/network.decider';
import { NetworkSettings } from '../../domain/network.events';
import { commandMetadata } from '../command-metadata';
import { requireAccess } from '../network-access';
import { NetworkRepository } from '../network.repositories';
import { ChangeNetworkSettingsCommand } from './change-network-settings.command';

@CommandHandler(ChangeNetworkSettingsCommand)
export class ChangeNetworkSettingsHandler implements ICommandHandler<ChangeNetworkSettingsCommand> {
  constructor(
    private readonly networks: NetworkRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  async execute({ networkId, settings, context }: ChangeNetworkSettingsCommand): Promise<NetworkSettings> {
    const state = await this.networks.handleOn(
      networkId,
      (current) => {
        requireAccess(current, context.principal, 'network:manage');
        return decideNetwork({ type: 'ChangeNetworkSettings', data: settings }, current, this.clock.now());
      },
      { eventIds: [this.ids.next()], metadata: commandMetadata(context) },
    );
    return state.settings;
  }
}
