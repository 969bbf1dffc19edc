import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ResolvedIntegration, slackIdentity } from '@solmu/integrations';
import { GetTipsQuery } from '@solmu/projections';
import { ChatInteractions } from './chat-interactions';
import { homeLines, homeView } from './slack-views';
import { SlackWebApi } from './slack-web-api';

/** App Home: the member's own tips (what members see of tips in the web app), or how to link. */
@Injectable()
export class SlackHome {
  constructor(
    private readonly chat: ChatInteractions,
    private readonly queries: QueryBus,
    private readonly slack: SlackWebApi,
  ) {}

  async publish(integration: ResolvedIntegration, teamId: string, userId: string): Promise<void> {
    const identity = slackIdentity(teamId, userId);
    const sender = await this.chat.sender(integration, { platform: 'slack', sender: [{ platform: 'slack', id: identity }], mention: (id) => ({ platform: 'slack', id }) });
    if (!sender) return void (await this.slack.viewsPublish(integration.botToken!, userId, homeView(homeLines(undefined, []))));
    // Asked as the member themselves: the tips the web app would show them.
    const principal = { kind: 'chat' as const, platform: 'slack' as const, networkId: integration.networkId, memberId: sender.id };
    const { tips } = await this.queries.execute(new GetTipsQuery(integration.networkId, {}, principal));
    await this.slack.viewsPublish(integration.botToken!, userId, homeView(homeLines(sender, tips)));
  }
}
