import type { ChatToken } from '../core/log-grammar';

/**
 * Slack's escaped text (the manifest turns on `should_escape`): a user mention arrives as
 * `<@U0123ABC|aino>` or `<@U0123ABC>`. Everything else is split into words.
 */
const TOKEN = /<@([UW][A-Z0-9]+)(?:\|([^>]*))?>|\S+/g;

export function slackTokens(text: string): ChatToken[] {
  const tokens: ChatToken[] = [];
  for (const match of text.matchAll(TOKEN)) {
    if (match[1]) tokens.push({ type: 'mention', id: match[1], ...(match[2] && { label: match[2] }) });
    else tokens.push({ type: 'word', text: match[0] });
  }
  return tokens;
}

/** A Slack user as Solmu stores it in `externalIds.slack`: `<team id>:<user id>`. */
export const slackIdentity = (teamId: string, userId: string): string => `${teamId}:${userId}`;
