import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@solmu/kernel';
import { FoundNetworkCommand } from '@solmu/network';
import { GetNetworkQuery, ListNetworksQuery } from '@solmu/projections';
import { RequestContext } from '../http/command-context';
import { FoundNetworkRequest } from './networks.dto';

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
  list() {
    return this.queries.execute(new ListNetworksQuery());
  }

  @Get(':networkId')
  @ApiNotFoundResponse({ description: 'No such network.' })
  get(@Param('networkId') networkId: string) {
    return this.queries.execute(new GetNetworkQuery(networkId));
  }
}
