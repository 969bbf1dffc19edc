import { Module } from '@nestjs/common';
import { SolmuConfig } from '@solmu/config';
import { DEFAULT_RETRY_POLICY, WebhooksModule } from '@solmu/webhooks';
import { WebhooksController } from './webhooks.controller';

/** Webhooks out at the HTTP edge: the coordinators' routes over @solmu/webhooks, configured from the environment. */
@Module({
  imports: [
    WebhooksModule.forRootAsync({
      inject: [SolmuConfig],
      useFactory: (config: SolmuConfig) => ({
        store: config.webhookStore,
        settings: { allowPrivate: config.webhooks.allowPrivate, retry: { ...DEFAULT_RETRY_POLICY, baseMs: config.webhooks.firstRetryMs } },
      }),
    }),
  ],
  controllers: [WebhooksController],
})
export class WebhooksHttpModule {}
