import { Controller, HttpCode, Inject, Logger, Post, Req, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { SolmuConfig } from '@solmu/config';
import { ChatLinks, helpReply, IdentityScheme, ParsedLog, ResolvedIntegration, resolveChatLog, slackIdentity, slackTokens } from '@solmu/integrations';
import { Clock, CLOCK } from '@solmu/kernel';
import { SignedByPlatform } from '../auth/principal.decorator';
import { ChatInteractions } from './chat-interactions';
import { SlackSignatureGuard, VerifiedRequest } from './platform-signature.guards';
import { blockOf, LOG_MODAL_CALLBACK, logModal, modalValues } from './slack-views';
import { SlackHome } from './slack-home';
import { SlackWebApi } from './slack-web-api';

const ephemeral = (text: string) => ({ response_type: 'ephemeral', text });

/** How Slack users become members: `<team>:<user>` in `externalIds.slack`. */
function slackScheme(teamId: string, userId: string): IdentityScheme {
  return { platform: 'slack', sender: [{ platform: 'slack', id: slackIdentity(teamId, userId) }], mention: (id) => ({ platform: 'slack', id: slackIdentity(teamId, id) }) };
}

/**
 * Slack's three request URLs. Each request is verified by {@link SlackSignatureGuard} first; form
 * bodies are parsed here, from the verified raw bytes. Answers come within Slack's 3 seconds, in
 * the HTTP response (Web API calls only where Slack needs them: modals, App Home, replies to mentions).
 */
@ApiExcludeController()
@SignedByPlatform()
@UseGuards(SlackSignatureGuard)
@Controller('integrations/slack/:integrationId')
export class SlackController {
  private readonly logger = new Logger('Slack');

  constructor(
    private readonly chat: ChatInteractions,
    private readonly links: ChatLinks,
    private readonly slack: SlackWebApi,
    private readonly home: SlackHome,
    private readonly config: SolmuConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** `/solmu …`: log, `link`, `help`, or (alone, with a bot token) the modal. */
  @Post('commands')
  @HttpCode(200)
  async command(@Req() request: VerifiedRequest) {
    const integration = request.integration!;
    const form = new URLSearchParams((request.rawBody ?? Buffer.alloc(0)).toString('utf8'));
    const [teamId, userId, text, command] = ['team_id', 'user_id', 'text', 'command'].map((k) => form.get(k) ?? '');
    const word = text.trim().toLocaleLowerCase('fi');
    const name = command || '/solmu';
    if (word === 'link' || word === 'linkitä') return ephemeral(await this.linkText(integration, slackIdentity(teamId, userId), form.get('user_name') ?? undefined, name));
    if (word === 'help' || word === 'apua') return ephemeral(helpReply(name, this.chat.kinds()));
    if (word === '') {
      if (!integration.botToken) return ephemeral(helpReply(name, this.chat.kinds()));
      const opened = await this.slack.viewsOpen(integration.botToken, form.get('trigger_id') ?? '', logModal(await this.chat.today(integration.networkId)));
      return opened.ok ? '' : ephemeral(helpReply(name, this.chat.kinds()));
    }
    // trigger_id is unique per invocation: a replayed or repeated delivery lands on the same event.
    const outcome = await this.chat.log(integration, slackTokens(text), slackScheme(teamId, userId), `command:${form.get('trigger_id') ?? ''}`, String(request.id));
    return ephemeral(outcome.text);
  }

  /** Modal submissions (logged once per view, however often Slack retries) and button clicks. */
  @Post('interactivity')
  @HttpCode(200)
  async interactivity(@Req() request: VerifiedRequest) {
    const integration = request.integration!;
    const form = new URLSearchParams((request.rawBody ?? Buffer.alloc(0)).toString('utf8'));
    let payload: SlackInteraction;
    try {
      payload = JSON.parse(form.get('payload') ?? '') as SlackInteraction;
    } catch {
      return { response_action: 'errors', errors: { kind: 'Solmu could not read this request' } };
    }
    if (payload.type !== 'view_submission' || payload.view?.callback_id !== LOG_MODAL_CALLBACK) return '';
    const teamId = payload.team?.id ?? payload.user?.team_id ?? '';
    const values = modalValues(payload.view.state?.values);
    const scheme = slackScheme(teamId, payload.user?.id ?? '');
    const today = await this.chat.today(integration.networkId);
    if (!values.kind) return { response_action: 'errors', errors: { kind: 'kind: is required' } };
    // The kind is checked by the domain like any API request (a refusal names `kind`).
    const resolved = resolveChatLog({ kind: values.kind as ParsedLog['kind'], mentions: values.participants, date: values.date, note: values.note }, await this.chat.members(integration.networkId), scheme, today, this.clock.now());
    if (!resolved.ok) return { response_action: 'errors', errors: errorsByBlock(resolved.problems) };
    const outcome = await this.chat.send(integration, 'slack', resolved.sender.id, resolved.input, resolved.names, `view:${payload.view.id ?? ''}`, String(request.id));
    if (!outcome.ok) return { response_action: 'errors', errors: errorsByBlock(outcome.problems) };
    return { response_action: 'clear' };
  }

  /** The Events API: the URL check, mentions of the bot, and App Home. */
  @Post('events')
  @HttpCode(200)
  async events(@Req() request: VerifiedRequest) {
    const integration = request.integration!;
    const body = (request.body ?? {}) as SlackEventEnvelope;
    if (body.type === 'url_verification') return { challenge: body.challenge };
    if (body.type !== 'event_callback' || !body.event) return {};
    const { event } = body;
    const teamId = body.team_id ?? '';
    if (event.type === 'app_mention' && event.user && event.text) {
      // The first mention is the bot itself. The event id is the idempotency key: Slack's retries
      // (X-Slack-Retry-Num) carry the same event_id, so they land on the same event in the store.
      const tokens = slackTokens(event.text);
      if (tokens[0]?.type === 'mention') tokens.shift();
      const outcome = await this.chat.log(integration, tokens, slackScheme(teamId, event.user), `event:${body.event_id ?? ''}`, String(request.id));
      if (integration.botToken && event.channel) void this.slack.postEphemeral(integration.botToken, event.channel, event.user, outcome.text);
      return {};
    }
    if (event.type === 'app_home_opened' && event.user && integration.botToken) {
      // Published after answering, so Slack gets its answer at once.
      void this.home.publish(integration, teamId, event.user).catch((error: Error) => this.logger.warn(`App Home: ${error.message}`));
    }
    return {};
  }

  private async linkText(integration: ResolvedIntegration, identity: string, displayName: string | undefined, command: string): Promise<string> {
    const { token, expiresAt } = await this.links.offer(integration.id, 'slack', identity, { displayName });
    const url = `${this.config.publicUrl}/api/integrations/links/slack/${integration.id}/${token}`;
    return `Open this link in your browser, signed in to Solmu, to link your Slack user to your member record (it works once, until ${expiresAt.slice(11, 16)} UTC): ${url}\nThen log with ${command} <kind> @someone.`;
  }
}

function errorsByBlock(problems: { field: string; problem: string }[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const { field, problem } of problems) {
    const block = blockOf(field);
    errors[block] = errors[block] ? `${errors[block]}; ${field}: ${problem}` : `${field}: ${problem}`;
  }
  return errors;
}

interface SlackInteraction {
  type?: string;
  team?: { id?: string };
  user?: { id?: string; team_id?: string };
  view?: { id?: string; callback_id?: string; state?: { values?: Parameters<typeof modalValues>[0] } };
}

interface SlackEventEnvelope {
  type?: string;
  challenge?: string;
  team_id?: string;
  event_id?: string;
  event?: { type?: string; user?: string; text?: string; channel?: string; tab?: string };
}
