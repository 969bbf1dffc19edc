import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../../api/client';
import { formProblems, type FormProblems } from '../../api/problems';
import { ErrorSummary, FieldError } from '../../components/problems';
import type { Key } from '../../i18n/dictionary';
import { useI18n } from '../../i18n/i18n';
import { CopyableUrl } from './copyable-url';
import { type IntegrationInfo, SECRET_FIELDS, type SecretField } from './integrations.views';

const NO_PROBLEMS: FormProblems = { byField: {}, general: [] };
/** The API's names for the request URLs, as the platforms' settings pages call the boxes they go in. */
const URL_LABELS: Record<string, Key> = {
  commands: 'integrations.url.commands',
  interactivity: 'integrations.url.interactivity',
  events: 'integrations.url.events',
  messages: 'integrations.url.messages',
};

/**
 * One connected workspace or team: the URLs to paste, the Slack manifest, and rotating or removing
 * its secret. Secrets are typed in and sent; nothing here ever shows one.
 */
export function IntegrationCard({ integration, fresh, onChanged }: { integration: IntegrationInfo; fresh: boolean; onChanged: () => Promise<void> }) {
  const { t, date } = useI18n();
  const [mode, setMode] = useState<'view' | 'rotate' | 'remove'>('view');
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS);
  const [notice, setNotice] = useState<string | null>(null);
  const card = useRef<HTMLElement>(null);
  const confirmBox = useRef<HTMLDivElement>(null);
  const path = { networkId: integration.networkId, integrationId: integration.id };
  const idOf = (part: string) => `integration-${integration.id}-${part}`;
  const kindName = t(integration.kind === 'slack' ? 'integrations.slack' : 'integrations.teams');
  const title = `${kindName}: ${integration.name}`;

  // A newly connected one is where the coordinator goes next: its URLs are the next step.
  useEffect(() => {
    if (fresh) card.current?.focus();
  }, [fresh]);
  useEffect(() => {
    if (mode === 'remove') confirmBox.current?.focus();
  }, [mode]);

  const rotate = async (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const body: Partial<Record<SecretField, string>> = {};
    for (const field of SECRET_FIELDS) {
      const value = String(form.get(field) ?? '').trim();
      if (value) body[field] = value;
    }
    const { error } = await api.POST('/api/networks/{networkId}/integrations/{integrationId}/rotate', { params: { path }, body });
    if (error) return setProblems(formProblems(error, SECRET_FIELDS));
    setProblems(NO_PROBLEMS);
    setMode('view');
    setNotice(t('integrations.rotated'));
    await onChanged();
  };

  const remove = async () => {
    const { error } = await api.DELETE('/api/networks/{networkId}/integrations/{integrationId}', { params: { path } });
    if (error) return setProblems(formProblems(error, []));
    await onChanged();
  };

  const secretFields: SecretField[] = integration.kind === 'slack' ? ['signingSecret', 'botToken'] : ['securityToken'];
  const summary = [...secretFields.flatMap((field) => (problems.byField[field] ?? []).map((text) => ({ text, href: `#${idOf(field)}` }))), ...problems.general.map((text) => ({ text }))];

  return (
    <article class="integration" aria-labelledby={idOf('title')} tabIndex={-1} ref={card}>
      <h3 id={idOf('title')}>{title}</h3>
      <p class="hint">
        {t('integrations.connectedOn', { date: date(integration.connectedAt) })}
        {integration.kind === 'slack' && ` ${t(integration.hasBotToken ? 'integrations.withBotToken' : 'integrations.withoutBotToken')}`}
        {integration.secretGeneration > 1 && ` ${t('integrations.rotatedTimes', { count: integration.secretGeneration - 1 })}`}
      </p>
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      <p>{t(integration.kind === 'slack' ? 'integrations.slackUrlsHelp' : 'integrations.teamsUrlHelp')}</p>
      {Object.entries(integration.requestUrls).map(([name, url]) => (
        <CopyableUrl key={name} id={idOf(`url-${name}`)} label={name in URL_LABELS ? t(URL_LABELS[name]) : name} url={url} />
      ))}
      <div class="integration__actions">
        {integration.kind === 'slack' && (
          // A plain link: the session cookie is enough for a GET, and the API names the file.
          <a class="button button--small" href={`/api/networks/${encodeURIComponent(integration.networkId)}/integrations/${encodeURIComponent(integration.id)}/manifest`} download>
            {t('integrations.manifest')}
          </a>
        )}
        <button type="button" class="button button--small" aria-expanded={mode === 'rotate'} aria-controls={idOf('rotate')} onClick={() => setMode(mode === 'rotate' ? 'view' : 'rotate')}>
          {t('integrations.rotate')}
        </button>
        <button type="button" class="button button--small" onClick={() => setMode('remove')}>
          {t('integrations.remove')}
        </button>
      </div>
      {mode === 'rotate' && (
        <form id={idOf('rotate')} class="integration__form" onSubmit={rotate} noValidate aria-label={t('integrations.rotateNamed', { name: title })}>
          <ErrorSummary entries={summary} />
          <p class="hint">{t(integration.kind === 'slack' ? 'integrations.rotateSlackHelp' : 'integrations.rotateTeamsHelp')}</p>
          {secretFields.map((field) => (
            <SecretInput key={field} id={idOf(field)} name={field} label={t(`integrations.${field}`)} problems={problems.byField[field]} />
          ))}
          <button type="submit" class="button button--primary">
            {t('integrations.rotateSave')}
          </button>
        </form>
      )}
      {mode === 'remove' && (
        <div class="integration__confirm" role="group" aria-labelledby={idOf('confirm')} tabIndex={-1} ref={confirmBox}>
          <p id={idOf('confirm')}>{t('integrations.removeConfirm', { name: title })}</p>
          <div class="integration__actions">
            <button type="button" class="button button--primary" onClick={remove}>
              {t('integrations.removeYes')}
            </button>
            <button type="button" class="button button--small" onClick={() => setMode('view')}>
              {t('members.cancel')}
            </button>
          </div>
        </div>
      )}
      {mode !== 'rotate' && problems.general.length > 0 && <ErrorSummary entries={summary} />}
    </article>
  );
}

/** A secret's box: typed, sent, never filled back in (no value, no autocomplete). */
export function SecretInput({ id, name, label, hint, problems }: { id: string; name: string; label: string; hint?: string; problems?: string[] }) {
  const described = [hint && `${id}-hint`, problems?.length && `${id}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <div class={`field${problems?.length ? ' field--error' : ''}`}>
      <label for={id}>{label}</label>
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <input id={id} name={name} type="password" autocomplete="off" spellcheck={false} aria-describedby={described} />
      <FieldError id={`${id}-error`} messages={problems} />
    </div>
  );
}
