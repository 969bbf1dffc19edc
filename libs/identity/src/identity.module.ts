import { DynamicModule, Global, Inject, Module, OnApplicationShutdown, OnModuleInit, Provider } from '@nestjs/common';
import { Clock, CLOCK, ID_GENERATOR, IdGenerator, SystemClock, UuidV7Generator } from '@solmu/kernel';
import { Accounts } from './accounts';
import { InMemoryIdentityStore } from './adapters/in-memory-identity-store';
import { ApiTokens } from './api-tokens';
import { Authenticator } from './authenticator';
import { BearerTokens } from './bearer-tokens';
import { FirstRun } from './first-run';
import type { IdentityStore } from './identity-store.port';
import { IDENTITY_OPTIONS, IDENTITY_STORE } from './identity.tokens';
import { Invitations } from './invitations';
import { OidcLogin } from './oidc/oidc-login';
import type { OidcRelyingParty, OidcSettings } from './oidc/oidc-relying-party';
import { PasswordHasher, ScryptParams } from './password-hasher';
import { SessionOptions, Sessions } from './sessions';

/** Where accounts live: their own SQLite file, PostgreSQL (shared by instances), memory (tests), or a given store. */
export type IdentityStoreOptions =
  | { kind: 'sqlite'; path: string }
  | { kind: 'postgres'; connectionString: string }
  | { kind: 'memory' }
  | { kind: 'instance'; store: IdentityStore };

export interface IdentityModuleOptions {
  store: IdentityStoreOptions;
  /** OpenID Connect sign-in; omit to offer local accounts only. */
  oidc?: OidcSettings | { relyingParty: OidcRelyingParty };
  sessions?: Partial<SessionOptions>;
  /** Lifetime of `POST /api/auth/token` tokens. Default 1 hour. */
  bearerTokenLifetimeMs?: number;
  /** Default 14 days. */
  invitationLifetimeMs?: number;
  /** Password KDF parameters; the defaults are documented in PasswordHasher. */
  passwordHashing?: Partial<ScryptParams>;
  /** How often expired sessions, tokens and invitations are swept. Default hourly; 0 disables. */
  purgeIntervalMs?: number;
}

export interface IdentityModuleAsyncOptions {
  imports?: DynamicModule['imports'];
  inject?: Array<string | symbol | Function>;
  useFactory: (...args: any[]) => IdentityModuleOptions | Promise<IdentityModuleOptions>;
}

/** Opens the configured store. Adapters are required lazily, so memory runs never load better-sqlite3 or pg. */
export async function openIdentityStore(options: IdentityStoreOptions): Promise<IdentityStore> {
  switch (options.kind) {
    case 'sqlite': {
      const { SqliteIdentityStore } = await import('./adapters/sqlite-identity-store');
      return new SqliteIdentityStore({ path: options.path });
    }
    case 'postgres': {
      const { PostgresIdentityStore } = await import('./adapters/postgres-identity-store');
      return PostgresIdentityStore.open({ connectionString: options.connectionString });
    }
    case 'memory':
      return new InMemoryIdentityStore();
    case 'instance':
      return options.store;
  }
}

async function relyingPartyFor(oidc: IdentityModuleOptions['oidc']): Promise<OidcRelyingParty | undefined> {
  if (!oidc) return undefined;
  if ('relyingParty' in oidc) return oidc.relyingParty;
  const { OpenIdClientRelyingParty } = await import('./oidc/openid-client-relying-party');
  return new OpenIdClientRelyingParty(oidc);
}

const CLOCK_OR_DEFAULT = Symbol('IDENTITY_CLOCK');
const IDS_OR_DEFAULT = Symbol('IDENTITY_IDS');

/** Sweeps expired records now and then, and closes the store on shutdown. */
class IdentityHousekeeping implements OnModuleInit, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;

  constructor(
    @Inject(IDENTITY_STORE) private readonly store: IdentityStore,
    @Inject(IDENTITY_OPTIONS) private readonly options: IdentityModuleOptions,
    @Inject(CLOCK_OR_DEFAULT) private readonly clock: Clock,
  ) {}

  async onModuleInit(): Promise<void> {
    const interval = this.options.purgeIntervalMs ?? 3600_000;
    if (interval <= 0) return;
    await this.store.purgeExpired(this.clock.now());
    this.timer = setInterval(() => void this.store.purgeExpired(this.clock.now()).catch(() => undefined), interval);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.store.close();
  }
}

/** The services, as plain classes built by factories (no Nest decorators inside them). */
const services: Provider[] = [
  // The application's CLOCK and ID_GENERATOR when it provides them (apps/api does, globally).
  { provide: CLOCK_OR_DEFAULT, inject: [{ token: CLOCK, optional: true }], useFactory: (clock?: Clock) => clock ?? new SystemClock() },
  { provide: IDS_OR_DEFAULT, inject: [{ token: ID_GENERATOR, optional: true }], useFactory: (ids?: IdGenerator) => ids ?? new UuidV7Generator() },
  { provide: IDENTITY_STORE, inject: [IDENTITY_OPTIONS], useFactory: (o: IdentityModuleOptions) => openIdentityStore(o.store) },
  { provide: PasswordHasher, inject: [IDENTITY_OPTIONS], useFactory: (o: IdentityModuleOptions) => new PasswordHasher(o.passwordHashing) },
  {
    provide: Accounts,
    inject: [IDENTITY_STORE, PasswordHasher, CLOCK_OR_DEFAULT, IDS_OR_DEFAULT],
    useFactory: (store: IdentityStore, hasher: PasswordHasher, clock: Clock, ids: IdGenerator) => new Accounts(store, hasher, clock, ids),
  },
  {
    provide: Sessions,
    inject: [IDENTITY_STORE, CLOCK_OR_DEFAULT, IDENTITY_OPTIONS],
    useFactory: (store: IdentityStore, clock: Clock, o: IdentityModuleOptions) => new Sessions(store, clock, o.sessions),
  },
  {
    provide: BearerTokens,
    inject: [IDENTITY_STORE, Accounts, CLOCK_OR_DEFAULT, IDENTITY_OPTIONS],
    useFactory: (store: IdentityStore, accounts: Accounts, clock: Clock, o: IdentityModuleOptions) =>
      new BearerTokens(store, accounts, clock, o.bearerTokenLifetimeMs === undefined ? {} : { lifetimeMs: o.bearerTokenLifetimeMs }),
  },
  {
    provide: ApiTokens,
    inject: [IDENTITY_STORE, CLOCK_OR_DEFAULT, IDS_OR_DEFAULT],
    useFactory: (store: IdentityStore, clock: Clock, ids: IdGenerator) => new ApiTokens(store, clock, ids),
  },
  {
    provide: Invitations,
    inject: [IDENTITY_STORE, CLOCK_OR_DEFAULT, IDS_OR_DEFAULT, IDENTITY_OPTIONS],
    useFactory: (store: IdentityStore, clock: Clock, ids: IdGenerator, o: IdentityModuleOptions) =>
      new Invitations(store, clock, ids, o.invitationLifetimeMs === undefined ? {} : { lifetimeMs: o.invitationLifetimeMs }),
  },
  {
    provide: FirstRun,
    inject: [IDENTITY_STORE, Accounts, CLOCK_OR_DEFAULT],
    useFactory: (store: IdentityStore, accounts: Accounts, clock: Clock) => new FirstRun(store, accounts, clock),
  },
  {
    provide: OidcLogin,
    inject: [IDENTITY_STORE, CLOCK_OR_DEFAULT, IDS_OR_DEFAULT, IDENTITY_OPTIONS],
    useFactory: async (store: IdentityStore, clock: Clock, ids: IdGenerator, o: IdentityModuleOptions) =>
      new OidcLogin(store, clock, ids, await relyingPartyFor(o.oidc)),
  },
  {
    provide: Authenticator,
    inject: [Sessions, BearerTokens, ApiTokens],
    useFactory: (sessions: Sessions, bearerTokens: BearerTokens, apiTokens: ApiTokens) => new Authenticator(sessions, bearerTokens, apiTokens),
  },
  IdentityHousekeeping,
];

const exported = [IDENTITY_STORE, PasswordHasher, Accounts, Sessions, BearerTokens, ApiTokens, Invitations, FirstRun, OidcLogin, Authenticator];

/**
 * Accounts, sign-in and credentials for the whole application (global). No HTTP here: apps/api
 * writes the routes and guards and injects the services by class (`Accounts`, `Sessions`,
 * `Authenticator`…). Uses the application's CLOCK and ID_GENERATOR when provided.
 */
@Global()
@Module({})
export class IdentityModule {
  static forRoot(options: IdentityModuleOptions): DynamicModule {
    return {
      module: IdentityModule,
      providers: [{ provide: IDENTITY_OPTIONS, useValue: options }, ...services],
      exports: exported,
    };
  }

  static forRootAsync(options: IdentityModuleAsyncOptions): DynamicModule {
    return {
      module: IdentityModule,
      imports: options.imports ?? [],
      providers: [{ provide: IDENTITY_OPTIONS, inject: options.inject ?? [], useFactory: options.useFactory }, ...services],
      exports: exported,
    };
  }
}
