import { Command } from '@nestjs/cqrs';
import { CommandContext } from '@solmu/kernel';

export interface RecordedIntervention {
  id: string;
  networkId: string;
  kind: string;
  title: string;
  description?: string;
  occurredAt: string;
}

/** A coordinator records a development action so the timeline can show its effect. */
export class RecordInterventionCommand extends Command<RecordedIntervention> {
  constructor(
    readonly networkId: string,
    readonly input: { kind: string; title: string; description?: string; occurredAt: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}
