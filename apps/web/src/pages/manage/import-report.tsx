import { useI18n } from '../../i18n/i18n';
import type { ImportReport } from './imports.views';

/**
 * A dry run's answer: what the file would create, and each problem as a table row (sheet, row,
 * column, problem in the API's words), so a coordinator can go through the spreadsheet line by line.
 */
export function ImportReportView({ report }: { report: ImportReport }) {
  const { t } = useI18n();
  const sheets = report.problems.some((p) => p.sheet);
  return (
    <div class="import-report">
      <h3>{t('imports.wouldCreate')}</h3>
      <ul class="import-summary">
        <li>{t('imports.rowsRead', { count: report.rows, format: report.format.toUpperCase() })}</li>
        {report.rowsWithProblems > 0 && <li>{t('imports.rowsWithProblems', { count: report.rowsWithProblems })}</li>}
        <li>{t('imports.newMembers', { count: report.members.create })}</li>
        <li>{t('imports.existingMembers', { count: report.members.existing })}</li>
        <li>{t('imports.interactionsToLog', { count: report.interactions.log })}</li>
      </ul>
      {report.problems.length > 0 && (
        <table class="manage-table import-problems">
          <caption>{t('imports.problems', { count: report.problems.length })}</caption>
          <thead>
            <tr>
              {sheets && <th scope="col">{t('imports.sheet')}</th>}
              <th scope="col">{t('imports.row')}</th>
              <th scope="col">{t('imports.column')}</th>
              <th scope="col">{t('imports.problem')}</th>
            </tr>
          </thead>
          <tbody>
            {report.problems.map((p, i) => (
              <tr key={i}>
                {sheets && <td>{p.sheet ?? ''}</td>}
                <th scope="row">{p.row > 0 ? p.row : '—'}</th>
                <td>
                  <code>{p.column || '—'}</code>
                </td>
                <td>{p.problem}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
