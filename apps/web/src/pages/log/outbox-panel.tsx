import { useI18n } from '../../i18n/i18n';
import type { useOutbox } from '../../outbox/use-outbox';
import type { InteractionKind } from './vocabulary';

/** The outbox made visible: what is waiting on this device, a way to send it now, and refusals. */
export function OutboxPanel({ outbox }: { outbox: ReturnType<typeof useOutbox> }) {
  const { t, date } = useI18n();
  if (!outbox.waiting.length) return null;
  return (
    <section class="outbox" aria-labelledby="outbox-title">
      <h2 id="outbox-title">{t('outbox.title', { count: outbox.waiting.length })}</h2>
      <ul>
        {outbox.waiting.map((pending) => (
          <li key={pending.key}>
            <span>
              {t(`kind.${pending.body.kind as InteractionKind}`)} · {date(pending.body.occurredAt, 'short')}
            </span>
            {pending.problem && (
              <>
                <span class="field-error">{pending.problem}</span>
                <button type="button" class="button button--small" onClick={() => outbox.discard(pending.key)}>
                  {t('outbox.discard')}
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
      <button type="button" class="button button--small" onClick={() => outbox.send()}>
        {t('outbox.send')}
      </button>
    </section>
  );
}
