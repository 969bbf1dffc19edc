import { parseDateInput } from '@solmu/kernel';
import { kindAt, kindHelp } from '../core/kind-words';
import { CHANNELS, InteractionKind, MEMBER_TYPES } from '@solmu/network/published';
import { Column, columnsOf, headerOf, INTERACTION_COLUMNS, MEMBER_COLUMNS } from './columns';
import type { Sheet } from './sheets';

/**
 * From sheets to the API's commands, without I/O: each row becomes a JoinNetwork or LogInteraction
 * input, or problems named by sheet, row and column (the file's own header). Kinds are read by the
 * chat grammar's words, dates by the API's one date parser; the domain's own rules (lengths,
 * emails, membership on the day) are the deciders', which the commands run.
 */
export interface ImportProblem {
  sheet?: string;
  /** As the spreadsheet numbers it: the header is row 1. */
  row: number;
  column: string;
  problem: string;
}

/** A member already in the network, as the API lists them. */
export interface KnownMember {
  id: string;
  name: string;
  email?: string;
}

export interface MemberRow {
  sheet?: string;
  row: number;
  profile: { name: string; email?: string; organisation?: string; type?: string; joinedAt?: string };
  /** Set when the network already has this member (same email, or the same name without one): not created again. */
  existingId?: string;
}

/** A participant is a known member's id or a member created by a row of the same file. */
export type Participant = { memberId: string } | { newMemberRow: number; sheet?: string };

export interface InteractionRow {
  sheet?: string;
  row: number;
  /** The row's cells in order, for the idempotency key's request hash. */
  cells: string[];
  kind: InteractionKind;
  occurredAt: string;
  participants: Participant[];
  note?: string;
  channel?: string;
}

export interface ImportPlan {
  members: MemberRow[];
  interactions: InteractionRow[];
  problems: ImportProblem[];
  /** Rows read, including those with problems (not counting headers and empty rows). */
  rows: number;
}

/** `|` separates people in one cell; `;` and `,` would clash with CSV separators and with names. */
export const PARTICIPANT_SEPARATOR = '|';

export function planImport(sheets: readonly Sheet[], known: readonly KnownMember[]): ImportPlan {
  const plan: ImportPlan = { members: [], interactions: [], problems: [], rows: 0 };
  const classified = sheets.map((sheet) => ({ sheet, kind: sheetKind(sheet) }));
  for (const { sheet, kind } of classified) {
    if (kind === undefined) {
      if (sheet.rows.some((r) => r.some((c) => c !== ''))) {
        plan.problems.push({ sheet: sheet.name, row: 1, column: '', problem: 'is neither a members sheet (name/nimi) nor an interactions sheet (kind/laji, date/päivämäärä, participants/osallistujat)' });
      }
    }
  }
  // Members first, so that interactions can name people the same file brings in.
  for (const { sheet } of classified.filter((c) => c.kind === 'members')) readMembers(sheet, known, plan);
  const people = directory(known, plan.members);
  for (const { sheet } of classified.filter((c) => c.kind === 'interactions')) readInteractions(sheet, people, plan);
  return plan;
}

function sheetKind(sheet: Sheet): 'members' | 'interactions' | undefined {
  const header = sheet.rows[0] ?? [];
  const asInteractions = columnsOf(header, INTERACTION_COLUMNS).columns;
  if (asInteractions.has('kind') || asInteractions.has('participants')) return 'interactions';
  if (columnsOf(header, MEMBER_COLUMNS).columns.has('name')) return 'members';
  return undefined;
}

type Reader = { cell: (column: Column) => string; problem: (column: Column, problem: string) => void };

function rowsOf(sheet: Sheet, wanted: readonly Column[], required: readonly Column[], plan: ImportPlan, each: (read: Reader, row: number, cells: string[]) => void): void {
  const header = sheet.rows[0] ?? [];
  const { columns, unknown } = columnsOf(header, wanted);
  for (const name of unknown) plan.problems.push({ sheet: sheet.name, row: 1, column: name, problem: `is not a column this import knows; use ${wanted.join(', ')}` });
  const missing = required.filter((c) => !columns.has(c));
  for (const column of missing) plan.problems.push({ sheet: sheet.name, row: 1, column: headerOf(column, 'en'), problem: `is missing (in Finnish: ${headerOf(column, 'fi')})` });
  if (missing.length) return;
  sheet.rows.slice(1).forEach((cells, index) => {
    if (cells.every((c) => c === '')) return;
    const row = index + 2;
    plan.rows += 1;
    each(
      {
        cell: (column) => (columns.has(column) ? (cells[columns.get(column)!] ?? '').trim() : ''),
        problem: (column, problem) => plan.problems.push({ sheet: sheet.name, row, column: header[columns.get(column)!] ?? headerOf(column, 'en'), problem }),
      },
      row,
      cells,
    );
  });
}

function readMembers(sheet: Sheet, known: readonly KnownMember[], plan: ImportPlan): void {
  const byEmail = new Map(known.filter((m) => m.email).map((m) => [m.email!.toLowerCase(), m.id]));
  const byName = new Map<string, string[]>();
  for (const m of known) byName.set(nameKey(m.name), [...(byName.get(nameKey(m.name)) ?? []), m.id]);
  rowsOf(sheet, MEMBER_COLUMNS, ['name'], plan, (read, row) => {
    const name = read.cell('name');
    if (name === '') return read.problem('name', 'must not be empty');
    const email = read.cell('email') || undefined;
    const joinedAt = dateCell(read, 'joinedAt');
    if (joinedAt === null) return;
    const type = read.cell('type');
    if (type && !(MEMBER_TYPES as readonly string[]).includes(type)) return read.problem('type', `must be one of ${MEMBER_TYPES.join(', ')}`);
    const profile = { name, ...(email && { email }), ...optional('organisation', read.cell('organisation')), ...optional('type', read.cell('type')), ...(joinedAt && { joinedAt }) };
    const sameName = byName.get(nameKey(name)) ?? [];
    const existingId = email ? byEmail.get(email.toLowerCase()) : sameName.length === 1 ? sameName[0] : undefined;
    const earlier = plan.members.find((m) => (email ? m.profile.email?.toLowerCase() === email.toLowerCase() : nameKey(m.profile.name) === nameKey(name) && !m.profile.email));
    if (earlier) return read.problem(email ? 'email' : 'name', `repeats row ${earlier.row}`);
    plan.members.push({ sheet: sheet.name, row, profile, ...(existingId && { existingId }) });
  });
}

/** Everyone a participant cell may name: the network's members and the file's new ones. */
interface Person {
  participant: Participant;
  name: string;
  email?: string;
}

function directory(known: readonly KnownMember[], rows: readonly MemberRow[]): Person[] {
  const people: Person[] = known.map((m) => ({ participant: { memberId: m.id }, name: m.name, email: m.email }));
  for (const r of rows) if (!r.existingId) people.push({ participant: { newMemberRow: r.row, sheet: r.sheet }, name: r.profile.name, email: r.profile.email });
  return people;
}

function readInteractions(sheet: Sheet, people: readonly Person[], plan: ImportPlan): void {
  const byEmail = new Map(people.filter((p) => p.email).map((p) => [p.email!.toLowerCase(), p]));
  const byName = new Map<string, Person[]>();
  for (const p of people) byName.set(nameKey(p.name), [...(byName.get(nameKey(p.name)) ?? []), p]);
  rowsOf(sheet, INTERACTION_COLUMNS, ['kind', 'date', 'participants'], plan, (read, row, cells) => {
    let ok = true;
    const kindText = read.cell('kind');
    const found = kindAt(kindText.split(/\s+/).filter(Boolean));
    if (!found || found.length !== kindText.split(/\s+/).filter(Boolean).length) {
      read.problem('kind', `${kindText ? `"${kindText}" is not` : 'must be'} a kind of interaction; use one of: ${kindHelp()}`);
      ok = false;
    }
    const occurredAt = dateCell(read, 'date', true);
    if (!occurredAt) ok = false;
    const participants: Participant[] = [];
    const names = read.cell('participants').split(PARTICIPANT_SEPARATOR).map((n) => n.trim()).filter(Boolean);
    if (names.length < 2) {
      read.problem('participants', `must name at least two members (names or emails separated by ${PARTICIPANT_SEPARATOR})`);
      ok = false;
    }
    for (const name of names) {
      const matches = name.includes('@') && byEmail.has(name.toLowerCase()) ? [byEmail.get(name.toLowerCase())!] : (byName.get(nameKey(name)) ?? []);
      if (matches.length === 1) participants.push(matches[0].participant);
      else {
        ok = false;
        read.problem('participants', matches.length === 0 ? `"${name}" is not a member of the network or of this file` : `"${name}" matches ${matches.length} members; write their email instead`);
      }
    }
    const channel = read.cell('channel');
    if (channel && !(CHANNELS as readonly string[]).includes(channel)) {
      read.problem('channel', `must be one of ${CHANNELS.join(', ')}`);
      ok = false;
    }
    if (!ok || !found || !occurredAt) return;
    const note = read.cell('note');
    plan.interactions.push({ sheet: sheet.name, row, cells, kind: found.kind, occurredAt, participants, ...(note && { note }), ...(channel && { channel }) });
  });
}

/**
 * A date cell through the API's date parser; `D.M.YYYY` (how Finnish Excel writes dates in CSV) is
 * first rewritten as ISO. Undefined when empty (and allowed), null after reporting a problem.
 */
function dateCell(read: Reader, column: Column, required = false): string | undefined | null {
  const raw = read.cell(column);
  if (raw === '') {
    if (!required) return undefined;
    read.problem(column, 'must not be empty');
    return null;
  }
  const finnish = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:\s+(?:klo\s+)?(\d{1,2})[.:](\d{2}))?$/.exec(raw);
  const iso = finnish
    ? `${finnish[3]}-${finnish[2].padStart(2, '0')}-${finnish[1].padStart(2, '0')}${finnish[4] ? `T${finnish[4].padStart(2, '0')}:${finnish[5]}` : ''}`
    : raw.replace(/^(\d{4}-\d{2}-\d{2}) (\d)/, '$1T$2');
  const parsed = parseDateInput(iso);
  if ('problem' in parsed) {
    read.problem(column, parsed.problem);
    return null;
  }
  return iso;
}

function optional<K extends string>(key: K, value: string): Partial<Record<K, string>> {
  return value ? ({ [key]: value } as Record<K, string>) : {};
}

function nameKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('fi');
}
