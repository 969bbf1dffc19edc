import type { FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { NetworkSummary } from '../../api/views';
import { useI18n } from '../../i18n/i18n';

type Page = FunctionComponent<{ network: NetworkSummary }>;
let loaded: Page | undefined;

/**
 * The picture page and everything it draws with (sigma, graphology, the layout worker) load on
 * first visit only: the member's logging page keeps its bundle budget.
 */
export function LazyPicturePage({ network }: { network: NetworkSummary }) {
  const { t } = useI18n();
  const [Page, setPage] = useState<Page | undefined>(() => loaded);
  useEffect(() => {
    if (!Page) void import('./picture-page').then((module) => setPage(() => (loaded = module.PicturePage)));
  }, []);
  return Page ? <Page network={network} /> : <p class="loading">{t('common.loading')}</p>;
}
