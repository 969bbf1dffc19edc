import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import type { CommandContext, Principal } from '@solmu/kernel';
import { CurrentPrincipal } from '../auth/principal.decorator';
import { ChangeNetworkSettingsCommand, FoundNetworkCommand } from '@solmu/network';
import { GetNetworkQuery, ListNetworksQuery } from '@solmu/projections';
import { RequestContext } from '../http/command-context';
import { ChangeNetworkSettingsRequest, FoundNetworkRequest } from './networks.dto';

@ApiTags('networks')
@Controller('networks')
export class NetworksController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @ApiCreatedResponse({ description: 'The network was founded; the answer carries its id.' })
  found(@Body() body: FoundNetworkRequest, @RequestContext() context: CommandContext) {
    return this.commands.execute(new FoundNetworkCommand(body, context));
  }

  @Get()
  list(@CurrentPrincipal() principal: Principal) {
    return this.queries.execute(new ListNetworksQuery(principal));
  }

  @Get(':networkId')
  @ApiNotFoundResponse({ description: 'No such network.' })
  get(@Param('networkId') networkId: string, @CurrentPrincipal() principal: Principal) {
    return this.queries.execute(new GetNetworkQuery(networkId, principal));
  }

  @Patch(':networkId/settings')
  changeSettings(@Param('networkId') networkId: string, @Body() body: ChangeNetworkSettingsRequest, @RequestContext() context: CommandContext) {
    return this.commands.execute(new ChangeNetworkSettingsCommand(networkId, body, context));
  }
}
