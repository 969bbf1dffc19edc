import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../../api/client';
import { formProblems, type FormProblems } from '../../api/problems';
import type { NetworkSummary } from '../../api/views';
import { ErrorSummary, FieldError } from '../../components/problems';
import { useI18n } from '../../i18n/i18n';
import { ImportReportView } from './import-report';
import type { ImportJob, ImportReport } from './imports.views';
import './manage.css';
import './imports.css';

const FIELDS = ['file', 'date'] as const;
const NO_PROBLEMS: FormProblems = { byField: {}, general: [] };
/** How often a running import is asked how far it is. */
const POLL_MS = 400;
const ACCEPT = {
  records: '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  map: '.gexf,.graphml,.xml',
} as const;
type What = keyof typeof ACCEPT;
type Stage = { step: 'choose' } | { step: 'checking' } | { step: 'checked'; report: ImportReport } | { step: 'importing'; done: number; total: number } | { step: 'imported'; report: ImportReport };

/**
 * Importing spreadsheets and network maps (`/manage/imports`): the file is first sent as a dry run,
 * whose report (what would be created, and every problem by row and column) is shown as it is;
 * "Import" then sends the same file to be written, in the background, with its progress shown.
 * The API decides everything; committing a file twice adds nothing (its idempotency keys).
 */
export function ImportsPage({ network }: { network: NetworkSummary }) {
  const { t } = useI18n();
  const [what, setWhat] = useState<What>('records');
  const [file, setFile] = useState<File | null>(null);
  const [date, setDate] = useState('');
  const [stage, setStage] = useState<Stage>({ step: 'choose' });
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS);
  const outcome = useRef<HTMLDivElement>(null);
  const alive = useRef(true);
  useEffect(
    () => () => {
      alive.current = false;
    },
    [],
  );
  useEffect(() => {
    if (stage.step === 'checked' || stage.step === 'imported') outcome.current?.focus();
  }, [stage.step]);

  const send = async (commit: boolean): Promise<ImportReport | undefined> => {
    if (!file) {
      setProblems({ byField: { file: [t('imports.chooseFirst')] }, general: [] });
      return undefined;
    }
    const body = new FormData();
    body.append('file', file, file.name);
    const query = { ...(commit && { commit: 'true' as const, background: 'true' as const }), ...(what === 'map' && date && { date }) };
    // The schema describes the multipart body as an object; openapi-fetch sends FormData as it is.
    const { data, error } = await api.POST('/api/networks/{networkId}/imports', { params: { path: { networkId: network.id }, query }, body: body as never });
    if (error) {
      setProblems(formProblems(error, FIELDS));
      setStage({ step: 'choose' });
      return undefined;
    }
    setProblems(NO_PROBLEMS);
    return data as unknown as ImportReport;
  };

  const check = async (event: Event) => {
    event.preventDefault();
    setStage({ step: 'checking' });
    const report = await send(false);
    if (report) setStage({ step: 'checked', report });
  };

  const commit = async () => {
    setStage({ step: 'importing', done: 0, total: 0 });
    const answer = await send(true);
    if (!answer) return;
    // The network changed since the dry run: the API checked again and wrote nothing.
    if (!answer.job) return setStage({ step: 'checked', report: answer });
    const ended = await follow(network.id, answer.job, (job) => {
      if (alive.current) setStage({ step: 'importing', done: job.done, total: job.total });
      return alive.current;
    });
    if (!alive.current) return;
    if (!ended) return setProblems({ byField: {}, general: [t('imports.lost')] });
    setStage(ended.status === 'done' && ended.report ? { step: 'imported', report: ended.report } : { step: 'checked', report: ended.report ?? { ...answer, problems: [] } });
  };

  const choose = (event: Event) => {
    setFile((event.currentTarget as HTMLInputElement).files?.[0] ?? null);
    setStage({ step: 'choose' });
    setProblems(NO_PROBLEMS);
  };

  const summary = [...FIELDS.flatMap((field) => (problems.byField[field] ?? []).map((text) => ({ text, href: `#import-${field}` }))), ...problems.general.map((text) => ({ text }))];
  const templates = `/api/networks/${encodeURIComponent(network.id)}/imports/templates`;
  const busy = stage.step === 'checking' || stage.step === 'importing';

  return (
    <div class="manage-page imports-page">
      <h1>{t('imports.title')}</h1>
      <p>{t('imports.intro')}</p>
      <section class="manage-section" aria-labelledby="templates-title">
        <h2 id="templates-title">{t('imports.templates')}</h2>
        <p>{t('imports.templatesHelp')}</p>
        <ul class="export-list">
          {(['members', 'interactions'] as const).flatMap((kind) =>
            (['fi', 'en'] as const).map((lang) => (
              <li key={`${kind}.${lang}`}>
                <a href={`${templates}/${kind}.${lang}.csv`} download>
                  {t(`imports.template.${kind}.${lang}`)}
                </a>
              </li>
            )),
          )}
        </ul>
      </section>
      <section class="manage-section" aria-labelledby="import-title">
        <h2 id="import-title">{t('imports.run')}</h2>
        <form onSubmit={check} noValidate aria-labelledby="import-title">
          <ErrorSummary entries={summary} />
          <fieldset class="field">
            <legend>{t('imports.what')}</legend>
            {(['records', 'map'] as const).map((option) => (
              <label key={option} class="check">
                <input type="radio" name="import-what" value={option} checked={what === option} onChange={() => {
                    setWhat(option);
                    setStage({ step: 'choose' });
                  }} /> {t(`imports.what.${option}`)}
              </label>
            ))}
          </fieldset>
          <div class={`field${problems.byField.file ? ' field--error' : ''}`}>
            <label for="import-file">{t('imports.file')}</label>
            <p class="hint" id="import-file-hint">
              {t(what === 'records' ? 'imports.fileHintRecords' : 'imports.fileHintMap')}
            </p>
            <input id="import-file" type="file" accept={ACCEPT[what]} onChange={choose} aria-describedby={`import-file-hint${problems.byField.file ? ' import-file-error' : ''}`} />
            <FieldError id="import-file-error" messages={problems.byField.file} />
          </div>
          {what === 'map' && (
            <div class={`field${problems.byField.date ? ' field--error' : ''}`}>
              <label for="import-date">{t('imports.date')}</label>
              <p class="hint" id="import-date-hint">
                {t('imports.dateHint')}
              </p>
              <input id="import-date" type="date" value={date} onInput={(e) => {
                  setDate(e.currentTarget.value);
                  setStage({ step: 'choose' });
                }} aria-describedby={`import-date-hint${problems.byField.date ? ' import-date-error' : ''}`} />
              <FieldError id="import-date-error" messages={problems.byField.date} />
            </div>
          )}
          <button type="submit" class="button button--primary" disabled={busy}>
            {t('imports.check')}
          </button>
        </form>
        <div class="import-outcome" aria-live="polite">
          {stage.step === 'checking' && (
            <p class="import-progress">
              <progress aria-label={t('imports.checking')} />
              <span>{t('imports.checking')}</span>
            </p>
          )}
          {stage.step === 'importing' && (
            <p class="import-progress">
              <progress aria-label={t('imports.importing')} max={stage.total || undefined} value={stage.total ? stage.done : undefined} />
              <span>{stage.total ? t('imports.progress', { done: stage.done, count: stage.total }) : t('imports.importing')}</span>
            </p>
          )}
        </div>
        {stage.step === 'checked' && (
          <div class="import-result" tabIndex={-1} ref={outcome} aria-labelledby="import-result-title">
            <h2 id="import-result-title">{t(stage.report.problems.length ? 'imports.checkedProblems' : 'imports.checkedFine')}</h2>
            <ImportReportView report={stage.report} />
            {stage.report.problems.length ? (
              <p>{t('imports.fixAndRetry')}</p>
            ) : (
              <>
                <p>{t('imports.nothingWritten')}</p>
                <button type="button" class="button button--primary" onClick={commit}>
                  {t('imports.commit')}
                </button>
              </>
            )}
          </div>
        )}
        {stage.step === 'imported' && (
          <div class="import-result" role="status" tabIndex={-1} ref={outcome} aria-labelledby="import-done-title">
            <h2 id="import-done-title">{t('imports.done')}</h2>
            <ul class="import-summary">
              <li>{t('imports.membersCreated', { count: stage.report.result?.membersCreated ?? 0 })}</li>
              <li>{t('imports.interactionsLogged', { count: stage.report.result?.interactionsLogged ?? 0 })}</li>
              {(stage.report.result?.interactionsAlreadyImported ?? 0) > 0 && <li>{t('imports.interactionsAlreadyImported', { count: stage.report.result!.interactionsAlreadyImported })}</li>}
            </ul>
            <p>{t('imports.twice')}</p>
          </div>
        )}
      </section>
    </div>
  );
}

/**
 * Polls a background import until it ends, or until `onProgress` says nobody is watching (the page
 * was left: the import goes on on the server); undefined when the server no longer knows the job.
 */
async function follow(networkId: string, job: ImportJob, onProgress: (job: ImportJob) => boolean): Promise<ImportJob | undefined> {
  let current = job;
  while (current.status === 'running') {
    if (!onProgress(current)) return undefined;
    await new Promise((done) => setTimeout(done, POLL_MS));
    const { data, error } = await api.GET('/api/networks/{networkId}/imports/jobs/{jobId}', { params: { path: { networkId, jobId: job.id } } });
    if (error) return undefined;
    current = data as unknown as ImportJob;
  }
  return current;
}
