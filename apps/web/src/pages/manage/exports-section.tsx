import { useState } from 'preact/hooks';
import type { NetworkSummary } from '../../api/views';
import { useI18n } from '../../i18n/i18n';

const AT_DATE = ['graphml', 'nodes.csv', 'edges.csv'] as const;

/** Today in the browser's calendar, as the API reads a date (YYYY-MM-DD, the end of that day). */
const today = () => new Date().toLocaleDateString('sv-SE');

/**
 * Exports as plain download links: GET with the session cookie needs no CSRF token, and the API
 * names the file (Content-Disposition), so the browser saves it without any script.
 */
export function ExportsSection({ network }: { network: NetworkSummary }) {
  const { t } = useI18n();
  const [at, setAt] = useState(today);
  const base = `/api/networks/${encodeURIComponent(network.id)}/export`;
  const href = (format: string) => `${base}?${new URLSearchParams(at ? { format, at } : { format })}`;
  return (
    <section class="manage-section" aria-labelledby="exports-title">
      <h2 id="exports-title">{t('manage.exports')}</h2>
      <div class="field">
        <label for="export-at">{t('manage.exportAt')}</label>
        <input id="export-at" type="date" value={at} max={today()} onInput={(e) => setAt(e.currentTarget.value)} />
      </div>
      <ul class="export-list">
        {AT_DATE.map((format) => (
          <li key={format}>
            <a href={href(format)} download>
              {t(`export.${format}`)}
            </a>
          </li>
        ))}
        <li>
          <a href={`${base}?format=gexf`} download>
            {t('export.gexf')}
          </a>
        </li>
      </ul>
    </section>
  );
}
