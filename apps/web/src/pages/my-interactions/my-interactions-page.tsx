import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api/client';
import { formProblems } from '../../api/problems';
import type { Interaction, Me, Member, NetworkSummary } from '../../api/views';
import { KindIcon } from '../../components/icons';
import { useI18n } from '../../i18n/i18n';
import { LogForm } from '../log/log-form';
import type { InteractionKind } from '../log/vocabulary';
import './my-interactions.css';

/** What I took part in, newest first, with a way to correct it or retract what should not count. */
export function MyInteractionsPage({ network }: { network: NetworkSummary }) {
  const { t, date } = useI18n();
  const [items, setItems] = useState<Interaction[] | null>(null);
  const [names, setNames] = useState<Map<string, string>>(new Map());
  const [me, setMe] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<Interaction | null>(null);

  const load = async () => {
    const params = { path: { networkId: network.id } };
    const [mine, list] = await Promise.all([api.GET('/api/networks/{networkId}/me', { params }), api.GET('/api/networks/{networkId}/members', { params })]);
    const memberId = (mine.data as Me | undefined)?.memberId ?? null;
    setMe(memberId);
    setNames(new Map(((list.data as Member[] | undefined) ?? []).map((m) => [m.id, m.name])));
    if (!memberId) return setItems([]);
    const history = await api.GET('/api/networks/{networkId}/interactions', { params: { ...params, query: { member: memberId, limit: 100, includeRetracted: true } } });
    const found = (history.data as { interactions?: Interaction[] } | undefined)?.interactions ?? [];
    setItems([...found].sort((a, b) => b.occurredAt.localeCompare(a.occurredAt)));
  };

  useEffect(() => {
    void load();
  }, [network.id]);

  const retract = async (interaction: Interaction) => {
    const label = t(`kind.${interaction.kind as InteractionKind}`);
    if (!confirm(t('mine.confirmRetract', { kind: label, date: date(interaction.occurredAt) }))) return;
    const { error: failed } = await api.POST('/api/networks/{networkId}/interactions/{interactionId}/retract', { params: { path: { networkId: network.id, interactionId: interaction.id } }, body: {} });
    if (failed) return setError(formProblems(failed, []).general.join(' '));
    setError(null);
    await load();
  };

  if (editing) {
    const done = () => {
      setEditing(null);
      void load();
    };
    return <LogForm network={network} editing={editing} onDone={done} />;
  }

  return (
    <section aria-labelledby="mine-title">
      <h1 id="mine-title">{t('mine.title')}</h1>
      {error && (
        <p class="field-error" role="alert">
          {error}
        </p>
      )}
      {items === null ? (
        <p>{t('common.loading')}</p>
      ) : items.length === 0 ? (
        <p>{t('mine.none')}</p>
      ) : (
        <>
          <p class="hint">{t('mine.count', { count: items.length })}</p>
          <ul class="interactions">
            {items.map((item) => (
              <li key={item.id} class={`interaction${item.status === 'retracted' ? ' interaction--retracted' : ''}`}>
                <KindIcon kind={item.kind as InteractionKind} />
                <div class="interaction__text">
                  <span class="interaction__kind">{t(`kind.${item.kind as InteractionKind}`)}</span>
                  <span>{item.participants.filter((id) => id !== me).map((id) => names.get(id) ?? '?').join(', ')}</span>
                  <span class="hint">{date(item.occurredAt)}</span>
                </div>
                {item.status === 'retracted' ? (
                  <span class="interaction__status">{t('mine.retracted')}</span>
                ) : (
                  <div class="interaction__actions">
                    <button type="button" class="button button--small" onClick={() => setEditing(item)}>
                      {t('mine.correct')}
                      <span class="visually-hidden"> {t(`kind.${item.kind as InteractionKind}`)}, {date(item.occurredAt)}</span>
                    </button>
                    <button type="button" class="button button--small" onClick={() => retract(item)}>
                      {t('mine.retract')}
                      <span class="visually-hidden"> {t(`kind.${item.kind as InteractionKind}`)}, {date(item.occurredAt)}</span>
                    </button>
                  </div>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
