import { DynamicModule, Global, Module } from '@nestjs/common';
import { Environment, loadEnvironment } from './environment';
import { SolmuConfig } from './solmu-config';

/**
 * Validates the environment once, when the module is created, and provides {@link SolmuConfig}.
 * Tests pass explicit values instead of touching `process.env`.
 */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(env: Record<string, string | undefined> = process.env): DynamicModule {
    return {
      module: ConfigModule,
      providers: [{ provide: SolmuConfig, useFactory: () => new SolmuConfig(loadEnvironment(env)) }],
      exports: [SolmuConfig],
    };
  }
}

export type { Environment };
