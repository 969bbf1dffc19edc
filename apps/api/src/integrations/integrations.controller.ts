import { Body, Controller, Delete, Get, Header, HttpCode, Param, Post, UnprocessableEntityException } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { SolmuConfig } from '@solmu/config';
import { Integrations, IntegrationView, slackManifest } from '@solmu/integrations';
import type { Principal } from '@solmu/kernel';
import { CurrentPrincipal } from '../auth/principal.decorator';
import { problem } from '../http/problem';
import { ConnectIntegrationRequest, IntegrationSecretsRequest } from './integrations.dto';

/** The request URLs to paste into Slack or Teams. */
function requestUrls(publicUrl: string, integration: IntegrationView): Record<string, string> {
  const base = `${publicUrl}/api/integrations/${integration.kind}/${integration.id}`;
  return integration.kind === 'slack'
    ? { commands: `${base}/commands`, interactivity: `${base}/interactivity`, events: `${base}/events` }
    : { messages: `${base}/messages` };
}

/**
 * Coordinators connect Slack workspaces and Teams outgoing webhooks to their network, list them,
 * rotate their secrets and remove them. Secrets go in and never come back out.
 */
@ApiTags('integrations')
@Controller('networks/:networkId/integrations')
export class IntegrationsController {
  constructor(
    private readonly integrations: Integrations,
    private readonly config: SolmuConfig,
  ) {}

  @Post()
  async connect(@Param('networkId') networkId: string, @Body() body: ConnectIntegrationRequest, @CurrentPrincipal() principal: Principal) {
    return this.withUrls(await this.integrations.connect(networkId, body, principal));
  }

  @Get()
  async list(@Param('networkId') networkId: string, @CurrentPrincipal() principal: Principal) {
    return (await this.integrations.list(networkId, principal)).map((i) => this.withUrls(i));
  }

  @Get(':integrationId')
  async get(@Param('networkId') networkId: string, @Param('integrationId') integrationId: string, @CurrentPrincipal() principal: Principal) {
    return this.withUrls(await this.integrations.get(networkId, integrationId, principal));
  }

  /** The Slack app manifest with this integration's URLs: "Create New App → From an app manifest". */
  @Get(':integrationId/manifest')
  @Header('content-disposition', 'attachment; filename="solmu-slack-manifest.json"')
  async manifest(@Param('networkId') networkId: string, @Param('integrationId') integrationId: string, @CurrentPrincipal() principal: Principal) {
    const integration = await this.integrations.get(networkId, integrationId, principal);
    if (integration.kind !== 'slack') {
      throw new UnprocessableEntityException(problem(422, 'not_slack', [{ field: 'integrationId', problem: 'is a Teams integration; manifests are for Slack apps' }]));
    }
    const urls = requestUrls(this.config.publicUrl, integration);
    return slackManifest({ commands: urls.commands, interactivity: urls.interactivity, events: urls.events });
  }

  @Post(':integrationId/rotate')
  @HttpCode(200)
  async rotate(@Param('networkId') networkId: string, @Param('integrationId') integrationId: string, @Body() body: IntegrationSecretsRequest, @CurrentPrincipal() principal: Principal) {
    return this.withUrls(await this.integrations.rotate(networkId, integrationId, body, principal));
  }

  @Delete(':integrationId')
  @HttpCode(204)
  async remove(@Param('networkId') networkId: string, @Param('integrationId') integrationId: string, @CurrentPrincipal() principal: Principal): Promise<void> {
    await this.integrations.remove(networkId, integrationId, principal);
  }

  private withUrls(integration: IntegrationView) {
    return {
      ...integration,
      requestUrls: requestUrls(this.config.publicUrl, integration),
      ...(integration.kind === 'slack' && { manifestUrl: `${this.config.publicUrl}/api/networks/${integration.networkId}/integrations/${integration.id}/manifest` }),
    };
  }
}
