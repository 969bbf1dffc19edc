import { Module } from '@nestjs/common';
import { IntegrationsModule } from '@solmu/integrations';
import { ChatInteractions } from './chat-interactions';
import { ChatLinksController } from './chat-links.controller';
import { IntegrationsController } from './integrations.controller';
import { LinkPageController } from './link-page.controller';
import { SlackSignatureGuard, TeamsSignatureGuard } from './platform-signature.guards';
import { SlackController } from './slack.controller';
import { SlackHome } from './slack-home';
import { SlackWebApi } from './slack-web-api';
import { TeamsController } from './teams.controller';

/** Slack and Teams at the HTTP edge: thin adapters over @solmu/integrations and the same commands as the API. */
@Module({
  imports: [IntegrationsModule],
  controllers: [IntegrationsController, SlackController, TeamsController, ChatLinksController, LinkPageController],
  providers: [ChatInteractions, SlackWebApi, SlackHome, SlackSignatureGuard, TeamsSignatureGuard],
})
export class IntegrationsHttpModule {}
