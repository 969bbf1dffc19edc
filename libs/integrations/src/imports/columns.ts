/**
 * The columns an import understands, by their English or Finnish headers. Headers are matched
 * ignoring case, spaces, `_`, `-` and Finnish letters written without dots (sahkoposti), so what a
 * coordinator types in Excel usually just works.
 */
export type MemberColumn = 'name' | 'email' | 'organisation' | 'type' | 'joinedAt';
export type InteractionColumn = 'kind' | 'date' | 'participants' | 'note' | 'channel';
export type Column = MemberColumn | InteractionColumn;

const HEADERS: Record<Column, { en: string; fi: string; aliases: string[] }> = {
  name: { en: 'name', fi: 'nimi', aliases: [] },
  email: { en: 'email', fi: 'sähköposti', aliases: ['e-mail', 'mail', 'sposti', 's-posti'] },
  organisation: { en: 'organisation', fi: 'organisaatio', aliases: ['organization', 'org'] },
  type: { en: 'type', fi: 'tyyppi', aliases: ['member type', 'jäsentyyppi'] },
  joinedAt: { en: 'joinedAt', fi: 'liittyi', aliases: ['joined', 'joined at', 'liittymispäivä'] },
  kind: { en: 'kind', fi: 'laji', aliases: ['type of interaction', 'vuorovaikutus'] },
  date: { en: 'date', fi: 'päivämäärä', aliases: ['occurredAt', 'occurred at', 'pvm', 'aika', 'when'] },
  participants: { en: 'participants', fi: 'osallistujat', aliases: ['members', 'jäsenet'] },
  note: { en: 'note', fi: 'muistiinpano', aliases: ['notes', 'muistiinpanot', 'huomio', 'kuvaus', 'description'] },
  channel: { en: 'channel', fi: 'kanava', aliases: [] },
};

export const MEMBER_COLUMNS: readonly MemberColumn[] = ['name', 'email', 'organisation', 'type', 'joinedAt'];
export const INTERACTION_COLUMNS: readonly InteractionColumn[] = ['kind', 'date', 'participants', 'note', 'channel'];

export function headerKey(header: string): string {
  return header
    .replace(/^\uFEFF/, '')
    .toLocaleLowerCase('fi')
    .replace(/ä/g, 'a')
    .replace(/ö/g, 'o')
    .replace(/å/g, 'a')
    .replace(/[\s_\-.*]+/g, '');
}

/** The columns of a sheet of one kind, by position; unknown headers are kept out (and reported). */
export function columnsOf(headers: readonly string[], wanted: readonly Column[]): { columns: Map<Column, number>; unknown: string[] } {
  const columns = new Map<Column, number>();
  const unknown: string[] = [];
  headers.forEach((header, index) => {
    const key = headerKey(header);
    if (key === '') return;
    const column = wanted.find((c) => [HEADERS[c].en, HEADERS[c].fi, ...HEADERS[c].aliases].some((h) => headerKey(h) === key));
    if (column && !columns.has(column)) columns.set(column, index);
    else unknown.push(header);
  });
  return { columns, unknown };
}

/** The header of a column in a language, for templates and for problems named as the file names them. */
export function headerOf(column: Column, lang: 'fi' | 'en'): string {
  return HEADERS[column][lang];
}
