import { Inject, Injectable } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  calendarDate,
  ChatMember,
  ChatToken,
  IdentityScheme,
  kindHelp,
  loggedReply,
  parseLog,
  problemsReply,
  resolveChatLog,
  ResolvedIntegration,
  senderOf,
} from '@solmu/integrations';
import { Clock, CLOCK, DomainError, FieldProblem, Principal } from '@solmu/kernel';
import { InteractionView, LEGACY_TIME_ZONE, LogInteractionCommand } from '@solmu/network';
import { GetNetworkQuery, ListMembersQuery } from '@solmu/projections';
import { createHash } from 'node:crypto';

export type ChatOutcome = { ok: true; text: string; interaction: InteractionView } | { ok: false; text: string; problems: FieldProblem[] };

/** Reads members with their chat identities: the integration's signed request is the authority here. */
const INTEGRATION_READER: Principal = { kind: 'system', name: 'integrations' };

/**
 * What Slack and Teams share once a request is verified: who the sender and the mentioned people
 * are, and logging through the same LogInteractionCommand as the HTTP API, with the platform as
 * source and the sender (as a chat principal) as actor.
 */
@Injectable()
export class ChatInteractions {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async members(networkId: string): Promise<ChatMember[]> {
    return this.queries.execute(new ListMembersQuery(networkId, INTEGRATION_READER));
  }

  async sender(integration: ResolvedIntegration, scheme: IdentityScheme): Promise<ChatMember | undefined> {
    return senderOf(await this.members(integration.networkId), scheme);
  }

  /** Today in the network's own time zone, as the API reads a date typed without a time. */
  async today(networkId: string): Promise<string> {
    const network = await this.queries.execute(new GetNetworkQuery(networkId, INTEGRATION_READER));
    return calendarDate(this.clock.now(), network.settings.timeZone ?? LEGACY_TIME_ZONE);
  }

  kinds(): string {
    return kindHelp();
  }

  /**
   * Parses and logs. `idempotencyKey` comes from the platform's own id of the message (Slack's
   * event_id, trigger_id or view id; Teams' activity id), so a retry lands on the same event.
   */
  async log(integration: ResolvedIntegration, tokens: readonly ChatToken[], scheme: IdentityScheme, idempotencyKey: string, correlationId: string): Promise<ChatOutcome> {
    const today = await this.today(integration.networkId);
    const parsed = parseLog(tokens, today);
    if (!parsed.ok) return { ok: false, text: problemsReply(parsed.problems), problems: parsed.problems };
    const resolved = resolveChatLog(parsed.log, await this.members(integration.networkId), scheme, today, this.clock.now());
    if (!resolved.ok) return { ok: false, text: problemsReply(resolved.problems), problems: resolved.problems };
    const { input, sender, names } = resolved;
    return this.send(integration, scheme.platform, sender.id, input, names, idempotencyKey, correlationId);
  }

  /** Sends the API's command for an already resolved input (the Slack modal resolves its own). */
  async send(
    integration: ResolvedIntegration,
    platform: 'slack' | 'teams',
    senderId: string,
    input: LogInteractionCommand['details'],
    names: ReadonlyMap<string, string>,
    idempotencyKey: string,
    correlationId: string,
  ): Promise<ChatOutcome> {
    const requestHash = createHash('sha256').update(JSON.stringify([input.kind, input.participants, input.occurredAt.slice(0, 10), input.note ?? ''])).digest('base64url');
    try {
      const interaction = await this.commands.execute(
        new LogInteractionCommand(integration.networkId, input, {
          principal: { kind: 'chat', platform, networkId: integration.networkId, memberId: senderId },
          source: platform,
          correlationId,
          idempotencyKey: `${platform}:${integration.id}:${idempotencyKey}`,
          requestHash,
        }),
      );
      return { ok: true, interaction, text: loggedReply(interaction, names) };
    } catch (error) {
      if (error instanceof DomainError) {
        const problems = error.problems.length ? error.problems : [{ field: 'participants', problem: error.message }];
        return { ok: false, text: problemsReply(error.problems, error.message), problems };
      }
      throw error;
    }
  }
}
