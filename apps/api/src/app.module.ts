import { DynamicModule, Global, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ConfigModule, SolmuConfig } from '@solmu/config';
import { EventStoreModule } from '@solmu/event-store';
import { Clock, CLOCK, ID_GENERATOR, IdGenerator, SystemClock, UuidV7Generator } from '@solmu/kernel';
import { NetworkModule } from '@solmu/network';
import { ProjectionsModule } from '@solmu/projections';
import { NetworkEventsController } from './events/network-events.controller';
import { HealthController } from './health/health.controller';
import { InteractionsController } from './interactions/interactions.controller';
import { InterventionsController } from './interventions/interventions.controller';
import { MembersController } from './members/members.controller';
import { NetworksController } from './networks/networks.controller';

export interface AppOptions {
  /** Settings instead of `process.env` (tests). */
  env?: Record<string, string | undefined>;
  clock?: Clock;
  ids?: IdGenerator;
}

/** The clock and id generator every command uses; replaceable for tests and imports. */
@Global()
@Module({})
class PortsModule {
  static forRoot({ clock = new SystemClock(), ids = new UuidV7Generator() }: AppOptions): DynamicModule {
    return {
      module: PortsModule,
      providers: [
        { provide: CLOCK, useValue: clock },
        { provide: ID_GENERATOR, useValue: ids },
      ],
      exports: [CLOCK, ID_GENERATOR],
    };
  }
}

const httpControllers = [NetworksController, MembersController, InteractionsController, InterventionsController, NetworkEventsController, HealthController];

/** The HTTP edge: thin controllers that send commands and queries to the libraries. */
@Module({})
export class AppModule {
  static forRoot(options: AppOptions = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(options.env),
        EventStoreModule.forRootAsync({ inject: [SolmuConfig], useFactory: (config: SolmuConfig) => config.eventStore }),
        CqrsModule.forRoot(),
        PortsModule.forRoot(options),
        NetworkModule,
        ProjectionsModule,
      ],
      controllers: httpControllers,
    };
  }
}
