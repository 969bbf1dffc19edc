/**
 * Events of a network's integrations (stream `integrations-<networkId>`), and the directory entry
 * that finds an integration's network from its id (stream `integration-<integrationId>`), which is
 * all an inbound Slack or Teams request carries.
 *
 * Secrets (a Slack signing secret and bot token, a Teams security token) must be usable, not only
 * checkable, so they cannot be hashed the way API tokens are: they are sealed field by field with
 * the privacy vault (AES-256-GCM) under a key of their own per generation, `integration-<id>-<n>`.
 * Rotating or removing destroys that key, so an old secret is unreadable even in the append-only log.
 */
export const INTEGRATION_KINDS = ['slack', 'teams'] as const;
export type IntegrationKind = (typeof INTEGRATION_KINDS)[number];

export interface IntegrationSecrets {
  /** Slack: the signing secret; Teams: the base64 security token. */
  secret: string;
  /** Slack's bot token (xoxb-…), for replies beyond the HTTP response (modals, App Home). */
  botToken?: string;
}

export type IntegrationConnected = {
  type: 'IntegrationConnected';
  data: { networkId: string; integrationId: string; kind: IntegrationKind; name: string; generation: number; connectedAt: string } & IntegrationSecrets;
};

export type IntegrationSecretRotated = {
  type: 'IntegrationSecretRotated';
  data: { networkId: string; integrationId: string; generation: number; rotatedAt: string } & IntegrationSecrets;
};

export type IntegrationRemoved = {
  type: 'IntegrationRemoved';
  data: { networkId: string; integrationId: string; removedAt: string };
};

/** `/solmu link` (or `link` in Teams) handed this chat identity a one-time link; only its hash is kept. */
export type ChatLinkOffered = {
  type: 'ChatLinkOffered';
  data: {
    networkId: string;
    integrationId: string;
    tokenHash: string;
    /** Slack: `<team>:<user>`; Teams: the sender's Entra object id. */
    externalId: string;
    /** Teams only: the sender's Teams user id (`29:…`), which mentions of them carry. */
    teamsUserId?: string;
    /** The name the platform gave for the sender, shown on the confirmation page. */
    displayName?: string;
    expiresAt: string;
  };
};

/** The link was opened by a signed-in member and used up. */
export type ChatLinkUsed = {
  type: 'ChatLinkUsed';
  data: { networkId: string; integrationId: string; tokenHash: string; memberId: string; usedAt: string };
};

export type IntegrationEvent = IntegrationConnected | IntegrationSecretRotated | IntegrationRemoved | ChatLinkOffered | ChatLinkUsed;

export const INTEGRATION_EVENT_VERSIONS: Record<IntegrationEvent['type'], number> = {
  IntegrationConnected: 1,
  IntegrationSecretRotated: 1,
  IntegrationRemoved: 1,
  ChatLinkOffered: 1,
  ChatLinkUsed: 1,
};

/** The directory entry: this integration id belongs to that network. */
export type IntegrationRegistered = { type: 'IntegrationRegistered'; data: { integrationId: string; networkId: string } };

export const integrationsStream = (networkId: string): string => `integrations-${networkId}`;
export const integrationDirectoryStream = (integrationId: string): string => `integration-${integrationId}`;
/** The vault subject that seals one generation of an integration's secrets. */
export const integrationSecretSubject = (integrationId: string, generation: number): string => `integration-${integrationId}-${generation}`;
/** The vault subject of the chat identities in an integration's link offers. */
export const integrationLinksSubject = (integrationId: string): string => `integration-${integrationId}-links`;
