import { Inject, Injectable } from '@nestjs/common';
import { actorOf, Clock, CLOCK, ID_GENERATOR, IdGenerator, NotFound, Principal } from '@solmu/kernel';
import { createHash, randomBytes } from 'node:crypto';
import { decideIntegrations, LINK_LIFETIME_MS, LinkOffer } from '../core/integration.decider';
import { IntegrationKind, integrationsStream } from '../core/integration.events';
import { Integrations } from './integrations';
import { IntegrationsRepository } from './integrations.repository';

/**
 * One-time links from `/solmu link` (Slack) or `link` (Teams): the chat user gets a link; whoever
 * opens it signed in, as a member of the network, links that chat identity to their member record.
 * Like invitations, only the SHA-256 of the token is stored, and a link works once, for 30 minutes.
 */
export const LINK_TOKEN_PREFIX = 'solmu_link_';

export interface PendingLink {
  networkId: string;
  integrationId: string;
  kind: IntegrationKind;
  externalId: string;
  teamsUserId?: string;
  displayName?: string;
  expiresAt: string;
}

@Injectable()
export class ChatLinks {
  constructor(
    private readonly integrations: Integrations,
    private readonly repository: IntegrationsRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  /** A new link token for this chat identity (the caller builds the URL around it). */
  async offer(integrationId: string, kind: IntegrationKind, externalId: string, extra: { teamsUserId?: string; displayName?: string } = {}): Promise<{ token: string; expiresAt: string }> {
    const { networkId } = await this.integrations.resolve(integrationId, kind);
    const token = `${LINK_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
    const expiresAt = new Date(this.clock.now().getTime() + LINK_LIFETIME_MS).toISOString();
    await this.repository.handle(
      integrationsStream(networkId),
      (state) =>
        decideIntegrations(
          {
            type: 'OfferChatLink',
            data: { integrationId, tokenHash: hashOf(token), externalId, ...(extra.teamsUserId && { teamsUserId: extra.teamsUserId }), ...(extra.displayName && { displayName: extra.displayName.slice(0, 100) }), expiresAt },
          },
          state,
          networkId,
          this.clock.now(),
        ),
      { eventIds: [this.ids.next()], metadata: { actor: `${kind}:${externalId}`, source: kind } },
    );
    return { token, expiresAt };
  }

  /** What a link would link, without using it (for the confirmation page). */
  async peek(integrationId: string, kind: IntegrationKind, token: string): Promise<PendingLink> {
    const { networkId, offer } = await this.find(integrationId, kind, token);
    return pending(networkId, kind, offer);
  }

  /** Uses the link up (once): the caller then links the identity to the principal's member record. */
  async use(integrationId: string, kind: IntegrationKind, token: string, memberId: string, principal: Principal): Promise<PendingLink> {
    const { networkId, offer } = await this.find(integrationId, kind, token);
    await this.repository.handle(
      integrationsStream(networkId),
      (state) => decideIntegrations({ type: 'UseChatLink', data: { tokenHash: hashOf(token), memberId } }, state, networkId, this.clock.now()),
      { eventIds: [this.ids.next()], metadata: { actor: actorOf(principal), source: 'web' } },
    );
    return pending(networkId, kind, offer);
  }

  private async find(integrationId: string, kind: IntegrationKind, token: string): Promise<{ networkId: string; offer: LinkOffer }> {
    if (!token.startsWith(LINK_TOKEN_PREFIX) || token.length !== LINK_TOKEN_PREFIX.length + 43) throw new NotFound('link', 'given', 'token');
    const { networkId } = await this.integrations.resolve(integrationId, kind);
    const { state } = await this.repository.load(integrationsStream(networkId));
    const offer = state.links.get(hashOf(token));
    if (!offer || offer.integrationId !== integrationId) throw new NotFound('link', 'given', 'token');
    // Used or expired links are refused by the decider when used; peeking says so too.
    decideIntegrations({ type: 'UseChatLink', data: { tokenHash: hashOf(token), memberId: '-' } }, state, networkId, this.clock.now());
    return { networkId, offer };
  }
}

const hashOf = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

function pending(networkId: string, kind: IntegrationKind, offer: LinkOffer): PendingLink {
  return { networkId, integrationId: offer.integrationId, kind, externalId: offer.externalId, ...(offer.teamsUserId && { teamsUserId: offer.teamsUserId }), ...(offer.displayName && { displayName: offer.displayName }), expiresAt: offer.expiresAt };
}
