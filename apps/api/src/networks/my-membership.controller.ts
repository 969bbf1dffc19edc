import { Controller, Get, Param } from '@nestjs/common';
import { ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@solmu/kernel';
import { ReadAccess } from '@solmu/projections';
import { CurrentPrincipal } from '../auth/principal.decorator';

/**
 * "Who am I in this network": the caller's own member id and role. The web app needs it to put
 * the person among the participants of what they log (a member logs only what they took part in).
 */
@ApiTags('networks')
@Controller('networks/:networkId/me')
export class MyMembershipController {
  constructor(private readonly access: ReadAccess) {}

  @Get()
  @ApiNotFoundResponse({ description: 'No such network, or not one the caller can see.' })
  async me(@Param('networkId') networkId: string, @CurrentPrincipal() principal: Principal) {
    const access = await this.access.to(networkId, principal);
    return {
      networkId,
      memberId: access.memberId ?? null,
      role: access.role,
      canLogForOthers: access.can('interactions:write-any'),
      canManage: access.can('network:manage'),
      // The web app shows the analysis pages (timeline, tips) in navigation only to those who may read them.
      canReadAnalysis: access.can('analysis:read'),
    };
  }
}
