import { Module } from '@nestjs/common';
import { ChatLinks } from './chat-links';
import { Integrations } from './integrations';
import { IntegrationsRepository } from './integrations.repository';

/**
 * Slack and Teams integrations of networks: their lifecycle and one-time links. Needs EVENT_STORE
 * (decorated with {@link INTEGRATION_SECRETS} so secrets are sealed), PersonalDataVault, ReadAccess,
 * CLOCK and ID_GENERATOR from the application.
 */
@Module({ providers: [IntegrationsRepository, Integrations, ChatLinks], exports: [Integrations, ChatLinks] })
export class IntegrationsModule {}
