import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api/client';
import { formProblems, type FormProblems } from '../../api/problems';
import type { NetworkSummary } from '../../api/views';
import { ErrorSummary, FieldError } from '../../components/problems';
import type { Key } from '../../i18n/dictionary';
import { useI18n } from '../../i18n/i18n';
import { IntegrationCard, SecretInput } from './integration-card';
import { type IntegrationInfo, SECRET_FIELDS, type SecretField } from './integrations.views';
import './manage.css';
import './integrations.css';

const NO_PROBLEMS: FormProblems = { byField: {}, general: [] };
type Kind = IntegrationInfo['kind'];

/** The README's set-up steps, shortened: what the coordinator does in Slack or Teams, in order. */
const STEPS: Record<Kind, Key[]> = {
  slack: ['integrations.slackStep1', 'integrations.slackStep2', 'integrations.slackStep3', 'integrations.slackStep4'],
  teams: ['integrations.teamsStep1', 'integrations.teamsStep2', 'integrations.teamsStep3'],
};
const FIELDS: Record<Kind, SecretField[]> = { slack: ['signingSecret', 'botToken'], teams: ['securityToken'] };

/**
 * The coordinator's Slack and Teams connections (`/manage/integrations`): the ones connected, with
 * the URLs to paste and the Slack app manifest, and a form for each platform. The API checks every
 * right and every secret; this page shows its answers.
 */
export function IntegrationsPage({ network }: { network: NetworkSummary }) {
  const { t } = useI18n();
  const [integrations, setIntegrations] = useState<IntegrationInfo[] | null>(null);
  const [loadProblem, setLoadProblem] = useState<string | null>(null);
  const [fresh, setFresh] = useState<string | null>(null);

  const reload = async () => {
    const { data, error } = await api.GET('/api/networks/{networkId}/integrations', { params: { path: { networkId: network.id } } });
    if (error) return setLoadProblem(formProblems(error, []).general.join(' '));
    setIntegrations((data as unknown as IntegrationInfo[] | undefined) ?? []);
  };
  useEffect(() => {
    void reload();
  }, [network.id]);

  const connected = async (integration: IntegrationInfo) => {
    setFresh(integration.id);
    await reload();
  };

  return (
    <div class="manage-page integrations-page">
      <h1>{t('integrations.title')}</h1>
      <p>{t('integrations.intro')}</p>
      <section class="manage-section" aria-labelledby="integrations-list-title">
        <h2 id="integrations-list-title">{t('integrations.connected')}</h2>
        {loadProblem && (
          <p class="field-error" role="alert">
            {loadProblem}
          </p>
        )}
        {integrations === null && !loadProblem && <p>{t('common.loading')}</p>}
        {integrations?.length === 0 && <p>{t('integrations.none')}</p>}
        {integrations?.map((integration) => (
          <IntegrationCard key={integration.id} integration={integration} fresh={fresh === integration.id} onChanged={reload} />
        ))}
      </section>
      <ConnectForm network={network} kind="slack" onConnected={connected} />
      <ConnectForm network={network} kind="teams" onConnected={connected} />
    </div>
  );
}

/** Connecting one platform: its set-up steps, an optional name and its secrets. */
function ConnectForm({ network, kind, onConnected }: { network: NetworkSummary; kind: Kind; onConnected: (integration: IntegrationInfo) => Promise<void> }) {
  const { t } = useI18n();
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS);
  const [busy, setBusy] = useState(false);
  const id = (field: string) => `connect-${kind}-${field}`;
  const fields = ['name', ...FIELDS[kind]] as const;

  const connect = async (event: Event) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const values = new FormData(form);
    const body: { kind: Kind; name?: string } & Partial<Record<SecretField, string>> = { kind };
    const name = String(values.get('name') ?? '').trim();
    if (name) body.name = name;
    for (const field of SECRET_FIELDS) {
      const value = String(values.get(field) ?? '').trim();
      if (value) body[field] = value;
    }
    setBusy(true);
    const { data, error } = await api.POST('/api/networks/{networkId}/integrations', { params: { path: { networkId: network.id } }, body });
    setBusy(false);
    if (error) return setProblems(formProblems(error, fields));
    setProblems(NO_PROBLEMS);
    // The secrets leave the page with the request: the boxes are emptied, nothing keeps them.
    form.reset();
    await onConnected(data as unknown as IntegrationInfo);
  };

  const summary = [...fields.flatMap((field) => (problems.byField[field] ?? []).map((text) => ({ text, href: `#${id(field)}` }))), ...problems.general.map((text) => ({ text }))];
  const title = t(kind === 'slack' ? 'integrations.connectSlack' : 'integrations.connectTeams');
  return (
    <section class="manage-section" aria-labelledby={id('title')}>
      <h2 id={id('title')}>{title}</h2>
      <ol class="integration-steps">
        {STEPS[kind].map((step) => (
          <li key={step}>{t(step)}</li>
        ))}
      </ol>
      <form onSubmit={connect} noValidate aria-labelledby={id('title')}>
        <ErrorSummary entries={summary} />
        <div class={`field${problems.byField.name ? ' field--error' : ''}`}>
          <label for={id('name')}>{t('integrations.name')}</label>
          <p class="hint" id={id('name-hint')}>
            {t(kind === 'slack' ? 'integrations.nameHintSlack' : 'integrations.nameHintTeams')}
          </p>
          <input id={id('name')} name="name" aria-describedby={[id('name-hint'), problems.byField.name && id('name-error')].filter(Boolean).join(' ')} />
          <FieldError id={id('name-error')} messages={problems.byField.name} />
        </div>
        {FIELDS[kind].map((field) => (
          <SecretInput key={field} id={id(field)} name={field} label={t(`integrations.${field}`)} hint={t(`integrations.${field}Hint`)} problems={problems.byField[field]} />
        ))}
        <button type="submit" class="button button--primary" disabled={busy}>
          {title}
        </button>
      </form>
    </section>
  );
}
