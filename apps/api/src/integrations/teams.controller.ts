import { Controller, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { SolmuConfig } from '@solmu/config';
import { ChatLinks, helpReply, IdentityScheme, TeamsActivity, teamsTokens } from '@solmu/integrations';
import { SignedByPlatform } from '../auth/principal.decorator';
import { ChatInteractions } from './chat-interactions';
import { TeamsSignatureGuard, VerifiedRequest } from './platform-signature.guards';

const reply = (text: string) => ({ type: 'message', text });

/**
 * A Teams outgoing webhook: `@Solmu discussed @Aino @Eero yesterday …` in a channel. Verified by
 * {@link TeamsSignatureGuard} first; the answer goes in the HTTP response, within Teams' 5 seconds.
 * The sender is known by their Entra object id (`externalIds.teams`) or Teams user id
 * (`teamsUser`); mentions carry only Teams user ids.
 */
@ApiExcludeController()
@SignedByPlatform()
@UseGuards(TeamsSignatureGuard)
@Controller('integrations/teams/:integrationId')
export class TeamsController {
  constructor(
    private readonly chat: ChatInteractions,
    private readonly links: ChatLinks,
    private readonly config: SolmuConfig,
  ) {}

  @Post('messages')
  @HttpCode(200)
  async message(@Req() request: VerifiedRequest) {
    const integration = request.integration!;
    const activity = (request.body ?? {}) as TeamsActivity;
    const tokens = teamsTokens(activity);
    const first = tokens.length === 1 && tokens[0].type === 'word' ? tokens[0].text.toLocaleLowerCase('fi') : tokens.length === 0 ? 'help' : '';
    const aad = activity.from?.aadObjectId;
    const teamsUser = activity.from?.id;
    if (first === 'help' || first === 'apua') return reply(helpReply('@Solmu', this.chat.kinds()));
    if (first === 'link' || first === 'linkitä') {
      if (!aad) return reply('Nothing was linked:\n• from.aadObjectId: Teams did not say who you are');
      const { token } = await this.links.offer(integration.id, 'teams', aad, { teamsUserId: teamsUser, displayName: activity.from?.name });
      return reply(`Open this link in your browser, signed in to Solmu, to link your Teams user to your member record (it works once, for 30 minutes): ${this.config.publicUrl}/api/integrations/links/teams/${integration.id}/${token}`);
    }
    const scheme: IdentityScheme = {
      platform: 'teams',
      sender: [...(aad ? [{ platform: 'teams' as const, id: aad }] : []), ...(teamsUser ? [{ platform: 'teamsUser' as const, id: teamsUser }] : [])],
      mention: (id) => ({ platform: 'teamsUser', id }),
    };
    // The activity id is unique per message: a redelivered message lands on the same event.
    const outcome = await this.chat.log(integration, tokens, scheme, `message:${activity.id ?? String(request.id)}`, String(request.id));
    return reply(outcome.text);
  }
}
