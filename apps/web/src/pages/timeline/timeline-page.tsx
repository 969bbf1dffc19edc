import { type ComponentType, Fragment } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { api } from '../../api/client';
import { formProblems } from '../../api/problems';
import type { NetworkSummary } from '../../api/views';
import type { Key } from '../../i18n/dictionary';
import { useI18n } from '../../i18n/i18n';
import { COUNT_MEASURES, type ChartMeasure, coverageWarnings, interventionMarks, PHASES, SHARE_MEASURES, type Timeline, type TimelineBucket, type WindowKind, windowParameter } from './timeline-model';
import './timeline.css';

type Chart = ComponentType<{
  buckets: TimelineBucket[];
  measures: readonly ChartMeasure[];
  labels: string[];
  periodLabel: string;
  title: string;
  formatNumber: (value: number) => string;
  formatDate: (seconds: number) => string;
  onBucket: (index: number) => void;
}>;

const INTERVALS = ['', 'week', 'month', 'quarter', 'year'] as const;
type Loaded = { state: 'loading' } | { state: 'forbidden' } | { state: 'failed'; message: string } | { state: 'ready'; timeline: Timeline };

/**
 * The coordinator's development timeline: the measures over time with each bucket's phase as a
 * coloured band, the evidence for a phase on hover or focus, interventions on the time axis and
 * warnings where too few members logged. Every chart is also a table.
 */
export function TimelinePage({ network }: { network: NetworkSummary }) {
  const { t, language } = useI18n();
  const [interval, setInterval] = useState<(typeof INTERVALS)[number]>('');
  const [windowKind, setWindowKind] = useState<WindowKind>('cumulative');
  const [days, setDays] = useState(180);
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [chosen, setChosen] = useState(-1);
  // uPlot comes with the chart module, fetched only when this page opens.
  const [Chart, setChart] = useState<Chart | null>(null);

  useEffect(() => {
    void import('./timeline-chart').then((module) => setChart(() => module.default));
  }, []);

  useEffect(() => {
    let current = true;
    setLoaded({ state: 'loading' });
    const query = { window: windowParameter(windowKind, days), ...(interval && { interval }) };
    void api.GET('/api/networks/{networkId}/timeline', { params: { path: { networkId: network.id }, query } as never }).then(({ data, error, response }) => {
      if (!current) return;
      if (response.status === 403) return setLoaded({ state: 'forbidden' });
      if (error) return setLoaded({ state: 'failed', message: formProblems(error, []).general.join(' ') });
      const timeline = data as unknown as Timeline;
      setLoaded({ state: 'ready', timeline });
      setChosen(timeline.buckets.length - 1);
    });
    return () => {
      current = false;
    };
  }, [network.id, interval, windowKind, days]);

  const formatNumber = useMemo(() => {
    const format = new Intl.NumberFormat(language, { maximumFractionDigits: 2 });
    return (value: number) => format.format(value);
  }, [language]);
  const formatDate = useMemo(() => {
    const format = new Intl.DateTimeFormat(language, { month: 'short', year: 'numeric', timeZone: 'UTC' });
    return (seconds: number) => format.format(new Date(seconds * 1000));
  }, [language]);

  const controls = (
    <form class="timeline-controls" onSubmit={(event) => event.preventDefault()}>
      <div class="field">
        <label for="timeline-interval">{t('timeline.interval')}</label>
        <select id="timeline-interval" value={interval} onChange={(event) => setInterval(event.currentTarget.value as (typeof INTERVALS)[number])}>
          {INTERVALS.map((value) => (
            <option key={value} value={value}>
              {t(value ? (`interval.${value}` as Key) : 'timeline.intervalAuto')}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="timeline-window">{t('timeline.window')}</label>
        <select id="timeline-window" value={windowKind} onChange={(event) => setWindowKind(event.currentTarget.value as WindowKind)}>
          <option value="cumulative">{t('window.cumulative')}</option>
          <option value="sliding">{t('window.sliding')}</option>
          <option value="decay">{t('window.decay')}</option>
        </select>
      </div>
      {windowKind !== 'cumulative' && (
        <div class="field">
          <label for="timeline-days">{t(windowKind === 'sliding' ? 'timeline.slidingDays' : 'timeline.decayDays')}</label>
          <input id="timeline-days" type="number" min={1} max={3650} value={days} onChange={(event) => setDays(Number(event.currentTarget.value) || 1)} />
        </div>
      )}
    </form>
  );

  let body;
  if (loaded.state === 'loading') body = <p>{t('common.loading')}</p>;
  else if (loaded.state === 'forbidden') body = <p class="notice">{t('analysis.forbidden')}</p>;
  else if (loaded.state === 'failed')
    body = (
      <p class="field-error" role="alert">
        {t('common.unexpected', { message: loaded.message })}
      </p>
    );
  else if (loaded.timeline.buckets.length === 0) body = <p>{t('timeline.empty')}</p>;
  else {
    const { timeline } = loaded;
    const buckets = timeline.buckets;
    const bucket = buckets[Math.min(Math.max(chosen, 0), buckets.length - 1)];
    const warnings = coverageWarnings(buckets);
    const marks = interventionMarks(buckets);
    const percent = (share: number) => t('common.percent', { value: Math.round(share * 100) });
    const charts: Array<{ id: string; title: string; measures: readonly ChartMeasure[] }> = [
      { id: 'structure', title: t('timeline.structureChart'), measures: SHARE_MEASURES },
      { id: 'holes', title: t('timeline.holesChart'), measures: COUNT_MEASURES },
    ];
    const evidence = (
      <>
        <section class="phase-evidence" aria-live="polite" aria-labelledby="phase-evidence-title">
          <h2 id="phase-evidence-title">{t('timeline.evidenceFor', { label: bucket.label, phase: t(`phase.${bucket.phase.name}` as Key) })}</h2>
          {bucket.phase.evidence.length === 0 ? (
            <p>{t('timeline.noEvidence')}</p>
          ) : (
            <ul>
              {bucket.phase.evidence.map((e) => (
                <li key={e.measure} class={e.met ? 'evidence--met' : 'evidence--unmet'}>
                  {e[language]}
                </li>
              ))}
            </ul>
          )}
          <p class="hint">{t('timeline.coverageLine', { count: bucket.coverage.loggers.length, share: percent(bucket.coverage.share) })}</p>
        </section>

        {warnings.length > 0 && (
          <div class="coverage-warning" role="note">
            <h2>{t('timeline.coverageTitle')}</h2>
            <ul>
              {warnings.map((w) => (
                <li key={w.label}>{t('timeline.coverageWarning', { label: w.label, share: percent(w.share) })}</li>
              ))}
            </ul>
          </div>
        )}

      </>
    );
    body = (
      <>
        <p class="hint">
          {timeline.intervalSource === 'default' ? t('timeline.intervalChosen', { interval: t(`interval.${timeline.interval}` as Key) }) : t('timeline.intervalAsked', { interval: t(`interval.${timeline.interval}` as Key) })}
        </p>
        <ul class="phase-legend" aria-label={t('timeline.phaseLegend')}>
          {PHASES.map((phase) => (
            <li key={phase}>
              <span class={`phase-swatch phase-swatch--${phase}`} aria-hidden="true" />
              {t(`phase.${phase}` as Key)}
            </li>
          ))}
          <li>
            <span class="intervention-swatch" aria-hidden="true" />
            {t('timeline.interventionMark')}
          </li>
        </ul>

        <div class="phase-strip" role="group" aria-label={t('timeline.phaseStrip')}>
          {buckets.map((b, index) => (
            <button
              key={b.label}
              type="button"
              class={`phase-strip__bucket phase-strip__bucket--${b.phase.name}${b.coverage.trusted ? '' : ' phase-strip__bucket--thin'}`}
              aria-pressed={index === chosen}
              aria-label={`${b.label}: ${t(`phase.${b.phase.name}` as Key)}`}
              onFocus={() => setChosen(index)}
              onMouseEnter={() => setChosen(index)}
              onClick={() => setChosen(index)}
            >
              {b.label}
            </button>
          ))}
        </div>

        {charts.map((chart, chartIndex) => {
          const labels = chart.measures.map((m) => t(`measure.${m}` as Key));
          return (
            <Fragment key={chart.id}>
              <section class="timeline-section" aria-labelledby={`chart-${chart.id}`}>
                <h2 id={`chart-${chart.id}`}>{chart.title}</h2>
                {Chart ? <Chart buckets={buckets} measures={chart.measures} labels={labels} periodLabel={t('timeline.bucket')} title={chart.title} formatNumber={formatNumber} formatDate={formatDate} onBucket={setChosen} /> : <p>{t('common.loading')}</p>}
                <details class="table-toggle">
                  <summary>{t('timeline.showTable')}</summary>
                  <div class="table-scroll">
                    <table class="data-table">
                      <caption>{t('timeline.tableCaption', { chart: chart.title })}</caption>
                      <thead>
                        <tr>
                          <th scope="col">{t('timeline.bucket')}</th>
                          <th scope="col">{t('timeline.phase')}</th>
                          {labels.map((label) => (
                            <th key={label} scope="col">
                              {label}
                            </th>
                          ))}
                          <th scope="col">{t('timeline.coverage')}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {buckets.map((b) => (
                          <tr key={b.label}>
                            <th scope="row">{b.label}</th>
                            <td>{t(`phase.${b.phase.name}` as Key)}</td>
                            {chart.measures.map((m) => (
                              <td key={m}>{typeof b.measures[m] === 'number' ? formatNumber(b.measures[m] as number) : '–'}</td>
                            ))}
                            <td>{percent(b.coverage.share)}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                </details>
              </section>
              {/* The evidence sits right under the first chart, next to the bands it explains. */}
              {chartIndex === 0 && evidence}
            </Fragment>
          );
        })}

        <section class="timeline-section" aria-labelledby="interventions-title">
          <h2 id="interventions-title">{t('timeline.interventions')}</h2>
          {marks.length === 0 ? (
            <p>{t('timeline.noInterventions')}</p>
          ) : (
            <ul class="intervention-list">
              {marks.map((m) => (
                <li key={m.id}>
                  <time dateTime={new Date(m.time * 1000).toISOString()}>{new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: timeline.timeZone }).format(new Date(m.time * 1000))}</time> {m.title}
                </li>
              ))}
            </ul>
          )}
        </section>
      </>
    );
  }

  return (
    <section class="wide-page" aria-labelledby="timeline-title">
      <h1 id="timeline-title">{t('timeline.title')}</h1>
      {controls}
      {body}
    </section>
  );
}
