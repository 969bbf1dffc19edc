import { FieldProblem, NotFound, StateConflict, ValidationFailed } from '@solmu/kernel';
import { isTeamsSecurityToken } from '../teams/teams-signature';
import { IntegrationEvent, IntegrationKind, INTEGRATION_KINDS, IntegrationSecrets } from './integration.events';

/**
 * A network's integrations: connecting Slack or Teams, rotating their secrets, removing them, and
 * the one-time links that let a chat user link themselves to their member record. Pure: the clock
 * comes in as `now`, token hashes and ids as arguments.
 */
export interface IntegrationState {
  integrationId: string;
  kind: IntegrationKind;
  name: string;
  generation: number;
  secrets: IntegrationSecrets;
  connectedAt: string;
  removed: boolean;
}

export interface LinkOffer {
  integrationId: string;
  externalId: string;
  teamsUserId?: string;
  displayName?: string;
  expiresAt: string;
  used: boolean;
}

export interface NetworkIntegrations {
  integrations: ReadonlyMap<string, IntegrationState>;
  links: ReadonlyMap<string, LinkOffer>;
}

export const initialIntegrations = (): NetworkIntegrations => ({ integrations: new Map(), links: new Map() });

/** Field names are the API's (`signingSecret`, `securityToken`, `botToken`), so refusals name them. */
export interface SecretsInput {
  signingSecret?: string;
  securityToken?: string;
  botToken?: string;
}

export type IntegrationCommand =
  | { type: 'ConnectIntegration'; data: { integrationId: string; kind: string; name?: string } & SecretsInput }
  | { type: 'RotateIntegrationSecret'; data: { integrationId: string } & SecretsInput }
  | { type: 'RemoveIntegration'; data: { integrationId: string } }
  | { type: 'OfferChatLink'; data: { integrationId: string; tokenHash: string; externalId: string; teamsUserId?: string; displayName?: string; expiresAt: string } }
  | { type: 'UseChatLink'; data: { tokenHash: string; memberId: string } };

export const LINK_LIFETIME_MS = 30 * 60 * 1000;

export function decideIntegrations(command: IntegrationCommand, state: NetworkIntegrations, networkId: string, now: Date): IntegrationEvent[] {
  switch (command.type) {
    case 'ConnectIntegration': {
      const { integrationId, kind: requested, name } = command.data;
      if (state.integrations.has(integrationId)) throw new StateConflict('integration_exists', `integration ${integrationId} already exists`);
      const problems: FieldProblem[] = [];
      const kind = (INTEGRATION_KINDS as readonly string[]).includes(requested) ? (requested as IntegrationKind) : undefined;
      if (!kind) problems.push({ field: 'kind', problem: `must be one of ${INTEGRATION_KINDS.join(', ')} (got ${JSON.stringify(requested)})` });
      const secrets = kind ? checkSecrets(kind, command.data, problems) : undefined;
      const cleanName = name?.trim() || (kind === 'teams' ? 'Microsoft Teams' : 'Slack');
      if (cleanName.length > 100) problems.push({ field: 'name', problem: 'must be at most 100 characters' });
      if (problems.length) throw new ValidationFailed(problems);
      return [{ type: 'IntegrationConnected', data: { networkId, integrationId, kind: kind!, name: cleanName, generation: 1, ...secrets!, connectedAt: now.toISOString() } }];
    }
    case 'RotateIntegrationSecret': {
      const current = live(state, command.data.integrationId);
      const problems: FieldProblem[] = [];
      const secrets = checkSecrets(current.kind, command.data, problems);
      if (problems.length) throw new ValidationFailed(problems);
      // A rotation that gives no new bot token keeps the old one (it is resealed under the new key).
      const botToken = secrets.botToken ?? current.secrets.botToken;
      return [
        {
          type: 'IntegrationSecretRotated',
          data: { networkId, integrationId: current.integrationId, generation: current.generation + 1, secret: secrets.secret, ...(botToken && { botToken }), rotatedAt: now.toISOString() },
        },
      ];
    }
    case 'RemoveIntegration': {
      const current = state.integrations.get(command.data.integrationId);
      if (!current) throw new NotFound('integration', command.data.integrationId);
      if (current.removed) return [];
      return [{ type: 'IntegrationRemoved', data: { networkId, integrationId: current.integrationId, removedAt: now.toISOString() } }];
    }
    case 'OfferChatLink': {
      live(state, command.data.integrationId);
      return [{ type: 'ChatLinkOffered', data: { networkId, ...command.data } }];
    }
    case 'UseChatLink': {
      const offer = state.links.get(command.data.tokenHash);
      const invalid = () => new NotFound('link', 'given', 'token');
      if (!offer) throw invalid();
      if (offer.used) throw new StateConflict('link_used', 'this link was already used; ask for a new one with "/solmu link"', 'token');
      if (Date.parse(offer.expiresAt) <= now.getTime()) throw new StateConflict('link_expired', 'this link has expired; ask for a new one with "/solmu link"', 'token');
      const integration = state.integrations.get(offer.integrationId);
      if (!integration || integration.removed) throw invalid();
      return [{ type: 'ChatLinkUsed', data: { networkId, integrationId: offer.integrationId, tokenHash: command.data.tokenHash, memberId: command.data.memberId, usedAt: now.toISOString() } }];
    }
  }
}

function live(state: NetworkIntegrations, integrationId: string): IntegrationState {
  const current = state.integrations.get(integrationId);
  if (!current || current.removed) throw new NotFound('integration', integrationId);
  return current;
}

function checkSecrets(kind: IntegrationKind, input: SecretsInput, problems: FieldProblem[]): IntegrationSecrets {
  if (kind === 'slack') {
    if (input.securityToken !== undefined) problems.push({ field: 'securityToken', problem: 'is for Teams; Slack gives a signingSecret' });
    if (!input.signingSecret || !/^[A-Za-z0-9]{16,128}$/.test(input.signingSecret)) {
      problems.push({ field: 'signingSecret', problem: 'is required: the "Signing Secret" from the Slack app\'s Basic Information page (letters and digits)' });
    }
    if (input.botToken !== undefined && !/^xoxb-[A-Za-z0-9-]{10,250}$/.test(input.botToken)) problems.push({ field: 'botToken', problem: 'must be a bot token starting with "xoxb-"' });
    return { secret: input.signingSecret ?? '', ...(input.botToken && { botToken: input.botToken }) };
  }
  if (input.signingSecret !== undefined || input.botToken !== undefined) {
    problems.push({ field: input.signingSecret !== undefined ? 'signingSecret' : 'botToken', problem: 'is for Slack; Teams gives a securityToken' });
  }
  if (!input.securityToken || !isTeamsSecurityToken(input.securityToken)) {
    problems.push({ field: 'securityToken', problem: 'is required: the base64 security token Teams shows when the outgoing webhook is created' });
  }
  return { secret: input.securityToken ?? '' };
}

export function evolveIntegrations(state: NetworkIntegrations, event: IntegrationEvent): NetworkIntegrations {
  switch (event.type) {
    case 'IntegrationConnected': {
      const { integrationId, kind, name, generation, secret, botToken, connectedAt } = event.data;
      return withIntegration(state, { integrationId, kind, name, generation, secrets: { secret, ...(botToken && { botToken }) }, connectedAt, removed: false });
    }
    case 'IntegrationSecretRotated': {
      const current = state.integrations.get(event.data.integrationId);
      if (!current) return state;
      const { generation, secret, botToken } = event.data;
      return withIntegration(state, { ...current, generation, secrets: { secret, ...(botToken && { botToken }) } });
    }
    case 'IntegrationRemoved': {
      const current = state.integrations.get(event.data.integrationId);
      return current ? withIntegration(state, { ...current, removed: true, secrets: { secret: '' } }) : state;
    }
    case 'ChatLinkOffered': {
      const { tokenHash, integrationId, externalId, teamsUserId, displayName, expiresAt } = event.data;
      const links = new Map(state.links);
      links.set(tokenHash, { integrationId, externalId, ...(teamsUserId && { teamsUserId }), ...(displayName && { displayName }), expiresAt, used: false });
      return { ...state, links };
    }
    case 'ChatLinkUsed': {
      const offer = state.links.get(event.data.tokenHash);
      if (!offer) return state;
      const links = new Map(state.links);
      links.set(event.data.tokenHash, { ...offer, used: true });
      return { ...state, links };
    }
    default:
      return state;
  }
}

function withIntegration(state: NetworkIntegrations, integration: IntegrationState): NetworkIntegrations {
  const integrations = new Map(state.integrations);
  integrations.set(integration.integrationId, integration);
  return { ...state, integrations };
}
