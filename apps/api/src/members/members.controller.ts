import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@solmu/kernel';
import { ChangeMemberProfileCommand, JoinNetworkCommand, LeaveNetworkCommand } from '@solmu/network';
import { GetMemberQuery, ListMembersQuery } from '@solmu/projections';
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
  list(@Param('networkId') networkId: string) {
    return this.queries.execute(new ListMembersQuery(networkId));
  }

  @Get(':memberId')
  get(@Param('networkId') networkId: string, @Param('memberId') memberId: string) {
    return this.queries.execute(new GetMemberQuery(networkId, memberId));
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
