import type { EventStoreOptions } from '@solmu/event-store';
import { dirname, join } from 'node:path';
import { Environment } from './environment';

/** A file next to the event store's (`./data/solmu.db` → `./data/solmu-keys.db`), or in memory with it. */
function sibling(db: string, name: string): string {
  return db === ':memory:' ? ':memory:' : join(dirname(db), name);
}

/** Where the keys or the identity store live. */
export type StoreChoice = { kind: 'sqlite'; path: string } | { kind: 'postgres'; connectionString: string } | { kind: 'memory' };

/** Typed access to the validated settings; the only thing the rest of the app injects. */
export class SolmuConfig {
  constructor(private readonly env: Environment) {}

  get port(): number {
    return this.env.PORT;
  }

  get host(): string {
    return this.env.HOST;
  }

  get bodyLimit(): number {
    return this.env.SOLMU_BODY_LIMIT;
  }

  get importLimit(): number {
    return this.env.SOLMU_IMPORT_LIMIT;
  }

  /** Analysis worker threads (SOLMU_ANALYSIS_WORKERS). */
  get analysisWorkers(): number {
    return this.env.SOLMU_ANALYSIS_WORKERS;
  }

  /** How much analysis state the workers hold, and how long an unasked network stays (SOLMU_ANALYSIS_MEMORY_MB, SOLMU_ANALYSIS_IDLE_SECONDS), and whether they warm timelines (SOLMU_ANALYSIS_WARM_TIMELINES). */
  get analysisMemory(): { budgetBytes: number; idleMs: number; warmTimelines: boolean } {
    return {
      budgetBytes: this.env.SOLMU_ANALYSIS_MEMORY_MB * 2 ** 20,
      idleMs: this.env.SOLMU_ANALYSIS_IDLE_SECONDS * 1000,
      warmTimelines: this.env.SOLMU_ANALYSIS_WARM_TIMELINES === 'true',
    };
  }

  get logLevel(): Environment['LOG_LEVEL'] {
    return this.env.LOG_LEVEL;
  }

  /** PostgreSQL or EventStoreDB when a URL is set, otherwise the embedded SQLite file. */
  get eventStore(): EventStoreOptions {
    if (this.env.SOLMU_DATABASE_URL) return { kind: 'postgres', connectionString: this.env.SOLMU_DATABASE_URL };
    if (this.env.EVENTSTORE_CONNECTION_STRING) return { kind: 'esdb', connectionString: this.env.EVENTSTORE_CONNECTION_STRING };
    return { kind: 'sqlite', path: this.env.SOLMU_DB };
  }

  /**
   * Keys of personal data live apart from the events they protect: their own file, or with
   * PostgreSQL their own tables (a file still, when SOLMU_KEYS_DB names one).
   */
  get keyStore(): StoreChoice {
    return this.storeFor(this.env.SOLMU_KEYS_DB, 'solmu-keys.db');
  }

  /** Accounts, sessions and tokens: a file of their own, or with PostgreSQL their own tables. */
  get identityStore(): StoreChoice {
    return this.storeFor(this.env.SOLMU_IDENTITY_DB, 'solmu-identity.db');
  }

  /** Webhooks and their delivery log: a file of their own, or with PostgreSQL their own tables. */
  get webhookStore(): StoreChoice {
    return this.storeFor(this.env.SOLMU_WEBHOOKS_DB, 'solmu-webhooks.db');
  }

  /** SOLMU_WEBHOOKS_ALLOW_PRIVATE and SOLMU_WEBHOOKS_FIRST_RETRY_MS. */
  get webhooks(): { allowPrivate: boolean; firstRetryMs: number } {
    return { allowPrivate: this.env.SOLMU_WEBHOOKS_ALLOW_PRIVATE === 'true', firstRetryMs: this.env.SOLMU_WEBHOOKS_FIRST_RETRY_MS };
  }

  private storeFor(explicitPath: string | undefined, fileName: string): StoreChoice {
    if (explicitPath === undefined && this.env.SOLMU_DATABASE_URL) return { kind: 'postgres', connectionString: this.env.SOLMU_DATABASE_URL };
    const path = explicitPath ?? sibling(this.env.SOLMU_DB, fileName);
    return path === ':memory:' ? { kind: 'memory' } : { kind: 'sqlite', path };
  }

  get publicUrl(): string {
    return (this.env.SOLMU_PUBLIC_URL ?? `http://localhost:${this.env.PORT}`).replace(/\/$/, '');
  }

  get firstAdministrator(): { adminEmail?: string; adminPassword?: string; adminName?: string } {
    return { adminEmail: this.env.SOLMU_ADMIN_EMAIL, adminPassword: this.env.SOLMU_ADMIN_PASSWORD, adminName: this.env.SOLMU_ADMIN_NAME };
  }

  /** OpenID Connect settings, when configured. */
  get oidc(): { issuer: string; clientId: string; clientSecret: string; redirectUri: string } | undefined {
    const { SOLMU_OIDC_ISSUER: issuer, SOLMU_OIDC_CLIENT_ID: clientId, SOLMU_OIDC_CLIENT_SECRET: clientSecret } = this.env;
    if (!issuer || !clientId || !clientSecret) return undefined;
    return { issuer, clientId, clientSecret, redirectUri: this.env.SOLMU_OIDC_REDIRECT_URI ?? `${this.publicUrl}/api/auth/oidc/callback` };
  }

  get rateLimits(): { writesPerMinute: number; signInsPerMinute: number } {
    return { writesPerMinute: this.env.SOLMU_WRITES_PER_MINUTE, signInsPerMinute: this.env.SOLMU_SIGNINS_PER_MINUTE };
  }

  /** The zone new networks start with, by its canonical name (`utc` reads `UTC`). */
  get defaultTimeZone(): string {
    return new Intl.DateTimeFormat('en-US', { timeZone: this.env.SOLMU_TIME_ZONE }).resolvedOptions().timeZone;
  }

  /** Base URL of Slack's Web API, without a trailing slash. */
  get slackApiUrl(): string {
    return this.env.SOLMU_SLACK_API_URL.replace(/\/$/, '');
  }

  /** One line for the start-up log; never prints credentials in a connection string. */
  describeStore(): string {
    const store = this.eventStore;
    if (store.kind === 'sqlite') return `SQLite file ${store.path}`;
    if (store.kind === 'esdb') return `EventStoreDB ${store.connectionString.replace(/\/\/[^@/]*@/, '//***@')}`;
    if (store.kind === 'postgres') return `PostgreSQL ${store.connectionString.replace(/\/\/[^@/]*@/, '//***@')}`;
    return 'in-memory store (nothing is kept)';
  }
}
