import { createContext, type ComponentChildren } from 'preact';
import { useContext, useEffect, useMemo, useState } from 'preact/hooks';
import type { Language } from './dictionary';
import { initialLanguage, translator, type Translator } from './translator';

export type { Translator };

const STORAGE_KEY = 'solmu.language';

const I18nContext = createContext<Translator>(translator('en'));

export function I18nProvider({ children }: { children: ComponentChildren }) {
  const [language, setLanguage] = useState<Language>(() => initialLanguage(localStorage.getItem(STORAGE_KEY), navigator.languages ?? [navigator.language]));
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const value = useMemo(
    () =>
      translator(
        language,
        (next) => {
          localStorage.setItem(STORAGE_KEY, next);
          setLanguage(next);
        },
        navigator.languages ?? [navigator.language],
      ),
    [language],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export const useI18n = (): Translator => useContext(I18nContext);
