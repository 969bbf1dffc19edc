import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { ListNetworkEventsQuery } from '@solmu/projections';
import { ListEventsParams } from '../interactions/interactions.dto';

@ApiTags('events')
@Controller('networks/:networkId/events')
export class NetworkEventsController {
  constructor(private readonly queries: QueryBus) {}

  /** The raw history of a network, oldest first, in pages. */
  @Get()
  async list(@Param('networkId') networkId: string, @Query() { after, limit }: ListEventsParams) {
    const page = await this.queries.execute(new ListNetworkEventsQuery(networkId, after, limit));
    return {
      events: page.events.map(({ recordedAt, ...event }) => ({ ...event, recordedAt: recordedAt.toISOString() })),
      ...(page.nextAfter !== undefined && { nextAfter: page.nextAfter }),
    };
  }
}
