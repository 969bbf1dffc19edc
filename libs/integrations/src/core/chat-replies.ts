import type { FieldProblem } from '@solmu/kernel';

/**
 * What Solmu answers in Slack and Teams: what was stored, or what is wrong in the API's own words
 * (`field: problem`), so a chat user and an API client read the same explanation.
 */
export function loggedReply(logged: { kind: string; participants: readonly string[]; occurredAt: string; note?: string }, names: ReadonlyMap<string, string>): string {
  const who = logged.participants.map((id) => names.get(id) ?? id).join(', ');
  return `Logged: ${logged.kind.replace(/_/g, ' ')} — ${who} — ${logged.occurredAt.slice(0, 10)}${logged.note ? ` — "${logged.note}"` : ''}`;
}

export function problemsReply(problems: readonly FieldProblem[], message?: string): string {
  const lines = problems.length ? problems.map((p) => `• ${p.field}: ${p.problem}`) : [`• ${message ?? 'something went wrong'}`];
  return ['Nothing was logged:', ...lines].join('\n');
}

export function helpReply(command: string, kinds: string): string {
  return [
    `Log a network event: ${command} <kind> @someone [@someone…] [yesterday|YYYY-MM-DD] [note]`,
    `Kinds: ${kinds}`,
    `Link your chat user to your Solmu member record: ${command} link`,
  ].join('\n');
}
