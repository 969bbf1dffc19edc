import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api/client';
import { formProblems, type FormProblems } from '../../api/problems';
import type { NetworkSummary } from '../../api/views';
import { ErrorSummary, FieldError } from '../../components/problems';
import { useI18n } from '../../i18n/i18n';
import { SecretOnce } from './secret-once';
import './webhooks.css';

const EVENTS = ['interaction.logged', 'interaction.corrected', 'interaction.retracted', 'member.joined', 'member.left', 'phase.changed'] as const;
type WebhookEvent = (typeof EVENTS)[number];
const FIELDS = ['url', 'events', 'description'] as const;
const NO_PROBLEMS: FormProblems = { byField: {}, general: [] };

interface WebhookInfo {
  id: string;
  url: string;
  events: WebhookEvent[];
  description?: string;
  createdAt: string;
  status: 'active' | 'disabled';
}

interface DeliveryInfo {
  id: string;
  eventType: WebhookEvent;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  responseStatus: number | null;
  error: string | null;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
  createdAt: string;
}

/**
 * Webhooks out: other systems hear what happens in the network. The signing secret is in the create
 * answer only, so it is shown once; each webhook's delivery log can be opened and a delivery sent again.
 */
export function WebhooksSection({ network }: { network: NetworkSummary }) {
  const { t, language } = useI18n();
  const [webhooks, setWebhooks] = useState<WebhookInfo[]>([]);
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [events, setEvents] = useState<WebhookEvent[]>(['interaction.logged']);
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS);
  const [created, setCreated] = useState<{ url: string; secret: string } | null>(null);
  const [open, setOpen] = useState<WebhookInfo | null>(null);
  const path = { networkId: network.id };

  const reload = async () => {
    const { data } = await api.GET('/api/networks/{networkId}/webhooks', { params: { path } });
    setWebhooks((data as unknown as { items: WebhookInfo[] } | undefined)?.items ?? []);
  };
  useEffect(() => {
    void reload();
  }, [network.id]);

  const create = async (event: Event) => {
    event.preventDefault();
    const body = { url, events, ...(description.trim() && { description: description.trim() }) };
    const { data, error } = await api.POST('/api/networks/{networkId}/webhooks', { params: { path }, body });
    if (error) return setProblems(formProblems(error, FIELDS));
    setProblems(NO_PROBLEMS);
    setCreated({ url, secret: (data as unknown as { secret: string }).secret });
    setUrl('');
    setDescription('');
    await reload();
  };

  const remove = async (webhook: WebhookInfo) => {
    const { error } = await api.DELETE('/api/networks/{networkId}/webhooks/{webhookId}', { params: { path: { ...path, webhookId: webhook.id } } });
    if (error) return setProblems(formProblems(error, []));
    if (open?.id === webhook.id) setOpen(null);
    await reload();
  };

  const toggle = (name: WebhookEvent, on: boolean) => setEvents((current) => (on ? [...current, name] : current.filter((e) => e !== name)));
  const date = new Intl.DateTimeFormat(language, { dateStyle: 'medium' });
  const summary = [...FIELDS.flatMap((field) => (problems.byField[field] ?? []).map((text) => ({ text, href: `#webhook-${field}` }))), ...problems.general.map((text) => ({ text }))];

  return (
    <section class="manage-section" aria-labelledby="webhooks-title">
      <h2 id="webhooks-title">{t('webhooks.title')}</h2>
      <p>{t('webhooks.intro')}</p>
      {created && <SecretOnce title={t('webhooks.created', { url: created.url })} once={t('webhooks.secretOnce')} value={created.secret} onDone={() => setCreated(null)} />}
      <form onSubmit={create} noValidate>
        <ErrorSummary entries={summary} />
        <div class={`field${problems.byField.url ? ' field--error' : ''}`}>
          <label for="webhook-url">{t('webhooks.url')}</label>
          <input id="webhook-url" type="url" value={url} onInput={(e) => setUrl(e.currentTarget.value)} aria-describedby={problems.byField.url ? 'webhook-url-error' : undefined} />
          <FieldError id="webhook-url-error" messages={problems.byField.url} />
        </div>
        <fieldset id="webhook-events" class={`field${problems.byField.events ? ' field--error' : ''}`} aria-describedby={problems.byField.events ? 'webhook-events-error' : undefined}>
          <legend>{t('webhooks.events')}</legend>
          {EVENTS.map((name) => (
            <label key={name} class="check">
              <input type="checkbox" checked={events.includes(name)} onChange={(e) => toggle(name, e.currentTarget.checked)} /> {t(`webhookEvent.${name}`)} (<code>{name}</code>)
            </label>
          ))}
          <FieldError id="webhook-events-error" messages={problems.byField.events} />
        </fieldset>
        <div class={`field${problems.byField.description ? ' field--error' : ''}`}>
          <label for="webhook-description">{t('webhooks.description')}</label>
          <input id="webhook-description" value={description} onInput={(e) => setDescription(e.currentTarget.value)} aria-describedby={problems.byField.description ? 'webhook-description-error' : undefined} />
          <FieldError id="webhook-description-error" messages={problems.byField.description} />
        </div>
        <button type="submit" class="button button--primary">
          {t('webhooks.create')}
        </button>
      </form>
      {webhooks.length === 0 ? (
        <p>{t('webhooks.none')}</p>
      ) : (
        <table class="manage-table">
          <caption>{t('webhooks.list')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('webhooks.url')}</th>
              <th scope="col">{t('webhooks.events')}</th>
              <th scope="col">{t('webhooks.status')}</th>
              <th scope="col">{t('manage.created')}</th>
              <td />
            </tr>
          </thead>
          <tbody>
            {webhooks.map((webhook) => (
              <tr key={webhook.id}>
                <th scope="row" class="webhook-url">
                  {webhook.url}
                  {webhook.description && <span class="webhook-description">{webhook.description}</span>}
                </th>
                <td>{webhook.events.map((name) => t(`webhookEvent.${name}`)).join(', ')}</td>
                <td>{t(`webhookStatus.${webhook.status}`)}</td>
                <td>{date.format(new Date(webhook.createdAt))}</td>
                <td class="member-actions">
                  <button type="button" class="button button--small" onClick={() => setOpen(webhook)} aria-label={t('webhooks.showLogNamed', { url: webhook.url })}>
                    {t('webhooks.showLog')}
                  </button>
                  <button type="button" class="button button--small" onClick={() => remove(webhook)} aria-label={t('webhooks.removeNamed', { url: webhook.url })}>
                    {t('webhooks.remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {open && <DeliveryLog network={network} webhook={open} onChange={reload} />}
    </section>
  );
}

/** One webhook's deliveries, newest first, a page at a time; any of them can be sent again. */
function DeliveryLog({ network, webhook, onChange }: { network: NetworkSummary; webhook: WebhookInfo; onChange: () => Promise<void> }) {
  const { t, language } = useI18n();
  const [items, setItems] = useState<DeliveryInfo[]>([]);
  const [cursor, setCursor] = useState<string | undefined>();
  const [notice, setNotice] = useState('');
  const path = { networkId: network.id, webhookId: webhook.id };

  const load = async (after?: string) => {
    const { data } = await api.GET('/api/networks/{networkId}/webhooks/{webhookId}/deliveries', { params: { path, query: { limit: 20, ...(after && { cursor: after }) } } });
    const page = data as unknown as { items: DeliveryInfo[]; nextCursor?: string } | undefined;
    setItems((current) => [...(after ? current : []), ...(page?.items ?? [])]);
    setCursor(page?.nextCursor);
  };
  useEffect(() => {
    setNotice('');
    void load();
  }, [webhook.id]);

  const redeliver = async (delivery: DeliveryInfo) => {
    const { error } = await api.POST('/api/networks/{networkId}/webhooks/{webhookId}/deliveries/{deliveryId}/redeliver', { params: { path: { ...path, deliveryId: delivery.id } } });
    setNotice(error ? formProblems(error, []).general.join(' ') : t('webhooks.redelivering'));
    await load();
    await onChange();
  };

  const time = new Intl.DateTimeFormat(language, { dateStyle: 'short', timeStyle: 'medium' });
  const when = (iso: string | null) => (iso ? time.format(new Date(iso)) : '–');
  return (
    <section class="delivery-log" aria-labelledby="delivery-log-title">
      <h3 id="delivery-log-title">{t('webhooks.logTitle', { url: webhook.url })}</h3>
      <p role="status">{notice}</p>
      {items.length === 0 ? (
        <p>{t('webhooks.noDeliveries')}</p>
      ) : (
        <table class="manage-table">
          <caption>{t('webhooks.logCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('webhooks.event')}</th>
              <th scope="col">{t('webhooks.status')}</th>
              <th scope="col">{t('webhooks.attempts')}</th>
              <th scope="col">{t('webhooks.response')}</th>
              <th scope="col">{t('webhooks.when')}</th>
              <td />
            </tr>
          </thead>
          <tbody>
            {items.map((delivery) => (
              <tr key={delivery.id}>
                <th scope="row">{t(`webhookEvent.${delivery.eventType}`)}</th>
                <td>{t(`deliveryStatus.${delivery.status}`)}</td>
                <td>{delivery.attempts}</td>
                <td>{delivery.responseStatus ?? delivery.error ?? '–'}</td>
                <td>
                  {delivery.status === 'delivered'
                    ? t('webhooks.deliveredAt', { time: when(delivery.deliveredAt) })
                    : delivery.status === 'pending'
                      ? t('webhooks.nextAttempt', { time: when(delivery.nextAttemptAt) })
                      : t('webhooks.createdAt', { time: when(delivery.createdAt) })}
                </td>
                <td>
                  <button type="button" class="button button--small" onClick={() => redeliver(delivery)} aria-label={t('webhooks.redeliverNamed', { event: t(`webhookEvent.${delivery.eventType}`), time: when(delivery.createdAt) })}>
                    {t('webhooks.redeliver')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {cursor && (
        <button type="button" class="button button--small" onClick={() => load(cursor)}>
          {t('webhooks.more')}
        </button>
      )}
    </section>
  );
}
