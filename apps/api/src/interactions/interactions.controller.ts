import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiHeader, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { CommandContext, Principal } from '@solmu/kernel';
import { CurrentPrincipal } from '../auth/principal.decorator';
import { CorrectInteractionCommand, LogInteractionCommand, RetractInteractionCommand } from '@solmu/network';
import { GetInteractionQuery, ListInteractionsQuery } from '@solmu/projections';
import { RequestContext } from '../http/command-context';
import { CorrectInteractionRequest, InteractionDetailsRequest, ListInteractionsParams, RetractInteractionRequest } from './interactions.dto';

@ApiTags('interactions')
@Controller('networks/:networkId/interactions')
export class InteractionsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Retry safely: the same key and body give the same answer and one event' })
  @ApiUnprocessableEntityResponse({ description: 'A rule is broken (participant not a member on that date, future date…) or the key was used with another body' })
  log(@Param('networkId') networkId: string, @Body() body: InteractionDetailsRequest, @RequestContext() context: CommandContext) {
    return this.commands.execute(new LogInteractionCommand(networkId, body, context));
  }

  @Get()
  list(@Param('networkId') networkId: string, @Query() params: ListInteractionsParams, @CurrentPrincipal() principal: Principal) {
    // from/to go as typed: the query reads them in the network's time zone.
    const { limit, cursor, ...filter } = params;
    return this.queries.execute(new ListInteractionsQuery(networkId, filter, limit, cursor, principal));
  }

  @Get(':interactionId')
  get(@Param('networkId') networkId: string, @Param('interactionId') interactionId: string, @CurrentPrincipal() principal: Principal) {
    return this.queries.execute(new GetInteractionQuery(networkId, interactionId, principal));
  }

  @Post(':interactionId/correct')
  @HttpCode(200)
  correct(
    @Param('networkId') networkId: string,
    @Param('interactionId') interactionId: string,
    @Body() { reason, ...details }: CorrectInteractionRequest,
    @RequestContext() context: CommandContext,
  ) {
    return this.commands.execute(new CorrectInteractionCommand(networkId, interactionId, details, reason, context));
  }

  @Post(':interactionId/retract')
  @HttpCode(200)
  retract(
    @Param('networkId') networkId: string,
    @Param('interactionId') interactionId: string,
    @Body() body: RetractInteractionRequest,
    @RequestContext() context: CommandContext,
  ) {
    return this.commands.execute(new RetractInteractionCommand(networkId, interactionId, body?.reason, context));
  }
}
