import { Column, headerOf, INTERACTION_COLUMNS, MEMBER_COLUMNS } from './columns';

export type TemplateKind = 'members' | 'interactions';
export type TemplateLanguage = 'fi' | 'en';

const EXAMPLES: Record<TemplateKind, Record<TemplateLanguage, string[][]>> = {
  members: {
    fi: [['Aino Virtanen', 'aino@example.org', 'Kaupunki', 'policy', '2024-01-15']],
    en: [['Aino Virtanen', 'aino@example.org', 'City', 'policy', '2024-01-15']],
  },
  interactions: {
    fi: [['keskusteltiin', '30.6.2024', 'Aino Virtanen|eero@example.org', 'Yhteinen hanke', '']],
    en: [['discussed', '2024-06-30', 'Aino Virtanen|eero@example.org', 'A joint project', '']],
  },
};

/**
 * A template to fill in: headers in the language, one example row, `;` between cells in Finnish (as
 * Finnish Excel opens and saves CSV) and `,` in English, with a BOM so that Excel reads UTF-8.
 */
export function importTemplate(kind: TemplateKind, lang: TemplateLanguage): string {
  const columns: readonly Column[] = kind === 'members' ? MEMBER_COLUMNS : INTERACTION_COLUMNS;
  const separator = lang === 'fi' ? ';' : ',';
  const line = (cells: readonly string[]) => cells.map((c) => (c.includes(separator) || /["\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(separator);
  return `\uFEFF${[columns.map((c) => headerOf(c, lang)), ...EXAMPLES[kind][lang]].map(line).join('\r\n')}\r\n`;
}
