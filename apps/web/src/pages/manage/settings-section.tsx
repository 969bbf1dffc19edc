import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api/client';
import { formProblems, type FormProblems, type ProblemBody } from '../../api/problems';
import type { NetworkSummary } from '../../api/views';
import { ErrorSummary, FieldError } from '../../components/problems';
import { useI18n } from '../../i18n/i18n';

const KINDS = ['acquainted', 'discussed', 'exchanged_information', 'explored_collaboration', 'outlined_goals', 'co_developed', 'evaluated_learning'] as const;
type Kind = (typeof KINDS)[number];
const FIELDS = ['membersSeeNetwork', 'timeZone', 'depthWeights'] as const;
const NO_PROBLEMS: FormProblems = { byField: {}, general: [] };

interface Settings {
  membersSeeNetwork: boolean;
  timeZone: string;
  depthWeights?: Partial<Record<Kind, number>>;
}

/** Every IANA zone the browser knows (Intl.supportedValuesOf), with the network's own always among them. */
function timeZones(current: string): string[] {
  const known = (Intl as unknown as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf?.('timeZone') ?? [];
  return [...new Set([current, 'UTC', ...known])].filter(Boolean).sort();
}

/**
 * The network's settings: whether members see the whole network, its time zone, and the weight of
 * each kind of interaction in tie strength (0–1000; an empty box keeps Solmu's default).
 */
export function SettingsSection({ network }: { network: NetworkSummary }) {
  const { t } = useI18n();
  const [settings, setSettings] = useState<Settings | null>(null);
  const [weights, setWeights] = useState<Partial<Record<Kind, string>>>({});
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS);
  const [weightProblems, setWeightProblems] = useState<Partial<Record<Kind, string[]>>>({});
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    void api.GET('/api/networks/{networkId}', { params: { path: { networkId: network.id } } }).then(({ data }) => {
      const loaded = (data as unknown as { settings: Settings } | undefined)?.settings;
      if (!loaded) return;
      setSettings(loaded);
      setWeights(Object.fromEntries(Object.entries(loaded.depthWeights ?? {}).map(([kind, weight]) => [kind, String(weight)])));
    });
  }, [network.id]);

  if (!settings) return null;

  const save = async (event: Event) => {
    event.preventDefault();
    setSaved(false);
    // A box left empty is not sent, so that kind keeps the default; what is typed goes as typed.
    const depthWeights = Object.fromEntries(Object.entries(weights).filter(([, value]) => value?.trim()).map(([kind, value]) => [kind, Number(value!.replace(',', '.'))]));
    const { error } = await api.PATCH('/api/networks/{networkId}/settings', {
      params: { path: { networkId: network.id } },
      body: { membersSeeNetwork: settings.membersSeeNetwork, timeZone: settings.timeZone, depthWeights },
    });
    if (error) {
      // depthWeights.<kind> goes beside that kind's box, the rest beside their fields.
      const byKind: Partial<Record<Kind, string[]>> = {};
      for (const { field, problem } of (error as Partial<ProblemBody>).problems ?? []) {
        const kind = field.split('.')[1] as Kind;
        if (field.startsWith('depthWeights.') && KINDS.includes(kind)) (byKind[kind] ??= []).push(problem);
      }
      setWeightProblems(byKind);
      return setProblems(formProblems(error, FIELDS));
    }
    setProblems(NO_PROBLEMS);
    setWeightProblems({});
    setSaved(true);
  };

  const summary = [
    ...(['membersSeeNetwork', 'timeZone'] as const).flatMap((field) => (problems.byField[field] ?? []).map((text) => ({ text, href: `#settings-${field}` }))),
    ...KINDS.flatMap((kind) => (weightProblems[kind] ?? []).map((text) => ({ text: `${t(`kind.${kind}`)}: ${text}`, href: `#weight-${kind}` }))),
    ...problems.general.map((text) => ({ text })),
  ];
  return (
    <section class="manage-section" aria-labelledby="settings-title">
      <h2 id="settings-title">{t('settings.title')}</h2>
      <form onSubmit={save} noValidate>
        <ErrorSummary entries={summary} />
        {saved && (
          <p class="notice" role="status">
            {t('settings.saved')}
          </p>
        )}
        <div class="field">
          <label class="check">
            <input id="settings-membersSeeNetwork" type="checkbox" checked={settings.membersSeeNetwork} onChange={(e) => setSettings({ ...settings, membersSeeNetwork: e.currentTarget.checked })} />{' '}
            {t('settings.membersSeeNetwork')}
          </label>
          <FieldError id="settings-membersSeeNetwork-error" messages={problems.byField.membersSeeNetwork} />
        </div>
        <div class={`field${problems.byField.timeZone ? ' field--error' : ''}`}>
          <label for="settings-timeZone">{t('settings.timeZone')}</label>
          <select id="settings-timeZone" value={settings.timeZone} onChange={(e) => setSettings({ ...settings, timeZone: e.currentTarget.value })} aria-describedby="settings-timeZone-hint">
            {timeZones(settings.timeZone).map((zone) => (
              <option key={zone} value={zone}>
                {zone}
              </option>
            ))}
          </select>
          <p class="hint" id="settings-timeZone-hint">
            {t('settings.timeZoneHint')}
          </p>
          <FieldError id="settings-timeZone-error" messages={problems.byField.timeZone} />
        </div>
        <fieldset class="field weights">
          <legend>{t('settings.depthWeights')}</legend>
          <p class="hint">{t('settings.depthWeightsHint')}</p>
          {KINDS.map((kind) => (
            <div key={kind} class={`weight${weightProblems[kind] ? ' field--error' : ''}`}>
              <label for={`weight-${kind}`}>{t(`kind.${kind}`)}</label>
              <input
                id={`weight-${kind}`}
                inputMode="decimal"
                value={weights[kind] ?? ''}
                placeholder={t('settings.default')}
                onInput={(e) => setWeights({ ...weights, [kind]: e.currentTarget.value })}
                aria-describedby={weightProblems[kind] ? `weight-${kind}-error` : undefined}
              />
              <FieldError id={`weight-${kind}-error`} messages={weightProblems[kind]} />
            </div>
          ))}
        </fieldset>
        <button type="submit" class="button button--primary">
          {t('settings.save')}
        </button>
      </form>
    </section>
  );
}
