import { useI18n } from '../i18n/i18n';

/** One button that switches between Finnish and English; its label is in the language it switches to. */
export function LanguageSwitch() {
  const { t, language, setLanguage } = useI18n();
  const other = language === 'fi' ? 'en' : 'fi';
  return (
    <button type="button" class="link-button" lang={other} aria-label={t('lang.switchLabel')} onClick={() => setLanguage(other)}>
      {t('lang.switch')}
    </button>
  );
}
