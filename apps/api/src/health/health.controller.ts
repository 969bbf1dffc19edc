import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { EVENT_STORE, EventStore } from '@solmu/event-store';
import { SolmuConfig } from '@solmu/config';
import { ProjectionRunner } from '@solmu/projections';
import { Public } from '../auth/principal.decorator';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly config: SolmuConfig,
    private readonly runner: ProjectionRunner,
  ) {}

  /**
   * Readiness and the store in use: 200 while the store can be read; while its database cannot be
   * reached, 503 `store_unavailable` with Retry-After (from the problem filter), so a load balancer
   * takes this instance out until the database is back, and puts it back by itself.
   */
  @Get()
  @Public()
  async health() {
    const head = await this.store.headPosition();
    return {
      status: 'ok',
      store: this.config.eventStore.kind,
      headPosition: head ?? null,
      projectedPosition: this.runner.checkpoint ?? null,
    };
  }
}
