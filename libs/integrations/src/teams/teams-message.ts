import type { ChatToken } from '../core/log-grammar';

/**
 * The parts of a Teams outgoing-webhook activity Solmu reads (Microsoft's documented shape:
 * https://learn.microsoft.com/microsoftteams/platform/webhooks-and-connectors/how-to/add-outgoing-webhook).
 * The bot itself is mentioned first (`<at>Solmu</at>`); other mentions are `mention` entities whose
 * `mentioned.id` is the Teams user id (`29:…`) and whose `text` is the `<at>…</at>` in the message.
 */
export interface TeamsActivity {
  type?: string;
  id?: string;
  timestamp?: string;
  text?: string;
  from?: { id?: string; name?: string; aadObjectId?: string };
  conversation?: { id?: string };
  channelData?: { tenant?: { id?: string }; team?: { id?: string } };
  entities?: Array<{ type?: string; text?: string; mentioned?: { id?: string; name?: string } }>;
}

/**
 * The message as tokens, the bot's own mention (the first one, which triggered the webhook) dropped.
 * HTML that Teams wraps text in (`<p>`, `&nbsp;`) is removed.
 */
export function teamsTokens(activity: TeamsActivity): ChatToken[] {
  const text = activity.text ?? '';
  const mentions = (activity.entities ?? []).filter((e) => e.type === 'mention' && e.text && e.mentioned?.id);
  const pattern = /<at>(.*?)<\/at>|[^\s<]+|<[^>]*>/g;
  const tokens: ChatToken[] = [];
  let atCount = 0;
  const used = new Set<number>();
  for (const match of plain(text).matchAll(pattern)) {
    if (match[1] !== undefined) {
      atCount += 1;
      // Entities are matched by their exact `<at>…</at>` text, in order, each once.
      const index = mentions.findIndex((m, i) => !used.has(i) && m.text === match[0]);
      if (index >= 0) used.add(index);
      if (atCount === 1) continue; // the bot itself
      const mentioned = index >= 0 ? mentions[index].mentioned! : undefined;
      if (mentioned?.id) tokens.push({ type: 'mention', id: mentioned.id, label: mentioned.name ?? match[1] });
      else tokens.push({ type: 'word', text: `@${match[1]}` });
    } else if (!match[0].startsWith('<')) {
      tokens.push({ type: 'word', text: match[0] });
    }
  }
  return tokens;
}

function plain(text: string): string {
  return text
    .replace(/&nbsp;/g, ' ')
    .replace(/<\/?(p|div|span|br)\b[^>]*>/gi, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
}
