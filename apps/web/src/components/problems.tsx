import { useEffect, useRef } from 'preact/hooks';
import { useI18n } from '../i18n/i18n';

/** GOV.UK-style summary at the top of a form: focused when it appears, each entry links to its field. */
export function ErrorSummary({ entries }: { entries: Array<{ text: string; href?: string }> }) {
  const { t } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (entries.length) box.current?.focus();
  }, [entries.length]);
  if (!entries.length) return null;
  return (
    <div class="error-summary" role="alert" tabIndex={-1} ref={box} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{t('common.errorSummary')}</h2>
      <ul>
        {entries.map((entry) => (
          <li key={entry.text}>{entry.href ? <a href={entry.href}>{entry.text}</a> : entry.text}</li>
        ))}
      </ul>
    </div>
  );
}

/** The message beside its field; the field points at it with aria-describedby. */
export function FieldError({ id, messages }: { id: string; messages?: string[] }) {
  if (!messages?.length) return null;
  return (
    <p class="field-error" id={id}>
      {messages.join(' ')}
    </p>
  );
}
