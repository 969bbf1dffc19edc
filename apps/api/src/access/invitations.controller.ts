import { Body, Controller, ForbiddenException, Get, NotFoundException, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { SolmuConfig } from '@solmu/config';
import { Invitations } from '@solmu/identity';
import { actorOf, CommandContext, Principal } from '@solmu/kernel';
import { LinkMemberAccountCommand } from '@solmu/network';
import { NetworkDirectory, ReadAccess } from '@solmu/projections';
import { AcceptInvitationRequest } from '../auth/auth.dto';
import { CurrentPrincipal } from '../auth/principal.decorator';
import { RequestContext } from '../http/command-context';
import { problem } from '../http/problem';

/**
 * Coordinators invite a member record; the person who opens the link, signed in, becomes that
 * member. One account can be a member of several networks this way.
 */
@ApiTags('access')
@Controller()
export class InvitationsController {
  constructor(
    private readonly invitations: Invitations,
    private readonly access: ReadAccess,
    private readonly directory: NetworkDirectory,
    private readonly commands: CommandBus,
    private readonly config: SolmuConfig,
  ) {}

  @Post('networks/:networkId/members/:memberId/invitations')
  async invite(@Param('networkId') networkId: string, @Param('memberId') memberId: string, @CurrentPrincipal() principal: Principal) {
    await this.access.to(networkId, principal, 'members:manage');
    const member = this.directory.member(networkId, memberId);
    if (!member) throw new NotFoundException(problem(404, 'member_not_found', [], `member ${memberId} was not found`));
    const { token, invitation } = await this.invitations.create({ networkId, memberId, email: member.email, createdBy: actorOf(principal) });
    return { token, link: `${this.config.publicUrl}/invitations/accept?token=${encodeURIComponent(token)}`, ...invitation };
  }

  @Get('networks/:networkId/invitations')
  async list(@Param('networkId') networkId: string, @CurrentPrincipal() principal: Principal) {
    await this.access.to(networkId, principal, 'members:manage');
    return this.invitations.list(networkId);
  }

  /** The signed-in person accepts: their account becomes the invited member. */
  @Post('invitations/accept')
  async accept(@Body() { token }: AcceptInvitationRequest, @RequestContext() context: CommandContext) {
    const { principal } = context;
    if (principal.kind !== 'account') throw new ForbiddenException(problem(403, 'forbidden', [], 'sign in as a person to accept an invitation'));
    const accepted = await this.invitations.accept(token, principal.accountId);
    const member = await this.commands.execute(new LinkMemberAccountCommand(accepted.networkId, accepted.memberId, principal.accountId, context, true));
    return { networkId: accepted.networkId, member };
  }
}
