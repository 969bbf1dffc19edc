import { NotFound, StateConflict, ValidationFailed } from '@solmu/kernel';
import { DeciderSpecification } from '@solmu/testing';
import { decideIntegrations, evolveIntegrations, initialIntegrations, IntegrationCommand, NetworkIntegrations } from './integration.decider';
import { IntegrationEvent } from './integration.events';

const NOW = new Date('2025-06-10T08:00:00.000Z');
const NET = 'net-1';
const given = DeciderSpecification.for<IntegrationCommand, IntegrationEvent, NetworkIntegrations>({
  decide: (command, state) => decideIntegrations(command, state, NET, NOW),
  evolve: evolveIntegrations,
  initialState: initialIntegrations,
});
const SIGNING = '8f742231b10e8888abcd99yyyzzz85a5';
const TEAMS_TOKEN = Buffer.from('a teams security token of 32 b!!').toString('base64');
const slackConnected: IntegrationEvent = {
  type: 'IntegrationConnected',
  data: { networkId: NET, integrationId: 'i1', kind: 'slack', name: 'Slack', generation: 1, secret: SIGNING, botToken: 'xoxb-1234567890-abc', connectedAt: NOW.toISOString() },
};
const offered = (expiresAt = '2025-06-10T08:30:00.000Z'): IntegrationEvent => ({
  type: 'ChatLinkOffered',
  data: { networkId: NET, integrationId: 'i1', tokenHash: 'h1', externalId: 'T1:U1', expiresAt },
});

describe('integrations of a network', () => {
  it('given nothing, when Slack is connected, then its secrets are recorded as generation 1', () =>
    given([])
      .when({ type: 'ConnectIntegration', data: { integrationId: 'i1', kind: 'slack', signingSecret: SIGNING, botToken: 'xoxb-1234567890-abc' } })
      .then([slackConnected]));

  it('given nothing, when Teams is connected with its base64 token, then it is recorded', () =>
    given([])
      .when({ type: 'ConnectIntegration', data: { integrationId: 'i2', kind: 'teams', securityToken: TEAMS_TOKEN, name: ' Kanava ' } })
      .then([{ type: 'IntegrationConnected', data: { networkId: NET, integrationId: 'i2', kind: 'teams', name: 'Kanava', generation: 1, secret: TEAMS_TOKEN, connectedAt: NOW.toISOString() } }]));

  it('names the request fields that are wrong for the kind', () => {
    given([]).when({ type: 'ConnectIntegration', data: { integrationId: 'i1', kind: 'irc' } }).thenThrows(ValidationFailed, { problems: [{ field: 'kind', problem: expect.stringContaining('slack, teams') }] });
    given([])
      .when({ type: 'ConnectIntegration', data: { integrationId: 'i1', kind: 'slack', securityToken: TEAMS_TOKEN, botToken: 'xoxp-user' } })
      .thenThrows(ValidationFailed, { problems: [{ field: 'securityToken' }, { field: 'signingSecret' }, { field: 'botToken' }] });
    given([]).when({ type: 'ConnectIntegration', data: { integrationId: 'i1', kind: 'teams', securityToken: 'c2hvcnQ=' } }).thenThrows(ValidationFailed, { problems: [{ field: 'securityToken' }] });
  });

  it('given a Slack integration, when its secret is rotated without a bot token, then the next generation keeps the bot token', () =>
    given([slackConnected])
      .when({ type: 'RotateIntegrationSecret', data: { integrationId: 'i1', signingSecret: 'abcdefabcdefabcdefabcdefabcdef12' } })
      .then([
        {
          type: 'IntegrationSecretRotated',
          data: { networkId: NET, integrationId: 'i1', generation: 2, secret: 'abcdefabcdefabcdefabcdefabcdef12', botToken: 'xoxb-1234567890-abc', rotatedAt: NOW.toISOString() },
        },
      ]));

  it('removes once; a removed integration cannot be rotated or offer links', () => {
    const removed: IntegrationEvent = { type: 'IntegrationRemoved', data: { networkId: NET, integrationId: 'i1', removedAt: NOW.toISOString() } };
    given([slackConnected]).when({ type: 'RemoveIntegration', data: { integrationId: 'i1' } }).then([removed]);
    given([slackConnected, removed]).when({ type: 'RemoveIntegration', data: { integrationId: 'i1' } }).thenNothingHappens();
    given([slackConnected, removed]).when({ type: 'RotateIntegrationSecret', data: { integrationId: 'i1', signingSecret: SIGNING } }).thenThrows(NotFound);
    given([slackConnected, removed])
      .when({ type: 'OfferChatLink', data: { integrationId: 'i1', tokenHash: 'h1', externalId: 'T1:U1', expiresAt: NOW.toISOString() } })
      .thenThrows(NotFound);
    expect([slackConnected, removed].reduce(evolveIntegrations, initialIntegrations()).integrations.get('i1')?.secrets).toEqual({ secret: '' });
  });

  describe('one-time links', () => {
    it('given an offered link, when used, then it is used once and never again', () => {
      const used: IntegrationEvent = { type: 'ChatLinkUsed', data: { networkId: NET, integrationId: 'i1', tokenHash: 'h1', memberId: 'm1', usedAt: NOW.toISOString() } };
      given([slackConnected, offered()]).when({ type: 'UseChatLink', data: { tokenHash: 'h1', memberId: 'm1' } }).then([used]);
      given([slackConnected, offered(), used]).when({ type: 'UseChatLink', data: { tokenHash: 'h1', memberId: 'm1' } }).thenThrows(StateConflict, { code: 'link_used' });
    });

    it('refuses an expired or unknown link', () => {
      given([slackConnected, offered('2025-06-10T07:59:59.000Z')]).when({ type: 'UseChatLink', data: { tokenHash: 'h1', memberId: 'm1' } }).thenThrows(StateConflict, { code: 'link_expired' });
      given([slackConnected]).when({ type: 'UseChatLink', data: { tokenHash: 'nope', memberId: 'm1' } }).thenThrows(NotFound);
    });
  });
});
