import { Injectable, Logger } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  formatOf,
  ImportPlan,
  ImportProblem,
  InteractionRow,
  KnownMember,
  MemberRow,
  planImport,
  readCsv,
  readNetworkMap,
  readWorkbook,
  Participant,
  Sheet,
} from '@solmu/integrations';
import { CommandContext, DomainError, Forbidden, NotFound, parseDateInput, ValidationFailed } from '@solmu/kernel';
import { DryRunCommand, JoinNetworkCommand, LogInteractionCommand, MemberView } from '@solmu/network';
import { ListMembersQuery, ReadAccess } from '@solmu/projections';
import { createHash, randomUUID } from 'node:crypto';

export interface ImportOptions {
  commit: boolean;
  /** Commit in the background and answer at once with a job to poll (large files). */
  background?: boolean;
  /** The day a network map's edges are logged on (GEXF, GraphML). */
  date?: string;
}

export interface ImportReport {
  format: string;
  committed: boolean;
  /** Rows read (not counting headers and empty rows). */
  rows: number;
  problems: ImportProblem[];
  /** Rows (not headers) that `problems` names: none of the counts below includes them. */
  rowsWithProblems: number;
  /**
   * New members (`create`) and interactions (`log`) on rows without problems: what a commit writes
   * once the rows in `problems` are fixed or removed (a file with problems writes nothing).
   */
  members: { create: number; existing: number };
  interactions: { log: number };
  /** With `background`: the job to poll at `GET …/imports/jobs/:jobId`. */
  job?: ImportJob;
  /**
   * After a commit: what the commands did. `interactionsLogged` counts interactions new in this run;
   * a row an earlier run of the same file logged is answered with that interaction, no new event,
   * and counted in `interactionsAlreadyImported` (members already in the network are `members.existing`).
   */
  result?: { membersCreated: number; interactionsLogged: number; interactionsAlreadyImported: number };
}

/**
 * A commit running in the background. Jobs live in this process's memory (for an hour after they end):
 * a restart loses the job, not the rows written — committing the same file again finishes the rest.
 */
export interface ImportJob {
  id: string;
  networkId: string;
  status: 'running' | 'done' | 'failed';
  done: number;
  total: number;
  report?: ImportReport;
}

const JOBS_KEPT_MS = 60 * 60 * 1000;

/** Every this many rows, a commit logs how far it is. */
const PROGRESS_EVERY = 1000;

/**
 * Runs an import: reads the file, plans it against the network's members (pure, in
 * @solmu/integrations), and on commit sends the same commands as the API — JoinNetwork for new
 * members, LogInteraction for interactions with an idempotency key made of the file's hash, the
 * sheet and the row, so a file committed twice logs each interaction once.
 */
@Injectable()
export class Imports {
  private readonly logger = new Logger('Imports');
  private readonly jobs = new Map<string, ImportJob>();

  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly access: ReadAccess,
  ) {}

  /** Imports are the coordinators': they add members and log for anyone (a token with one of the two scopes is not enough). */
  async authorise(networkId: string, context: CommandContext): Promise<void> {
    const access = await this.access.to(networkId, context.principal, 'members:manage');
    if (!access.can('interactions:write-any')) throw new Forbidden('imports add members and log interactions for anyone: coordinators only');
  }

  async run(networkId: string, file: { filename: string; bytes: Buffer }, options: ImportOptions, context: CommandContext): Promise<ImportReport> {
    await this.authorise(networkId, context);
    const format = formatOf(file.bytes, file.filename);
    const sheets = await this.read(format, file.bytes, options);
    const members: MemberView[] = await this.queries.execute(new ListMembersQuery(networkId, context.principal));
    // Members who left stay nameable: interactions from before they left are history to import.
    const known: KnownMember[] = members.filter((m) => !m.erased).map((m) => ({ id: m.id, name: m.name, ...(m.email && { email: m.email }) }));
    const plan = planImport(sheets, known);
    await this.checkWithDeciders(networkId, plan, known, context);
    const faulty = new Set(plan.problems.map((p) => rowKey(p.sheet, p.row)));
    const clean = (row: MemberRow | InteractionRow) => !faulty.has(rowKey(row.sheet, row.row));
    const report: ImportReport = {
      format,
      committed: false,
      rows: plan.rows,
      problems: plan.problems,
      // Row 1 is the header (a missing column), row 0 the file as a whole.
      rowsWithProblems: new Set(plan.problems.filter((p) => p.row > 1).map((p) => rowKey(p.sheet, p.row))).size,
      members: { create: plan.members.filter((m) => !m.existingId && clean(m)).length, existing: plan.members.filter((m) => m.existingId && clean(m)).length },
      interactions: { log: plan.interactions.filter(clean).length },
    };
    // A file with problems is never half-written: the coordinator fixes it and runs it again.
    if (!options.commit || plan.problems.length) return report;
    if (options.background) return { ...report, job: this.start(networkId, file.bytes, plan, report, context) };
    report.result = await this.commit(networkId, file.bytes, plan, context);
    report.committed = report.problems.length === 0;
    return report;
  }

  async job(networkId: string, jobId: string, context: CommandContext): Promise<ImportJob> {
    await this.authorise(networkId, context);
    const job = this.jobs.get(jobId);
    if (!job || job.networkId !== networkId) throw new NotFound('import job', jobId, 'jobId');
    return job;
  }

  private start(networkId: string, bytes: Buffer, plan: ImportPlan, report: ImportReport, context: CommandContext): ImportJob {
    const job: ImportJob = { id: randomUUID(), networkId, status: 'running', done: 0, total: plan.members.length + plan.interactions.length };
    this.jobs.set(job.id, job);
    const finished = (status: ImportJob['status']) => {
      job.status = status;
      setTimeout(() => this.jobs.delete(job.id), JOBS_KEPT_MS).unref();
    };
    this.commit(networkId, bytes, plan, context, (done) => (job.done = done)).then(
      (result) => {
        job.report = { ...report, result, committed: plan.problems.length === 0 };
        finished(plan.problems.length ? 'failed' : 'done');
      },
      (error: Error) => {
        this.logger.error(`import job ${job.id} failed: ${error.stack ?? error.message}`);
        job.report = { ...report, problems: [{ row: 0, column: '', problem: 'the import stopped on an unexpected error; commit the same file again to finish it' }] };
        finished('failed');
      },
    );
    return { ...job };
  }

  /**
   * The domain's own rules (lengths, emails, dates in the future, membership on the day…) for every
   * row that parsed, by the same deciders the commands run, on the network's current state: what
   * the commit would refuse, the dry run reports.
   */
  private async checkWithDeciders(networkId: string, plan: ImportPlan, known: readonly KnownMember[], context: CommandContext): Promise<void> {
    const joining = plan.members.filter((m) => !m.existingId);
    const names = new Map(known.map((m) => [m.id, m.name]));
    for (const m of joining) names.set(placeholder(m.sheet, m.row), m.profile.name);
    const outcome = await this.commands.execute(
      new DryRunCommand(
        networkId,
        joining.map((m) => ({ memberId: placeholder(m.sheet, m.row), profile: m.profile })),
        plan.interactions.map((row) => interactionDetails(row, (p) => ('memberId' in p ? p.memberId : placeholder(p.sheet, p.newMemberRow)))),
        context,
      ),
    );
    const report = (row: MemberRow | InteractionRow, problems: { field: string; problem: string }[]) => {
      for (const p of problems) plan.problems.push({ ...(row.sheet && { sheet: row.sheet }), row: row.row, column: columnOf(p.field), problem: withNames(p.problem, names) });
    };
    for (const { index, problems } of outcome.members) report(joining[index], problems);
    for (const { index, problems } of outcome.interactions) report(plan.interactions[index], problems);
    plan.problems.sort((a, b) => (a.sheet ?? '').localeCompare(b.sheet ?? '') || a.row - b.row);
  }

  private async read(format: ReturnType<typeof formatOf>, bytes: Buffer, options: ImportOptions): Promise<Sheet[]> {
    try {
      if (format === 'csv') return [readCsv(bytes)];
      if (format === 'xlsx') return await readWorkbook(bytes);
    } catch (error) {
      throw ValidationFailed.field('file', `could not be read as ${format.toUpperCase()}: ${(error as Error).message.split('\n')[0]}`, 'unreadable_file');
    }
    if (options.date === undefined) throw ValidationFailed.field('date', `is required for a ${format.toUpperCase()} network map: the day its ties are logged on`);
    const parsed = parseDateInput(options.date);
    if ('problem' in parsed) throw ValidationFailed.field('date', parsed.problem, 'invalid_date');
    const sheets = readNetworkMap(bytes, format, options.date);
    if ('problem' in sheets) throw ValidationFailed.field('file', sheets.problem, 'unreadable_file');
    return sheets;
  }

  private async commit(networkId: string, bytes: Buffer, plan: ImportPlan, context: CommandContext, onProgress?: (done: number) => void): Promise<NonNullable<ImportReport['result']>> {
    const fileHash = createHash('sha256').update(bytes).digest('base64url').slice(0, 32);
    const importContext: CommandContext = { principal: context.principal, source: 'import', correlationId: context.correlationId };
    const result = { membersCreated: 0, interactionsLogged: 0, interactionsAlreadyImported: 0 };
    const total = plan.members.length + plan.interactions.length;
    let done = 0;
    const progress = () => {
      done += 1;
      onProgress?.(done);
      if (done % PROGRESS_EVERY === 0 || done === total) this.logger.log(`import ${fileHash.slice(0, 8)} into ${networkId}: ${done}/${total} rows`);
    };
    const newIds = new Map<string, string>();
    for (const row of plan.members) {
      if (!row.existingId) {
        const created = await this.attempt(plan, row, 'name', () => this.commands.execute(new JoinNetworkCommand(networkId, memberProfile(row), importContext)) as Promise<MemberView>);
        if (!created) break;
        newIds.set(rowKey(row.sheet, row.row), created.id);
        result.membersCreated += 1;
      }
      progress();
    }
    if (plan.problems.length) return result;
    for (const row of plan.interactions) {
      const details = interactionDetails(row, (p) => ('memberId' in p ? p.memberId : newIds.get(rowKey(p.sheet, p.newMemberRow))!));
      const context = {
        ...importContext,
        idempotencyKey: `import:${fileHash}:${row.sheet ?? ''}:${row.row}`,
        requestHash: createHash('sha256').update(JSON.stringify(row.cells)).digest('base64url'),
      };
      let replayed = false;
      const logged = await this.attempt(plan, row, 'participants', () => this.commands.execute(new LogInteractionCommand(networkId, details, context, () => (replayed = true))));
      if (!logged) break;
      if (replayed) result.interactionsAlreadyImported += 1;
      else result.interactionsLogged += 1;
      progress();
    }
    return result;
  }

  /** Runs one row's command; a refusal becomes that row's problem (in the API's words) and stops the import. */
  private async attempt<T>(plan: ImportPlan, row: MemberRow | InteractionRow, fallbackColumn: string, command: () => Promise<T>): Promise<T | undefined> {
    try {
      return await command();
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const problems = error.problems.length ? error.problems : [{ field: fallbackColumn, problem: error.message }];
      for (const p of problems) plan.problems.push({ ...(row.sheet && { sheet: row.sheet }), row: row.row, column: columnOf(p.field), problem: p.problem });
      return undefined;
    }
  }
}

/** The API's field names as the import's columns (`participants[1]` is a name in the participants cell). */
const COLUMN_OF_FIELD: Record<string, string> = { occurredAt: 'date', memberType: 'type' };
function columnOf(field: string): string {
  const base = field.replace(/\[\d+\]$/, '');
  return COLUMN_OF_FIELD[base] ?? base;
}

function memberProfile({ profile }: MemberRow) {
  return profile;
}

function interactionDetails(row: InteractionRow, idOf: (p: Participant) => string) {
  return { kind: row.kind, occurredAt: row.occurredAt, participants: row.participants.map(idOf), ...(row.note && { note: row.note }), ...(row.channel && { channel: row.channel }) };
}

/** The id a new member goes by in the dry run, before they have one. */
function placeholder(sheet: string | undefined, row: number): string {
  return `new:${encodeURIComponent(sheet ?? '')}:${row}`;
}

/** The deciders name members by id; the file's reader knows them by name. */
function withNames(problem: string, names: ReadonlyMap<string, string>): string {
  return problem.replace(/member (\S+) /g, (whole, id: string) => (names.has(id) ? `member "${names.get(id)}" ` : whole));
}

function rowKey(sheet: string | undefined, row: number): string {
  return `${sheet ?? ''}\u0000${row}`;
}
