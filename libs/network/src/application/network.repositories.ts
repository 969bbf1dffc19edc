import { Inject, Injectable } from '@nestjs/common';
import { AggregateRepository, AppendContext, EVENT_STORE, EventStore } from '@solmu/event-store';
import { NotFound } from '@solmu/kernel';
import { InteractionEvent, INTERACTION_EVENT_VERSIONS } from '../domain/interaction.events';
import { evolveInteraction, initialInteractionState, InteractionState } from '../domain/interaction.decider';
import { evolveNetwork, initialNetworkState, NetworkState } from '../domain/network.decider';
import { NetworkEvent, NETWORK_EVENT_VERSIONS } from '../domain/network.events';
import { networkStream } from '../domain/streams';

/** Networks are few and read on every logged interaction, so their states are cached. */
@Injectable()
export class NetworkRepository extends AggregateRepository<NetworkState, NetworkEvent> {
  constructor(@Inject(EVENT_STORE) store: EventStore) {
    super(store, { initialState: initialNetworkState, evolve: evolveNetwork, versions: NETWORK_EVENT_VERSIONS }, 1000);
  }

  /** Loads a network that must exist. */
  async loadExisting(networkId: string) {
    const loaded = await this.load(networkStream(networkId));
    if (!loaded.state.founded) throw new NotFound('network', networkId);
    return loaded;
  }

  /** Decides on an existing network's state and appends the outcome (see {@link handle}). */
  async handleOn(networkId: string, decide: (state: NetworkState) => NetworkEvent[], context: AppendContext): Promise<NetworkState> {
    const { state } = await this.handle(
      networkStream(networkId),
      (current) => {
        if (!current.founded) throw new NotFound('network', networkId);
        return decide(current);
      },
      context,
    );
    return state;
  }
}

/** Interactions are many and rarely touched again, so they are not cached. */
@Injectable()
export class InteractionRepository extends AggregateRepository<InteractionState, InteractionEvent> {
  constructor(@Inject(EVENT_STORE) store: EventStore) {
    super(store, { initialState: initialInteractionState, evolve: evolveInteraction, versions: INTERACTION_EVENT_VERSIONS }, 0);
  }
}
