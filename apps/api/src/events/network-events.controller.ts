import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { ListNetworkEventsQuery } from '@solmu/projections';
import type { Principal } from '@solmu/kernel';
import { CurrentPrincipal } from '../auth/principal.decorator';
import { ListEventsParams } from '../interactions/interactions.dto';

@ApiTags('events')
@Controller('networks/:networkId/events')
export class NetworkEventsController {
  constructor(private readonly queries: QueryBus) {}

  /** The raw history of a network, oldest first, in pages. */
  @Get()
  async list(@Param('networkId') networkId: string, @Query() { after, limit }: ListEventsParams, @CurrentPrincipal() principal: Principal) {
    const page = await this.queries.execute(new ListNetworkEventsQuery(networkId, after, limit, principal));
    return {
      events: page.events.map(({ recordedAt, ...event }) => ({ ...event, recordedAt: recordedAt.toISOString() })),
      ...(page.nextAfter !== undefined && { nextAfter: page.nextAfter }),
    };
  }
}
