import { Controller, Get, Header, Param, Post, BadRequestException } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { ChatLinks, IntegrationKind } from '@solmu/integrations';
import type { CommandContext } from '@solmu/kernel';
import { LinkExternalIdentityCommand, MemberView } from '@solmu/network';
import { Public } from '../auth/principal.decorator';
import { RequestContext } from '../http/command-context';
import { problem } from '../http/problem';
import { linkPage } from './link-page';

function kindOf(kind: string): IntegrationKind {
  if (kind !== 'slack' && kind !== 'teams') throw new BadRequestException(problem(400, 'invalid_request', [{ field: 'kind', problem: 'must be slack or teams' }]));
  return kind;
}

/**
 * The one-time links `/solmu link` and `@Solmu link` hand out. Opening one (GET) shows a page that
 * asks the signed-in person to confirm; confirming (POST, with the session's CSRF token like any
 * write) links that chat identity to their own member record and uses the link up. A link that
 * was forwarded to someone else therefore links nothing without their explicit click, and the
 * identity then belongs to the member who clicked: coordinators see it in the member list.
 */
@ApiTags('integrations')
@Controller('integrations/links/:kind/:integrationId/:token')
export class ChatLinksController {
  constructor(
    private readonly links: ChatLinks,
    private readonly commands: CommandBus,
  ) {}

  @Get()
  @Public()
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('cache-control', 'no-store')
  @Header('referrer-policy', 'no-referrer')
  page(@Param('kind') kind: string) {
    kindOf(kind);
    return linkPage(kind === 'slack' ? 'Slack' : 'Teams');
  }

  /** What the link would link (for the page), without using it. */
  @Get('preview')
  async preview(@Param('kind') kind: string, @Param('integrationId') integrationId: string, @Param('token') token: string) {
    const pending = await this.links.peek(integrationId, kindOf(kind), token);
    return { kind: pending.kind, networkId: pending.networkId, expiresAt: pending.expiresAt };
  }

  @Post()
  async link(@Param('kind') kind: string, @Param('integrationId') integrationId: string, @Param('token') token: string, @RequestContext() context: CommandContext): Promise<MemberView> {
    const platform = kindOf(kind);
    const pending = await this.links.peek(integrationId, platform, token);
    const identities = platform === 'slack' ? { slack: pending.externalId } : { teams: pending.externalId, ...(pending.teamsUserId && { teamsUser: pending.teamsUserId }) };
    // Link first (refused for non-members or an identity someone else holds, leaving the link usable), then use the link up.
    const member = await this.commands.execute(new LinkExternalIdentityCommand(pending.networkId, identities, { ...context, source: 'web' }, true));
    await this.links.use(integrationId, platform, token, member.id, context.principal);
    return member;
  }
}
