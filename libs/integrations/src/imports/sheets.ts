import { parse } from 'csv-parse/sync';
import readXlsx from 'read-excel-file/node';

/** A sheet as text cells, its header row first. Rows are numbered as a spreadsheet shows them (header = 1). */
export interface Sheet {
  name?: string;
  rows: string[][];
}

export type FileFormat = 'csv' | 'xlsx' | 'gexf' | 'graphml';

/** What the bytes are: XLSX by its zip signature, XML maps by their root element, anything else CSV. */
export function formatOf(bytes: Uint8Array, filename = ''): FileFormat {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return 'xlsx';
  const head = Buffer.from(bytes.subarray(0, 2048)).toString('utf8').toLowerCase();
  if (/<gexf[\s>]/.test(head) || filename.toLowerCase().endsWith('.gexf')) return 'gexf';
  if (/<graphml[\s>]/.test(head) || filename.toLowerCase().endsWith('.graphml')) return 'graphml';
  return 'csv';
}

/**
 * A CSV file: UTF-8 with or without a BOM, separated by `;` (Finnish Excel), `,` or tabs — the
 * separator the header line uses most wins. Quotes and line breaks inside quotes work as in RFC 4180.
 */
export function readCsv(bytes: Uint8Array): Sheet {
  const text = Buffer.from(bytes).toString('utf8').replace(/^\uFEFF/, '');
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = [';', ',', '\t'].map((d) => [d, firstLine.split(d).length] as const).sort((a, b) => b[1] - a[1])[0][0];
  const rows: string[][] = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: false, trim: true, bom: true });
  return { rows };
}

/** Every sheet of an XLSX workbook, cells as text: dates as ISO dates (with the time when it is not midnight). */
export async function readWorkbook(bytes: Uint8Array): Promise<Sheet[]> {
  const sheets = await readXlsx(Buffer.from(bytes));
  return sheets.map(({ sheet, data }) => ({ name: sheet, rows: data.map((row) => row.map(cellText)) }));
}

function cellText(cell: unknown): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) {
    // Excel keeps wall-clock time without a zone; read-excel-file hands it over as that time in UTC.
    const iso = cell.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19);
  }
  return String(cell).trim();
}
