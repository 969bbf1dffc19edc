import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { CommandContext, Principal } from '@solmu/kernel';
import { CurrentPrincipal } from '../auth/principal.decorator';
import { ChangeMemberProfileCommand, EraseMemberCommand, JoinNetworkCommand, LeaveNetworkCommand } from '@solmu/network';
import { ExportMemberDataQuery, GetMemberQuery, ListMembersQuery } from '@solmu/projections';
import { RequestContext } from '../http/command-context';
import { ChangeMemberProfileRequest, JoinNetworkRequest, LeaveNetworkRequest } from './members.dto';

@ApiTags('members')
@Controller('networks/:networkId/members')
export class MembersController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  join(@Param('networkId') networkId: string, @Body() body: JoinNetworkRequest, @RequestContext() context: CommandContext) {
    return this.commands.execute(new JoinNetworkCommand(networkId, body, context));
  }

  @Get()
  list(@Param('networkId') networkId: string, @CurrentPrincipal() principal: Principal) {
    return this.queries.execute(new ListMembersQuery(networkId, principal));
  }

  @Get(':memberId')
  get(@Param('networkId') networkId: string, @Param('memberId') memberId: string, @CurrentPrincipal() principal: Principal) {
    return this.queries.execute(new GetMemberQuery(networkId, memberId, principal));
  }

  @Patch(':memberId')
  change(
    @Param('networkId') networkId: string,
    @Param('memberId') memberId: string,
    @Body() body: ChangeMemberProfileRequest,
    @RequestContext() context: CommandContext,
  ) {
    return this.commands.execute(new ChangeMemberProfileCommand(networkId, memberId, body, context));
  }

  /** Everything Solmu holds about the member, as JSON (GDPR right of access). */
  @Get(':memberId/export')
  export(@Param('networkId') networkId: string, @Param('memberId') memberId: string, @CurrentPrincipal() principal: Principal) {
    return this.queries.execute(new ExportMemberDataQuery(networkId, memberId, principal));
  }

  /** Erase the member's personal data (GDPR): name, email and notes become unreadable; the structure stays. */
  @Post(':memberId/erase')
  @HttpCode(200)
  erase(@Param('networkId') networkId: string, @Param('memberId') memberId: string, @RequestContext() context: CommandContext) {
    return this.commands.execute(new EraseMemberCommand(networkId, memberId, context));
  }

  @Post(':memberId/leave')
  @HttpCode(200)
  leave(
    @Param('networkId') networkId: string,
    @Param('memberId') memberId: string,
    @Body() body: LeaveNetworkRequest,
    @RequestContext() context: CommandContext,
  ) {
    return this.commands.execute(new LeaveNetworkCommand(networkId, memberId, body?.leftAt, context));
  }
}
