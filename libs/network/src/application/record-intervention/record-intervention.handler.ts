import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock, CLOCK, ID_GENERATOR, IdGenerator } from '@solmu/kernel';
import { decideNetwork } from '../../domain/network.decider';
import { InterventionRecorded } from '../../domain/network.events';
import { commandMetadata } from '../command-metadata';
import { requireAccess } from '../network-access';
import { NetworkRepository } from '../network.repositories';
import { RecordedIntervention, RecordInterventionCommand } from './record-intervention.command';

@CommandHandler(RecordInterventionCommand)
export class RecordInterventionHandler implements ICommandHandler<RecordInterventionCommand> {
  constructor(
    private readonly networks: NetworkRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  async execute({ networkId, input, context }: RecordInterventionCommand): Promise<RecordedIntervention> {
    const interventionId = this.ids.next();
    let recorded: InterventionRecorded | undefined;
    await this.networks.handleOn(
      networkId,
      (current) => {
        requireAccess(current, context.principal, 'network:manage');
        const events = decideNetwork({ type: 'RecordIntervention', data: { interventionId, ...input } }, current, this.clock.now());
        recorded = events[0] as InterventionRecorded;
        return events;
      },
      { eventIds: [this.ids.next()], metadata: commandMetadata(context) },
    );
    const { interventionId: id, ...rest } = recorded!.data;
    return { id, ...rest };
  }
}
