/** What the integrations API answers (apps/api/src/integrations/integrations.controller.ts): never a secret. */
export interface IntegrationInfo {
  id: string;
  networkId: string;
  kind: 'slack' | 'teams';
  name: string;
  connectedAt: string;
  /** How many times its secret was set (1 when never rotated). */
  secretGeneration: number;
  hasBotToken: boolean;
  /** Slack: commands, interactivity, events; Teams: messages. */
  requestUrls: Record<string, string>;
  manifestUrl?: string;
}

/** The write-only fields the API takes; its problems name them. */
export const SECRET_FIELDS = ['signingSecret', 'botToken', 'securityToken'] as const;
export type SecretField = (typeof SECRET_FIELDS)[number];
