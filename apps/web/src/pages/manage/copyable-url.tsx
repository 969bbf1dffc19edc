import { useRef, useState } from 'preact/hooks';
import { useI18n } from '../../i18n/i18n';

/**
 * A URL to paste into Slack or Teams: a read-only text box (selectable by hand) and a Copy button.
 * Where the browser refuses the clipboard (plain http on another host), the text is selected instead.
 */
export function CopyableUrl({ id, label, url }: { id: string; label: string; url: string }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  const box = useRef<HTMLInputElement>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      box.current?.select();
    }
  };
  return (
    <div class="copyable">
      <label for={id}>{label}</label>
      <div class="copyable__row">
        <input id={id} ref={box} readOnly value={url} onFocus={(e) => e.currentTarget.select()} />
        <button type="button" class="button button--small" onClick={copy} aria-label={t(copied ? 'integrations.copiedNamed' : 'integrations.copyNamed', { name: label })}>
          {copied ? t('manage.copied') : t('manage.copy')}
        </button>
      </div>
    </div>
  );
}
