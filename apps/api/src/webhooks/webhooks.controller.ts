import { BadRequestException, Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { Principal, ValidationFailed } from '@solmu/kernel';
import { Webhooks } from '@solmu/webhooks';
import { CurrentPrincipal } from '../auth/principal.decorator';
import { problem } from '../http/problem';
import { CreateWebhookRequest, ListDeliveriesParams } from './webhooks.dto';

/**
 * Coordinators' webhooks: other systems hear what happened in the network. The signing secret is
 * shown when a webhook is made or its secret rotated, never again.
 */
@ApiTags('webhooks')
@Controller('networks/:networkId/webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: Webhooks) {}

  @Post()
  @ApiCreatedResponse({ description: 'The webhook, with its signing secret (whsec_…) shown this once.' })
  async create(@Param('networkId') networkId: string, @Body() body: CreateWebhookRequest, @CurrentPrincipal() principal: Principal) {
    try {
      return await this.webhooks.create(networkId, body, principal);
    } catch (error) {
      // A receiver we will not call is a bad request like a malformed URL: 400 naming `url`.
      if (error instanceof ValidationFailed && error.code === 'webhook_target_refused') throw new BadRequestException(problem(400, error.code, error.problems));
      throw error;
    }
  }

  @Get()
  async list(@Param('networkId') networkId: string, @CurrentPrincipal() principal: Principal) {
    return { items: await this.webhooks.list(networkId, principal) };
  }

  @Delete(':webhookId')
  @HttpCode(204)
  async remove(@Param('networkId') networkId: string, @Param('webhookId') webhookId: string, @CurrentPrincipal() principal: Principal): Promise<void> {
    await this.webhooks.remove(networkId, webhookId, principal);
  }

  @Post(':webhookId/rotate-secret')
  @HttpCode(200)
  rotateSecret(@Param('networkId') networkId: string, @Param('webhookId') webhookId: string, @CurrentPrincipal() principal: Principal) {
    return this.webhooks.rotateSecret(networkId, webhookId, principal);
  }

  @Get(':webhookId/deliveries')
  deliveries(@Param('networkId') networkId: string, @Param('webhookId') webhookId: string, @Query() params: ListDeliveriesParams, @CurrentPrincipal() principal: Principal) {
    return this.webhooks.deliveries(networkId, webhookId, params.limit, params.cursor, principal);
  }

  @Post(':webhookId/deliveries/:deliveryId/redeliver')
  @HttpCode(202)
  @ApiAcceptedResponse({ description: 'The delivery is due again now (retried for another day); a disabled webhook is switched back on.' })
  async redeliver(@Param('networkId') networkId: string, @Param('webhookId') webhookId: string, @Param('deliveryId') deliveryId: string, @CurrentPrincipal() principal: Principal): Promise<void> {
    await this.webhooks.redeliver(networkId, webhookId, deliveryId, principal);
  }
}
