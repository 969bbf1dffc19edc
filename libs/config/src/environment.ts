import { plainToInstance, Transform } from 'class-transformer';
import { availableParallelism } from 'node:os';
import { IsIn, IsInt, IsOptional, IsString, IsTimeZone, Matches, Max, Min, MinLength, validateSync } from 'class-validator';

/**
 * Every setting Solmu reads from the environment, validated once at start-up: a bad value stops
 * the process with a message naming the variable, instead of failing later at first use.
 * The README's configuration table mirrors this class.
 */
export class Environment {
  /** HTTP port. */
  @IsOptional()
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT: number = 3000;

  /** Interface to listen on. */
  @IsOptional()
  @IsString()
  HOST: string = '0.0.0.0';

  /** SQLite event store file (the default store); `:memory:` for throwaway runs. */
  @IsOptional()
  @IsString()
  @MinLength(1)
  SOLMU_DB: string = './data/solmu.db';

  /** The key store for personal data (crypto-shredding); defaults to a sibling of SOLMU_DB. */
  @IsOptional()
  @IsString()
  @MinLength(1)
  SOLMU_KEYS_DB?: string;

  /**
   * Selects PostgreSQL instead of SQLite for the events, the identity store and the personal-data
   * keys (each may still be sent to a file with SOLMU_IDENTITY_DB / SOLMU_KEYS_DB), e.g.
   * `postgres://solmu:secret@db:5432/solmu`. Needed to run several instances against one store.
   */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/[^\s]+$/, { message: 'SOLMU_DATABASE_URL must look like postgres://user:password@host:5432/database' })
  SOLMU_DATABASE_URL?: string;

  /** Selects EventStoreDB/KurrentDB instead of SQLite, e.g. `esdb://localhost:2113?tls=false`. */
  @IsOptional()
  @Matches(/^(esdb|kurrentdb|kdb)(\+discover)?:\/\/.+/, { message: 'EVENTSTORE_CONNECTION_STRING must look like esdb://host:2113?tls=false' })
  EVENTSTORE_CONNECTION_STRING?: string;

  /** The identity store (accounts, sessions, tokens); defaults to a sibling of SOLMU_DB. */
  @IsOptional()
  @IsString()
  @MinLength(1)
  SOLMU_IDENTITY_DB?: string;

  /** The URL people use to reach Solmu (set-up link, OIDC redirect, Secure cookies). */
  @IsOptional()
  @Matches(/^https?:\/\/[^\s/]+(\/.*)?$/, { message: 'SOLMU_PUBLIC_URL must be an http(s) URL' })
  SOLMU_PUBLIC_URL?: string;

  /** The first administrator, created into an empty identity store. */
  @IsOptional()
  @IsString()
  SOLMU_ADMIN_EMAIL?: string;

  @IsOptional()
  @IsString()
  @MinLength(10, { message: 'SOLMU_ADMIN_PASSWORD must be at least 10 characters' })
  SOLMU_ADMIN_PASSWORD?: string;

  @IsOptional()
  @IsString()
  SOLMU_ADMIN_NAME?: string;

  /** OpenID Connect sign-in (Entra ID, Google, Keycloak…): issuer, client id and secret together. */
  @IsOptional()
  @Matches(/^https?:\/\/.+/, { message: 'SOLMU_OIDC_ISSUER must be an http(s) URL' })
  SOLMU_OIDC_ISSUER?: string;

  @IsOptional()
  @IsString()
  SOLMU_OIDC_CLIENT_ID?: string;

  @IsOptional()
  @IsString()
  SOLMU_OIDC_CLIENT_SECRET?: string;

  @IsOptional()
  @Matches(/^https?:\/\/.+/, { message: 'SOLMU_OIDC_REDIRECT_URI must be an http(s) URL' })
  SOLMU_OIDC_REDIRECT_URI?: string;

  /** Writes (POST/PATCH/DELETE) per minute per account, token or address. */
  @IsOptional()
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  @IsInt()
  @Min(1)
  SOLMU_WRITES_PER_MINUTE: number = 6000;

  /** Sign-in attempts (login, token, set-up) per minute per address. */
  @IsOptional()
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  @IsInt()
  @Min(1)
  SOLMU_SIGNINS_PER_MINUTE: number = 10;

  /** Largest accepted request body, in bytes. */
  @IsOptional()
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  @IsInt()
  @Min(1024)
  @Max(50 * 1024 * 1024)
  SOLMU_BODY_LIMIT: number = 64 * 1024;

  /** Largest file accepted by `POST …/imports` (CSV, XLSX, GEXF, GraphML), in bytes; only that route takes more than SOLMU_BODY_LIMIT. */
  @IsOptional()
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  @IsInt()
  @Min(1024)
  @Max(512 * 1024 * 1024)
  SOLMU_IMPORT_LIMIT: number = 20 * 1024 * 1024;

  /**
   * The zone new networks start with (an IANA name such as Europe/Helsinki): dates typed without an
   * offset are read in it and timeline weeks and months start at its midnights. Each network may change its own.
   */
  @IsOptional()
  @IsTimeZone({ message: 'SOLMU_TIME_ZONE must be an IANA time zone such as Europe/Helsinki or UTC' })
  SOLMU_TIME_ZONE: string = 'UTC';

  /** Slack's Web API (views.open, chat.postEphemeral, views.publish); tests point it at a local fake. */
  @IsOptional()
  @Matches(/^https?:\/\/[^\s/]+(\/\S*)?$/, { message: 'SOLMU_SLACK_API_URL must be an http(s) URL' })
  SOLMU_SLACK_API_URL: string = 'https://slack.com/api';

  /** Analysis worker threads (each owns a share of the networks); default one less than the cores. */
  @IsOptional()
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  @IsInt()
  @Min(1)
  @Max(64)
  SOLMU_ANALYSIS_WORKERS: number = Math.max(1, availableParallelism() - 1);

  /** Webhooks may go to private, loopback and link-local addresses (tests, a closed network). Default false. */
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'SOLMU_WEBHOOKS_ALLOW_PRIVATE must be true or false' })
  SOLMU_WEBHOOKS_ALLOW_PRIVATE: 'true' | 'false' = 'false';

  /** Webhooks and their delivery log; defaults to a sibling of SOLMU_DB, or PostgreSQL with SOLMU_DATABASE_URL. */
  @IsOptional()
  @IsString()
  @MinLength(1)
  SOLMU_WEBHOOKS_DB?: string;

  /** The longest wait before a failed delivery's first retry, in ms (each next one doubles, up to 2 h). */
  @IsOptional()
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  @IsInt()
  @Min(100)
  @Max(3600_000)
  SOLMU_WEBHOOKS_FIRST_RETRY_MS: number = 10_000;

  /** Memory for the analysis state of the networks held by the workers, in MB; idle networks beyond it are evicted. */
  @IsOptional()
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  @IsInt()
  @Min(16)
  @Max(1_000_000)
  SOLMU_ANALYSIS_MEMORY_MB: number = 512;

  /** A network not asked about for this many seconds is evicted from the analysis workers. */
  @IsOptional()
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  @IsInt()
  @Min(1)
  @Max(31_536_000)
  SOLMU_ANALYSIS_IDLE_SECONDS: number = 600;

  /** The analysis workers compute the dashboard's default timeline ahead, a bucket between requests, for networks asked about lately. Default true. */
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'SOLMU_ANALYSIS_WARM_TIMELINES must be true or false' })
  SOLMU_ANALYSIS_WARM_TIMELINES: 'true' | 'false' = 'true';

  @IsOptional()
  @IsIn(['error', 'warn', 'log', 'debug', 'verbose'])
  LOG_LEVEL: 'error' | 'warn' | 'log' | 'debug' | 'verbose' = 'log';
}

const SETTINGS = [
  'SOLMU_IDENTITY_DB',
  'SOLMU_PUBLIC_URL',
  'SOLMU_ADMIN_EMAIL',
  'SOLMU_ADMIN_PASSWORD',
  'SOLMU_ADMIN_NAME',
  'SOLMU_OIDC_ISSUER',
  'SOLMU_OIDC_CLIENT_ID',
  'SOLMU_OIDC_CLIENT_SECRET',
  'SOLMU_OIDC_REDIRECT_URI',
  'SOLMU_WRITES_PER_MINUTE',
  'SOLMU_SIGNINS_PER_MINUTE',
  'SOLMU_TIME_ZONE',
  'SOLMU_SLACK_API_URL',
  'SOLMU_WEBHOOKS_ALLOW_PRIVATE',
  'SOLMU_WEBHOOKS_DB',
  'SOLMU_WEBHOOKS_FIRST_RETRY_MS',
  'PORT', 'HOST', 'SOLMU_DB', 'SOLMU_KEYS_DB', 'SOLMU_DATABASE_URL', 'EVENTSTORE_CONNECTION_STRING', 'SOLMU_BODY_LIMIT', 'SOLMU_IMPORT_LIMIT', 'SOLMU_ANALYSIS_WORKERS', 'SOLMU_ANALYSIS_MEMORY_MB', 'SOLMU_ANALYSIS_IDLE_SECONDS', 'SOLMU_ANALYSIS_WARM_TIMELINES', 'LOG_LEVEL'] as const;

export class InvalidConfiguration extends Error {}

/** Reads and validates the environment; throws one error listing every bad variable. */
export function loadEnvironment(env: Record<string, string | undefined> = process.env): Environment {
  // Only our variables, and an empty value counts as unset (as in `PORT= npm start`).
  const known = Object.fromEntries(SETTINGS.filter((key) => env[key] !== undefined && env[key] !== '').map((key) => [key, env[key]]));
  const config = plainToInstance(Environment, known, { exposeDefaultValues: true });
  const errors = validateSync(config, { whitelist: true });
  const oidc = ['SOLMU_OIDC_ISSUER', 'SOLMU_OIDC_CLIENT_ID', 'SOLMU_OIDC_CLIENT_SECRET'] as const;
  const oidcGiven = oidc.filter((key) => known[key] !== undefined);
  if (oidcGiven.length > 0 && oidcGiven.length < oidc.length) {
    throw new InvalidConfiguration(`Invalid configuration:\n  OpenID Connect needs all of ${oidc.join(', ')} (missing ${oidc.filter((k) => !oidcGiven.includes(k)).join(', ')})`);
  }
  if (known.SOLMU_DATABASE_URL !== undefined && known.EVENTSTORE_CONNECTION_STRING !== undefined) {
    throw new InvalidConfiguration('Invalid configuration:\n  SOLMU_DATABASE_URL and EVENTSTORE_CONNECTION_STRING each choose the event store: set one of them');
  }
  if ((known.SOLMU_ADMIN_EMAIL === undefined) !== (known.SOLMU_ADMIN_PASSWORD === undefined)) {
    throw new InvalidConfiguration('Invalid configuration:\n  SOLMU_ADMIN_EMAIL and SOLMU_ADMIN_PASSWORD go together');
  }
  if (errors.length > 0) {
    const lines = errors.flatMap((e) => Object.values(e.constraints ?? {}).map((m) => `  ${e.property}=${JSON.stringify(env[e.property])}: ${m}`));
    throw new InvalidConfiguration(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return config;
}
