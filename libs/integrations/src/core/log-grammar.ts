import type { FieldProblem } from '@solmu/kernel';
import type { InteractionKind } from '@solmu/network/published';
import { kindAt, kindHelp } from './kind-words';

/**
 * The grammar of logging from chat, the same in Slack and Teams:
 *
 *     <kind> <@someone> [<@someone>…] [today|yesterday|tänään|eilen|YYYY-MM-DD|D.M.YYYY] [note…]
 *
 * Each platform turns its message into tokens first (its mentions become `mention` tokens carrying
 * the platform's user id), so this parser knows no platform. It answers the fields of the API's
 * LogInteraction request, or problems named by the same fields (`kind`, `participants`,
 * `occurredAt`), so chat users read the API's words.
 */
export type ChatToken = { type: 'word'; text: string } | { type: 'mention'; id: string; label?: string };

export interface ParsedLog {
  kind: InteractionKind;
  /** Platform user ids of the people mentioned, in order, without repeats. */
  mentions: string[];
  /** A calendar date (YYYY-MM-DD) when one was given or implied by "yesterday"; undefined means now. */
  date?: string;
  note?: string;
}

export type ParseOutcome = { ok: true; log: ParsedLog } | { ok: false; problems: FieldProblem[] };

/** Little words between mentions ("with @Aino and @Eero", "@Aino ja @Eero kanssa"). */
const FILLERS = new Set(['with', 'and', '&', ',', 'kanssa', 'ja', 'sekä']);
const RELATIVE_DAYS: Record<string, number> = { today: 0, tänään: 0, tanaan: 0, yesterday: 1, eilen: 1, toissapäivänä: 2 };

/** `today` is the sender's calendar date (YYYY-MM-DD), from which "yesterday" is counted. */
export function parseLog(tokens: readonly ChatToken[], today: string): ParseOutcome {
  const words: string[] = [];
  for (const token of tokens) {
    if (token.type !== 'word') break;
    words.push(token.text);
  }
  const found = kindAt(words);
  if (!found) {
    const given = words.slice(0, 2).join(' ');
    return {
      ok: false,
      problems: [{ field: 'kind', problem: `${given ? `"${given}" is not` : 'start with'} a kind of interaction; use one of: ${kindHelp()}` }],
    };
  }
  let at = found.length;
  const mentions: string[] = [];
  let date: string | undefined;
  const problems: FieldProblem[] = [];
  for (; at < tokens.length; at += 1) {
    const token = tokens[at];
    if (token.type === 'mention') {
      if (!mentions.includes(token.id)) mentions.push(token.id);
      continue;
    }
    if (FILLERS.has(token.text.toLocaleLowerCase('fi'))) continue;
    const asDate = date === undefined ? dateOf(token.text, today) : undefined;
    if (asDate === undefined) break;
    if (asDate === null) problems.push({ field: 'occurredAt', problem: `"${token.text}" is not a date (use YYYY-MM-DD, D.M.YYYY, today or yesterday)` });
    else date = asDate;
  }
  if (mentions.length === 0) problems.push({ field: 'participants', problem: 'mention at least one other member, e.g. @Aino' });
  if (date !== undefined && date > today) problems.push({ field: 'occurredAt', problem: `must not be in the future (${date} is after ${today})` });
  if (problems.length) return { ok: false, problems };
  const note = tokens
    .slice(at)
    .map((t) => (t.type === 'word' ? t.text : `@${t.label ?? t.id}`))
    .join(' ')
    .trim();
  return { ok: true, log: { kind: found.kind, mentions, ...(date !== undefined && { date }), ...(note && { note }) } };
}

/** A date word as YYYY-MM-DD; null when it looks like a date but is not one; undefined when it is no date at all. */
function dateOf(word: string, today: string): string | null | undefined {
  const lower = word.toLocaleLowerCase('fi');
  if (lower in RELATIVE_DAYS) return addDays(today, -RELATIVE_DAYS[lower]);
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(word);
  if (match) return validDate(+match[1], +match[2], +match[3]);
  match = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(word);
  if (match) return validDate(+match[3], +match[2], +match[1]);
  if (/^\d{1,4}[-./]\d{1,2}[-./]\d{1,4}$/.test(word)) return null;
  return undefined;
}

function validDate(year: number, month: number, day: number): string | null {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return d.toISOString().slice(0, 10);
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * When a logged date happened, as the API's `occurredAt`: now for today (or no date), otherwise
 * noon UTC of that day, which is the same calendar day from Hawaii to New Zealand.
 */
export function occurredAtOf(date: string | undefined, today: string, now: Date): string {
  return date === undefined || date === today ? now.toISOString() : `${date}T12:00:00.000Z`;
}

/** The calendar date at `now` in a time zone (IANA name), as YYYY-MM-DD. */
export function calendarDate(now: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** Splits plain text into word tokens (platforms add their mention tokens). */
export function wordsOf(text: string): ChatToken[] {
  return text
    .split(/\s+/)
    .filter(Boolean)
    .map((text) => ({ type: 'word', text }));
}
