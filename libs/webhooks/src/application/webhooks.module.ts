import { DynamicModule, Inject, Injectable, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { WebhookStore } from '../webhook-store.port';
import { BackgroundLoop } from './background-loop';
import { PhaseWatcher } from './phase-watcher';
import { WebhookReactor } from './webhook-reactor';
import { WebhookSender } from './webhook-sender';
import { Webhooks } from './webhooks';
import { WEBHOOK_SETTINGS, WEBHOOK_STORE, WebhookSettings } from './webhook.tokens';

/** Where webhooks live: a SQLite file (single instance), PostgreSQL (shared by instances), or a given store. */
export type WebhookStoreOptions = { kind: 'sqlite'; path: string } | { kind: 'postgres'; connectionString: string } | { kind: 'memory' } | { kind: 'instance'; store: WebhookStore };

export interface WebhooksModuleOptions {
  store: WebhookStoreOptions;
  settings: WebhookSettings;
}

/** Opens the configured store; adapters are loaded lazily so a SQLite run never loads pg. */
export async function openWebhookStore(options: WebhookStoreOptions): Promise<WebhookStore> {
  switch (options.kind) {
    case 'sqlite':
    case 'memory': {
      const { SqliteWebhookStore } = await import('../adapters/sqlite-webhook-store');
      return new SqliteWebhookStore({ path: options.kind === 'memory' ? ':memory:' : options.path });
    }
    case 'postgres': {
      const { PostgresWebhookStore } = await import('../adapters/postgres-webhook-store');
      return PostgresWebhookStore.open({ connectionString: options.connectionString });
    }
    case 'instance':
      return options.store;
  }
}

/** Starts the reactor, the sender and the phase watcher with the application, and stops them before the store closes. */
@Injectable()
class WebhookBackground implements OnApplicationBootstrap, OnApplicationShutdown {
  private loops: BackgroundLoop[] = [];

  constructor(
    @Inject(WEBHOOK_STORE) private readonly store: WebhookStore,
    @Inject(WEBHOOK_SETTINGS) private readonly settings: WebhookSettings,
    private readonly reactor: WebhookReactor,
    private readonly sender: WebhookSender,
    private readonly phases: PhaseWatcher,
  ) {}

  onApplicationBootstrap(): void {
    if (this.settings.background === false) return;
    const pollMs = this.settings.pollMs ?? 250;
    this.loops = [new BackgroundLoop('The webhook reactor', () => this.reactor.reactOnce(), pollMs), new BackgroundLoop('The webhook sender', () => this.sender.sendDue(), pollMs)];
    const phaseCheckMs = this.settings.phaseCheckMs ?? 3600_000;
    if (phaseCheckMs > 0) this.loops.push(new BackgroundLoop('The phase watcher', async () => (await this.phases.checkAll(), false), phaseCheckMs));
    this.loops.forEach((loop) => loop.start());
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.loops.map((loop) => loop.stop()));
    await this.store.close();
  }
}

/**
 * Webhooks out: coordinators' webhooks (Webhooks), the reactor that turns stored events into
 * deliveries, the sender, and the phase watcher. Needs EVENT_STORE, PersonalDataVault, ReadAccess,
 * the analysis queries (QueryBus), CLOCK and ID_GENERATOR from the application.
 */
@Module({})
export class WebhooksModule {
  static forRootAsync(options: { inject?: Array<string | symbol | Function>; useFactory: (...args: any[]) => WebhooksModuleOptions }): DynamicModule {
    const OPTIONS = Symbol('WEBHOOKS_OPTIONS');
    return {
      module: WebhooksModule,
      providers: [
        { provide: OPTIONS, inject: options.inject ?? [], useFactory: options.useFactory },
        { provide: WEBHOOK_SETTINGS, inject: [OPTIONS], useFactory: (o: WebhooksModuleOptions) => o.settings },
        { provide: WEBHOOK_STORE, inject: [OPTIONS], useFactory: (o: WebhooksModuleOptions) => openWebhookStore(o.store) },
        Webhooks,
        WebhookReactor,
        WebhookSender,
        PhaseWatcher,
        WebhookBackground,
      ],
      exports: [Webhooks, WebhookReactor, WebhookSender, PhaseWatcher, WEBHOOK_STORE],
    };
  }
}
