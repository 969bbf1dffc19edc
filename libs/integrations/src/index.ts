/**
 * @solmu/integrations — Slack and Teams: request signatures, the chat grammar for logging network
 * events, the Slack app manifest (all framework-free, in core/, slack/ and teams/), and the
 * integrations' lifecycle and one-time links (application/). See docs/integrations.md.
 */
export * from './core/log-grammar';
export { kindHelp } from './core/kind-words';
export * from './core/integration.events';
export { LINK_LIFETIME_MS, type SecretsInput } from './core/integration.decider';
export * from './core/chat-members';
export * from './core/chat-replies';
export * from './slack/slack-signature';
export * from './slack/slack-text';
export * from './slack/slack-manifest';
export * from './teams/teams-signature';
export * from './teams/teams-message';
export { INTEGRATION_SECRETS } from './application/integration-secrets.policy';
export { Integrations, type IntegrationView, type ResolvedIntegration } from './application/integrations';
export { ChatLinks, LINK_TOKEN_PREFIX, type PendingLink } from './application/chat-links';
export { IntegrationsModule } from './application/integrations.module';
export * from './imports';
