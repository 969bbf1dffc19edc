import { plainToInstance, Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, validateSync } from 'class-validator';

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

  /** Selects EventStoreDB/KurrentDB instead of SQLite, e.g. `esdb://localhost:2113?tls=false`. */
  @IsOptional()
  @Matches(/^(esdb|kurrentdb|kdb)(\+discover)?:\/\/.+/, { message: 'EVENTSTORE_CONNECTION_STRING must look like esdb://host:2113?tls=false' })
  EVENTSTORE_CONNECTION_STRING?: string;

  /** Largest accepted request body, in bytes. */
  @IsOptional()
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  @IsInt()
  @Min(1024)
  @Max(50 * 1024 * 1024)
  SOLMU_BODY_LIMIT: number = 64 * 1024;

  @IsOptional()
  @IsIn(['error', 'warn', 'log', 'debug', 'verbose'])
  LOG_LEVEL: 'error' | 'warn' | 'log' | 'debug' | 'verbose' = 'log';
}

const SETTINGS = ['PORT', 'HOST', 'SOLMU_DB', 'SOLMU_KEYS_DB', 'EVENTSTORE_CONNECTION_STRING', 'SOLMU_BODY_LIMIT', 'LOG_LEVEL'] as const;

export class InvalidConfiguration extends Error {}

/** Reads and validates the environment; throws one error listing every bad variable. */
export function loadEnvironment(env: Record<string, string | undefined> = process.env): Environment {
  // Only our variables, and an empty value counts as unset (as in `PORT= npm start`).
  const known = Object.fromEntries(SETTINGS.filter((key) => env[key] !== undefined && env[key] !== '').map((key) => [key, env[key]]));
  const config = plainToInstance(Environment, known, { exposeDefaultValues: true });
  const errors = validateSync(config, { whitelist: true });
  if (errors.length > 0) {
    const lines = errors.flatMap((e) => Object.values(e.constraints ?? {}).map((m) => `  ${e.property}=${JSON.stringify(env[e.property])}: ${m}`));
    throw new InvalidConfiguration(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return config;
}
