import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { CommandContext, Principal } from '@solmu/kernel';
import { CurrentPrincipal } from '../auth/principal.decorator';
import { RecordInterventionCommand } from '@solmu/network';
import { ListInterventionsQuery } from '@solmu/projections';
import { RequestContext } from '../http/command-context';
import { RecordInterventionRequest } from './interventions.dto';

@ApiTags('interventions')
@Controller('networks/:networkId/interventions')
export class InterventionsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  /** Record a workshop, a matchmaking round or another development action; the timeline marks it. */
  @Post()
  record(@Param('networkId') networkId: string, @Body() body: RecordInterventionRequest, @RequestContext() context: CommandContext) {
    return this.commands.execute(new RecordInterventionCommand(networkId, body, context));
  }

  @Get()
  list(@Param('networkId') networkId: string, @CurrentPrincipal() principal: Principal) {
    return this.queries.execute(new ListInterventionsQuery(networkId, principal));
  }
}
