import { Command } from '@nestjs/cqrs';
import { CommandContext } from '@solmu/kernel';
import { NetworkSettings } from '../../domain/network.events';

export class ChangeNetworkSettingsCommand extends Command<NetworkSettings> {
  constructor(
    readonly networkId: string,
    readonly settings: Partial<NetworkSettings>,
    readonly context: CommandContext,
  ) {
    super();
  }
}
