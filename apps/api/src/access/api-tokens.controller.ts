import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiTokens } from '@solmu/identity';
import { actorOf, Principal } from '@solmu/kernel';
import { ReadAccess } from '@solmu/projections';
import { CurrentPrincipal } from '../auth/principal.decorator';
import { CreateApiTokenRequest } from './access.dto';

/** API tokens for integrations and scripts: one network, limited scopes, shown once. Coordinators only. */
@ApiTags('access')
@Controller('networks/:networkId/tokens')
export class ApiTokensController {
  constructor(
    private readonly tokens: ApiTokens,
    private readonly access: ReadAccess,
  ) {}

  @Post()
  async create(@Param('networkId') networkId: string, @Body() { name, scopes }: CreateApiTokenRequest, @CurrentPrincipal() principal: Principal) {
    await this.access.to(networkId, principal, 'network:manage');
    const { token, apiToken } = await this.tokens.create({ networkId, name, scopes, createdBy: actorOf(principal) });
    return { token, ...apiToken };
  }

  @Get()
  async list(@Param('networkId') networkId: string, @CurrentPrincipal() principal: Principal) {
    await this.access.to(networkId, principal, 'network:manage');
    return this.tokens.list(networkId);
  }

  @Delete(':tokenId')
  @HttpCode(200)
  async revoke(@Param('networkId') networkId: string, @Param('tokenId') tokenId: string, @CurrentPrincipal() principal: Principal) {
    await this.access.to(networkId, principal, 'network:manage');
    await this.tokens.revoke(networkId, tokenId);
    return { revoked: true };
  }
}
