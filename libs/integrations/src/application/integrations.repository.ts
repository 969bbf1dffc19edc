import { Inject, Injectable } from '@nestjs/common';
import { AggregateRepository, EVENT_STORE, EventStore } from '@solmu/event-store';
import { evolveIntegrations, initialIntegrations, NetworkIntegrations } from '../core/integration.decider';
import { IntegrationEvent, INTEGRATION_EVENT_VERSIONS } from '../core/integration.events';

/** A network's integrations, folded from `integrations-<networkId>` (cached: every chat request reads them). */
@Injectable()
export class IntegrationsRepository extends AggregateRepository<NetworkIntegrations, IntegrationEvent> {
  constructor(@Inject(EVENT_STORE) store: EventStore) {
    super(store, { initialState: initialIntegrations, evolve: evolveIntegrations, versions: INTEGRATION_EVENT_VERSIONS }, 200);
  }
}
