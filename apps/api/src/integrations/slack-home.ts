import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ResolvedIntegration, slackIdentity } from '@solmu/integrations';
import { GetTipsQuery } from '@solmu/projections';
import { ChatInteractions } from './chat-interactions';
import { homeView } from './slack-views';
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
    let lines: string[];
    if (!sender) {
      lines = ['Your Slack user is not linked to a member of this network yet. Type `/solmu link` to link it.'];
    } else {
      const principal = { kind: 'chat' as const, platform: 'slack' as const, networkId: integration.networkId, memberId: sender.id };
      const { tips } = await this.queries.execute(new GetTipsQuery(integration.networkId, {}, principal));
      const own = tips.filter((tip) => tip.members.includes(sender.id)).slice(0, 5);
      lines = own.length ? [`Tips for you, ${sender.name}:`, ...own.map((tip) => `• ${tip.action.en} / ${tip.action.fi}`)] : [`No tips for you right now, ${sender.name}. Keep logging with \`/solmu\`.`];
    }
    await this.slack.viewsPublish(integration.botToken!, userId, homeView(lines));
  }
}
