import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, EventStore } from '@solmu/event-store';
import { actorOf, Forbidden, Principal } from '@solmu/kernel';
import { NetworkState } from '../domain/network.decider';
import { interactionStream } from '../domain/streams';
import { requireAccess } from './network-access';

/**
 * Who may correct or retract an interaction: whoever may write any interaction of the network
 * (coordinators, tokens with interactions:write), or the person who logged it.
 */
@Injectable()
export class InteractionAuthorship {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async requireMayChange(network: NetworkState, interactionId: string, principal: Principal): Promise<void> {
    const access = requireAccess(network, principal);
    if (access.can('interactions:write-any')) return;
    const [logged] = await this.store.readStream(interactionStream(interactionId), { maxCount: 1 });
    // The author is the same person whether they logged it with their account or from Slack or Teams.
    const author = logged?.metadata.actor;
    if (logged && access.memberId && (author === actorOf(principal) || author === `member:${access.memberId}`)) return;
    if (!logged) return; // the decider answers "not found"
    throw new Forbidden('only the person who logged an interaction, or a coordinator, can change it');
  }
}
