import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api/client';
import { formProblems, type FormProblems } from '../../api/problems';
import type { NetworkSummary } from '../../api/views';
import { ErrorSummary, FieldError } from '../../components/problems';
import { useI18n } from '../../i18n/i18n';

const KINDS = ['workshop', 'matchmaking', 'training', 'event', 'communication', 'other'] as const;
type Kind = (typeof KINDS)[number];
const FIELDS = ['title', 'kind', 'occurredAt', 'description'] as const;
const NO_PROBLEMS: FormProblems = { byField: {}, general: [] };
/** The network figures the effect table compares (the timeline's, plus the number of ties). */
const MEASURES = ['density', 'degreeCentralization', 'betweennessCentralization', 'averageClustering', 'degreeGini', 'structuralHoles'] as const;

interface Intervention {
  id: string;
  title: string;
  kind: Kind;
  occurredAt: string;
  description?: string;
}

type Measures = Record<string, number | null>;
interface Effect {
  days: number;
  before: { at: string; measures: Measures };
  after: { at: string; measures: Measures };
  priorChange: Measures;
  complete: boolean;
}

/** Workshops, matchmaking rounds and the like: record one, and see each one's effect (before → after). */
export function InterventionsSection({ network }: { network: NetworkSummary }) {
  const { t, language } = useI18n();
  const [interventions, setInterventions] = useState<Intervention[]>([]);
  const [effects, setEffects] = useState<Record<string, Effect | string>>({});
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<Kind>('workshop');
  const [occurredAt, setOccurredAt] = useState('');
  const [description, setDescription] = useState('');
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS);
  const [notice, setNotice] = useState<string | null>(null);
  const path = { networkId: network.id };

  const reload = async () => {
    const { data } = await api.GET('/api/networks/{networkId}/interventions', { params: { path } });
    setInterventions(((data as unknown as Intervention[] | undefined) ?? []).slice().sort((a, b) => b.occurredAt.localeCompare(a.occurredAt)));
  };
  useEffect(() => {
    void reload();
  }, [network.id]);

  const record = async (event: Event) => {
    event.preventDefault();
    const { error } = await api.POST('/api/networks/{networkId}/interventions', {
      params: { path },
      body: { title, kind, occurredAt, ...(description.trim() && { description: description.trim() }) },
    });
    if (error) return setProblems(formProblems(error, FIELDS));
    setProblems(NO_PROBLEMS);
    setNotice(t('interventions.recorded', { title }));
    setTitle('');
    setDescription('');
    await reload();
  };

  const showEffect = async (intervention: Intervention) => {
    const { data, error } = await api.GET('/api/networks/{networkId}/interventions/{interventionId}/effect', { params: { path: { ...path, interventionId: intervention.id } } as never });
    setEffects((current) => ({ ...current, [intervention.id]: error ? formProblems(error, []).general.join(' ') : (data as unknown as Effect) }));
  };

  const figure = new Intl.NumberFormat(language, { maximumFractionDigits: 3 });
  const signed = new Intl.NumberFormat(language, { maximumFractionDigits: 3, signDisplay: 'exceptZero' });
  const date = new Intl.DateTimeFormat(language, { dateStyle: 'medium' });
  const value = (n: number | null | undefined) => (n === null || n === undefined ? '–' : figure.format(n));
  const fieldClass = (field: string) => `field${problems.byField[field] ? ' field--error' : ''}`;
  const describedBy = (field: string) => (problems.byField[field] ? `intervention-${field}-error` : undefined);
  const summary = [...FIELDS.flatMap((field) => (problems.byField[field] ?? []).map((text) => ({ text, href: `#intervention-${field}` }))), ...problems.general.map((text) => ({ text }))];

  return (
    <section class="manage-section" aria-labelledby="interventions-title">
      <h2 id="interventions-title">{t('interventions.title')}</h2>
      {interventions.length === 0 ? (
        <p>{t('timeline.noInterventions')}</p>
      ) : (
        <ul class="intervention-effects">
          {interventions.map((intervention) => {
            const effect = effects[intervention.id];
            return (
              <li key={intervention.id}>
                <h3>
                  {intervention.title} · {t(`interventionKind.${intervention.kind}`)} · {date.format(new Date(intervention.occurredAt))}
                </h3>
                {intervention.description && <p>{intervention.description}</p>}
                {effect === undefined && (
                  <button type="button" class="button button--small" aria-label={t('interventions.showEffectNamed', { title: intervention.title })} onClick={() => showEffect(intervention)}>
                    {t('interventions.showEffect')}
                  </button>
                )}
                {typeof effect === 'string' && (
                  <p class="field-error" role="alert">
                    {t('common.unexpected', { message: effect })}
                  </p>
                )}
                {effect && typeof effect !== 'string' && (
                  <table class="manage-table effect-table">
                    <caption>
                      {t('interventions.effectCaption', { title: intervention.title, days: effect.days })}
                      {!effect.complete && ` ${t('interventions.incomplete')}`}
                    </caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('interventions.measure')}</th>
                        <th scope="col">{t('interventions.before', { date: date.format(new Date(effect.before.at)) })}</th>
                        <th scope="col">{t('interventions.after', { date: date.format(new Date(effect.after.at)) })}</th>
                        <th scope="col">{t('interventions.change')}</th>
                        <th scope="col">{t('interventions.priorChange')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {(['ties', ...MEASURES] as const).map((measure) => {
                        const before = effect.before.measures[measure];
                        const after = effect.after.measures[measure];
                        const prior = effect.priorChange[measure];
                        return (
                          <tr key={measure}>
                            <th scope="row">{measure === 'ties' ? t('interventions.ties') : t(`measure.${measure}`)}</th>
                            <td>{value(before)}</td>
                            <td>{value(after)}</td>
                            <td>{before === null || after === null || before === undefined || after === undefined ? '–' : signed.format(after - before)}</td>
                            <td>{prior === null || prior === undefined ? '–' : signed.format(prior)}</td>
                          </tr>
                        );
                      })}
                    </tbody>
                  </table>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <form class="member-form" onSubmit={record} noValidate aria-labelledby="intervention-form-title">
        <h3 id="intervention-form-title">{t('interventions.record')}</h3>
        <ErrorSummary entries={summary} />
        {notice && (
          <p class="notice" role="status">
            {notice}
          </p>
        )}
        <div class={fieldClass('title')}>
          <label for="intervention-title">{t('interventions.name')}</label>
          <input id="intervention-title" value={title} onInput={(e) => setTitle(e.currentTarget.value)} aria-describedby={describedBy('title')} />
          <FieldError id="intervention-title-error" messages={problems.byField.title} />
        </div>
        <div class={fieldClass('kind')}>
          <label for="intervention-kind">{t('interventions.kind')}</label>
          <select id="intervention-kind" value={kind} onChange={(e) => setKind(e.currentTarget.value as Kind)} aria-describedby={describedBy('kind')}>
            {KINDS.map((value) => (
              <option key={value} value={value}>
                {t(`interventionKind.${value}`)}
              </option>
            ))}
          </select>
          <FieldError id="intervention-kind-error" messages={problems.byField.kind} />
        </div>
        <div class={fieldClass('occurredAt')}>
          <label for="intervention-occurredAt">{t('interventions.occurredAt')}</label>
          <input id="intervention-occurredAt" type="date" value={occurredAt} onInput={(e) => setOccurredAt(e.currentTarget.value)} aria-describedby={describedBy('occurredAt')} />
          <FieldError id="intervention-occurredAt-error" messages={problems.byField.occurredAt} />
        </div>
        <div class={fieldClass('description')}>
          <label for="intervention-description">{t('interventions.description')}</label>
          <textarea id="intervention-description" value={description} onInput={(e) => setDescription(e.currentTarget.value)} aria-describedby={describedBy('description')} />
          <FieldError id="intervention-description-error" messages={problems.byField.description} />
        </div>
        <button type="submit" class="button button--primary">
          {t('interventions.record')}
        </button>
      </form>
    </section>
  );
}
