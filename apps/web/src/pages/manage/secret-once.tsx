import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '../../i18n/i18n';

/**
 * A secret the API shows only once (an API token, a webhook's signing secret): announced and focused
 * when it appears, copyable, and gone when the coordinator says they have it.
 */
export function SecretOnce({ title, once, value, onDone }: { title: string; once: string; value: string; onDone: () => void }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    setCopied(false);
    box.current?.focus();
  }, [value]);

  const copy = async () => {
    await navigator.clipboard.writeText(value);
    setCopied(true);
  };

  return (
    <div class="token-secret" role="status" tabIndex={-1} ref={box}>
      <p>
        <strong>{title}</strong> {once}
      </p>
      <code class="token-secret__value">{value}</code>
      <div class="token-secret__actions">
        <button type="button" class="button button--small" onClick={copy}>
          {copied ? t('manage.copied') : t('manage.copy')}
        </button>
        <button type="button" class="button button--small" onClick={onDone}>
          {t('manage.tokenDone')}
        </button>
      </div>
    </div>
  );
}
