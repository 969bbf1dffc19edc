/** What the imports API answers (apps/api/src/imports/imports.service.ts). */
export interface ImportProblem {
  /** The workbook's sheet, when the file has several. */
  sheet?: string;
  /** As the spreadsheet numbers it (the header is row 1). */
  row: number;
  /** As the file names it. */
  column: string;
  problem: string;
}

export interface ImportJob {
  id: string;
  status: 'running' | 'done' | 'failed';
  done: number;
  total: number;
  report?: ImportReport;
}

export interface ImportReport {
  format: string;
  committed: boolean;
  rows: number;
  problems: ImportProblem[];
  /** Rows that `problems` names; `members` and `interactions` count only the others. */
  rowsWithProblems: number;
  members: { create: number; existing: number };
  interactions: { log: number };
  job?: ImportJob;
  /** `interactionsLogged`: new in this run; `interactionsAlreadyImported`: written by an earlier run of the same file. */
  result?: { membersCreated: number; interactionsLogged: number; interactionsAlreadyImported: number };
}
