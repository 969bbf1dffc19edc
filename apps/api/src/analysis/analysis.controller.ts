import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Principal } from '@solmu/kernel';
import {
  ExportGraphQuery,
  GetEgoNetworkQuery,
  GetGraphQuery,
  GetInterventionEffectQuery,
  GetPictureStepsQuery,
  GetTieHistoryQuery,
  GetTimelineQuery,
  GetTipsQuery,
} from '@solmu/projections';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal } from '../auth/principal.decorator';
import { AtParams, ExportParams, GraphParams, InterventionEffectParams, PictureStepsParams, TimelineParams } from './analysis.dto';

/**
 * The network picture and its development: the graph at any date, the timeline with phases,
 * a member's own network, tips, one tie's history, and exports for Gephi and spreadsheets.
 */
@ApiTags('analysis')
@Controller('networks/:networkId')
export class AnalysisController {
  constructor(private readonly queries: QueryBus) {}

  @Get('graph')
  async graph(@Param('networkId') networkId: string, @Query() params: GraphParams, @CurrentPrincipal() principal: Principal) {
    const { provenance, ...at } = params;
    const snapshot = await this.queries.execute(new GetGraphQuery(networkId, at, principal));
    // Left out here, at the edge: the analysis is the same either way, only the answer is smaller.
    return provenance === 'false' ? { ...snapshot, ties: snapshot.ties.map(({ interactionIds: _provenance, ...tie }) => tie) } : snapshot;
  }

  /**
   * The picture at every stop of the time slider (each week's or month's end, and now) in one compact
   * answer: members and ties listed once, frames by index, ties as changes from the frame before.
   */
  @Get('graph/steps')
  steps(@Param('networkId') networkId: string, @Query() params: PictureStepsParams, @CurrentPrincipal() principal: Principal) {
    return this.queries.execute(new GetPictureStepsQuery(networkId, params, principal));
  }

  @Get('timeline')
  timeline(@Param('networkId') networkId: string, @Query() params: TimelineParams, @CurrentPrincipal() principal: Principal) {
    return this.queries.execute(new GetTimelineQuery(networkId, params, principal));
  }

  /** The member's own network, closest first: the "draw your own network" exercise. */
  @Get('members/:memberId/ego')
  ego(@Param('networkId') networkId: string, @Param('memberId') memberId: string, @Query() params: AtParams, @CurrentPrincipal() principal: Principal) {
    return this.queries.execute(new GetEgoNetworkQuery(networkId, memberId, params, principal));
  }

  @Get('tips')
  tips(@Param('networkId') networkId: string, @Query() params: AtParams, @CurrentPrincipal() principal: Principal) {
    return this.queries.execute(new GetTipsQuery(networkId, params, principal));
  }

  @Get('ties/:a/:b')
  tie(@Param('networkId') networkId: string, @Param('a') a: string, @Param('b') b: string, @CurrentPrincipal() principal: Principal) {
    return this.queries.execute(new GetTieHistoryQuery(networkId, a, b, principal));
  }

  @Get('interventions/:interventionId/effect')
  effect(@Param('networkId') networkId: string, @Param('interventionId') interventionId: string, @Query() params: InterventionEffectParams, @CurrentPrincipal() principal: Principal) {
    return this.queries.execute(new GetInterventionEffectQuery(networkId, interventionId, params, principal));
  }

  /**
   * `?format=graphml|nodes.csv|edges.csv` at a date, or `gexf` for the whole history (dynamic). The
   * body streams from the analysis worker as it is written.
   */
  @Get('export')
  async export(@Param('networkId') networkId: string, @Query() { format, ...at }: ExportParams, @CurrentPrincipal() principal: Principal, @Res() reply: FastifyReply) {
    const file = await this.queries.execute(new ExportGraphQuery(networkId, format, at, principal));
    void reply.header('content-type', file.contentType).header('content-disposition', `attachment; filename="${file.filename}"`).send(file.body);
  }
}
