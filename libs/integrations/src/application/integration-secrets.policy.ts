import { definePersonalDataPolicy, REMOVED } from '@solmu/privacy';
import { integrationLinksSubject, integrationSecretSubject } from '../core/integration.events';

/**
 * Integration secrets go through the same field encryption as personal data (libs/privacy), each
 * generation under its own key, so rotating or removing an integration crypto-shreds the old secret.
 * The chat identities in link offers are sealed under the integration's links key.
 */
const secretSubject = (data: Record<string, unknown>) => integrationSecretSubject(String(data.integrationId), Number(data.generation));
const linksSubject = (data: Record<string, unknown>) => integrationLinksSubject(String(data.integrationId));

export const INTEGRATION_SECRETS = definePersonalDataPolicy({
  IntegrationConnected: { subject: secretSubject, fields: { secret: REMOVED, botToken: REMOVED } },
  IntegrationSecretRotated: { subject: secretSubject, fields: { secret: REMOVED, botToken: REMOVED } },
  ChatLinkOffered: { subject: linksSubject, fields: { externalId: REMOVED, teamsUserId: REMOVED, displayName: REMOVED } },
});
