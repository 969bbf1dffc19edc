import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { IdentityModule } from '@solmu/identity';
import { CqrsModule } from '@nestjs/cqrs';
import { ConfigModule, SolmuConfig } from '@solmu/config';
import { EventStoreModule } from '@solmu/event-store';
import { Clock, CLOCK, DEFAULT_TIME_ZONE, ID_GENERATOR, IdGenerator, SystemClock, UuidV7Generator } from '@solmu/kernel';
import { NETWORK_PERSONAL_DATA, NetworkModule, PERSONAL_DATA_ERASER } from '@solmu/network';
import { EncryptingEventStore, openKeyStore, PersonalDataPolicy, PersonalDataVault } from '@solmu/privacy';
import { INTEGRATION_SECRETS } from '@solmu/integrations';
import { IntegrationsHttpModule } from './integrations/integrations-http.module';
import { ImportsHttpModule } from './imports/imports-http.module';
import { WebhooksHttpModule } from './webhooks/webhooks-http.module';
import { ProjectionsModule } from '@solmu/projections';
import { ApiTokensController } from './access/api-tokens.controller';
import { AnalysisController } from './analysis/analysis.controller';
import { InvitationsController } from './access/invitations.controller';
import { AuthController } from './auth/auth.controller';
import { AuthenticationGuard } from './auth/authentication.guard';
import { FixedWindowThrottlerStorage } from './auth/fixed-window-throttler-storage';
import { RateLimitGuard } from './auth/rate-limit.guard';
import { SetupController } from './auth/setup.controller';
import { SignInMethodsController } from './auth/sign-in-methods.controller';
import { throttlers } from './auth/throttling';
import { DemoLoader } from './demo/demo-loader';
import { NetworkEventsController } from './events/network-events.controller';
import { HealthController } from './health/health.controller';
import { InteractionsController } from './interactions/interactions.controller';
import { InterventionsController } from './interventions/interventions.controller';
import { MembersController } from './members/members.controller';
import { MyMembershipController } from './networks/my-membership.controller';
import { NetworksController } from './networks/networks.controller';

export interface AppOptions {
  /** Settings instead of `process.env` (tests). */
  env?: Record<string, string | undefined>;
  clock?: Clock;
  ids?: IdGenerator;
  /** Load the demo network into an empty store at start. */
  demo?: boolean;
  /** The built web app to serve (default: dist/web of the project). */
  webRoot?: string;
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

/**
 * Personal data is encrypted per person on its way into the event store (crypto-shredding); the
 * same vault destroys the keys when a member is erased.
 */
@Global()
@Module({
  providers: [
    { provide: PersonalDataVault, inject: [SolmuConfig], useFactory: async (config: SolmuConfig) => new PersonalDataVault(await openKeyStore(config.keyStore)) },
    { provide: PERSONAL_DATA_ERASER, useExisting: PersonalDataVault },
  ],
  exports: [PersonalDataVault, PERSONAL_DATA_ERASER],
})
class PrivacyModule {}

/** The installation's zone (SOLMU_TIME_ZONE), which networks founded without one of their own take. */
@Global()
@Module({
  providers: [{ provide: DEFAULT_TIME_ZONE, inject: [SolmuConfig], useFactory: (config: SolmuConfig) => config.defaultTimeZone }],
  exports: [DEFAULT_TIME_ZONE],
})
class TimeZoneModule {}

const httpControllers = [
  AuthController,
  SetupController,
  SignInMethodsController,
  NetworksController,
  MyMembershipController,
  MembersController,
  InteractionsController,
  InterventionsController,
  NetworkEventsController,
  AnalysisController,
  ApiTokensController,
  InvitationsController,
  HealthController,
];

/** The HTTP edge: thin controllers that send commands and queries to the libraries. */
@Module({})
export class AppModule {
  static forRoot(options: AppOptions = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(options.env),
        PrivacyModule,
        EventStoreModule.forRootAsync({
          inject: [SolmuConfig, PersonalDataVault],
          useFactory: (config: SolmuConfig) => config.eventStore,
          decorate: (store, _config: SolmuConfig, vault: PersonalDataVault) => new EncryptingEventStore(store, vault, PersonalDataPolicy.combine(NETWORK_PERSONAL_DATA, INTEGRATION_SECRETS)),
        }),
        CqrsModule.forRoot(),
        PortsModule.forRoot(options),
        TimeZoneModule,
        IdentityModule.forRootAsync({
          inject: [SolmuConfig],
          useFactory: (config: SolmuConfig) => ({ store: config.identityStore, oidc: config.oidc }),
        }),
        ThrottlerModule.forRootAsync({
          inject: [SolmuConfig],
          useFactory: (config: SolmuConfig) => ({ throttlers: throttlers(config.rateLimits), storage: new FixedWindowThrottlerStorage() }),
        }),
        NetworkModule,
        ProjectionsModule,
        IntegrationsHttpModule,
        ImportsHttpModule,
        WebhooksHttpModule,
      ],
      controllers: httpControllers,
      // Order matters: who is calling is known before the per-caller write limit applies.
      providers: [
        DemoLoader,
        { provide: APP_GUARD, useClass: AuthenticationGuard },
        { provide: APP_GUARD, useClass: RateLimitGuard },
      ],
    };
  }
}
