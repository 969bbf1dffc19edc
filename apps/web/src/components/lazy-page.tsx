import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useI18n } from '../i18n/i18n';

/**
 * A page whose code is fetched when it is first shown (`load` is a dynamic import), so the
 * coordinator's pages add nothing to what a member's phone downloads for logging.
 */
export function lazyPage<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let loaded: ComponentType<P> | undefined;
  return function LazyPage(props: P) {
    const { t } = useI18n();
    const [Page, setPage] = useState<ComponentType<P> | undefined>(() => loaded);
    useEffect(() => {
      if (Page) return;
      void load().then((page) => {
        loaded = page;
        setPage(() => page);
      });
    }, []);
    return Page ? <Page {...props} /> : <p>{t('common.loading')}</p>;
  };
}
