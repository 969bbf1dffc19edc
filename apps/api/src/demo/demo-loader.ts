import { Inject, Injectable, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { DEMO_DURATION_DAYS, DemoCommand, simulateDemoNetwork } from '@solmu/analysis';
import { EVENT_STORE, EventStore } from '@solmu/event-store';
import { Clock, CLOCK, CommandContext } from '@solmu/kernel';
import { FoundNetworkCommand, JoinNetworkCommand, LeaveNetworkCommand, LogInteractionCommand, RecordInterventionCommand } from '@solmu/network';

const DAY_MS = 86_400_000;

/**
 * Loads the simulated demo network (about 18 months of a regional network going through founding,
 * deepening and settling) through the same commands as real use, so it exercises every rule.
 * Events are attributed to `system:demo:<member>` so the timeline's coverage sees who logged.
 */
@Injectable()
export class DemoLoader {
  private readonly logger = new Logger('Demo');

  constructor(
    private readonly commands: CommandBus,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async isStoreEmpty(): Promise<boolean> {
    return (await this.store.headPosition()) === undefined;
  }

  /** Returns the demo network's id. */
  async load(seed = 1): Promise<string> {
    const start = new Date(Math.floor(this.clock.now().getTime() / DAY_MS - DEMO_DURATION_DAYS - 10) * DAY_MS);
    const script = simulateDemoNetwork({ seed, start });
    const members = new Map<string, string>();
    let networkId = '';
    const context = (by: string): CommandContext => ({ principal: { kind: 'system', name: `demo:${by}` }, source: 'demo' });
    const started = Date.now();
    let pending: Array<Promise<unknown>> = [];
    const settle = async () => {
      await Promise.all(pending);
      pending = [];
    };
    for (const [i, command] of script.entries()) {
      // Logged interactions are independent of each other: run them in groups so they share commits.
      if (command.type !== 'LogInteraction' || pending.length >= 100) await settle();
      const run = this.run(command, networkId, members, context(command.by));
      if (command.type === 'LogInteraction') pending.push(run);
      else {
        const result = await run;
        if (command.type === 'FoundNetwork') networkId = (result as { id: string }).id;
        if (command.type === 'JoinNetwork') members.set(command.data.member, (result as { id: string }).id);
      }
      if ((i + 1) % 500 === 0) this.logger.log(`Demo: ${i + 1} of ${script.length} commands`);
    }
    await settle();
    this.logger.log(`Loaded the demo network (${members.size} members, ${script.length} commands) in ${Date.now() - started} ms`);
    return networkId;
  }

  private run(command: DemoCommand, networkId: string, members: Map<string, string>, context: CommandContext): Promise<unknown> {
    const id = (key: string) => members.get(key)!;
    switch (command.type) {
      case 'FoundNetwork':
        return this.commands.execute(new FoundNetworkCommand({ ...command.data, foundedAt: command.at }, context));
      case 'JoinNetwork': {
        const { member: _key, ...profile } = command.data;
        return this.commands.execute(new JoinNetworkCommand(networkId, { ...profile, joinedAt: command.at }, context));
      }
      case 'LogInteraction': {
        const { participants, initiator, ...rest } = command.data;
        return this.commands.execute(
          new LogInteractionCommand(networkId, { ...rest, participants: participants.map(id), ...(initiator && { initiator: id(initiator) }), occurredAt: command.at }, context),
        );
      }
      case 'RecordIntervention':
        return this.commands.execute(new RecordInterventionCommand(networkId, { ...command.data, occurredAt: command.at }, context));
      case 'LeaveNetwork':
        return this.commands.execute(new LeaveNetworkCommand(networkId, id(command.data.member), command.at, context));
    }
  }
}
