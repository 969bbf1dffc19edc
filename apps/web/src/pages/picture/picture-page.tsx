import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { api } from '../../api/client';
import { formProblems } from '../../api/problems';
import type { NetworkSummary } from '../../api/views';
import { useI18n } from '../../i18n/i18n';
import type { Key } from '../../i18n/dictionary';
import { KINDS } from '../log/vocabulary';
import type { NetworkCanvas } from './network-canvas';
import { MEASURES, MEMBER_TYPES, type EgoAnswer, type Measure, type Picture, type TieHistoryAnswer } from './picture-view';
import { PictureTables } from './picture-tables';
import { sliderSteps, type Interval } from './steps';
import './picture.css';

const PLAY_EVERY_MS = 800;
/** The tables follow the canvas once the slider has rested this long: rebuilding them at every step would hold up the next. */
const TABLES_AFTER_MS = 400;

/** Members to pick out in the picture, from `?members=a,b` (a tip's "Show in the picture"). */
function membersFromAddress(): string[] {
  return (new URLSearchParams(location.search).get('members') ?? '').split(',').filter(Boolean);
}

type Selection = { member: string } | { tie: [string, string] } | null;

/**
 * The coordinator's picture of the network at any date: the canvas (sigma, loaded only here), a
 * time slider with play, the legend as text, and the members and ties as tables — the accessible
 * way to everything the canvas shows. A member or tie opens a side panel with its details.
 */
export function PicturePage({ network }: { network: NetworkSummary }) {
  const { t, date } = useI18n();
  const [foundedAt, setFoundedAt] = useState<string | null>(null);
  const [interval, setInterval] = useState<Interval>('month');
  const [step, setStep] = useState<number | null>(null);
  const [sizeBy, setSizeBy] = useState<Measure>('degree');
  const [shown, setShown] = useState<{ date: string; picture: Picture } | null>(null);
  const picture = shown?.picture ?? null;
  const [tablePicture, setTablePicture] = useState<{ date: string; picture: Picture } | null>(null);
  const [picked, setPicked] = useState<string[]>(membersFromAddress);
  const [problem, setProblem] = useState<string | null>(null);
  const [playing, setPlaying] = useState(false);
  const [selection, setSelection] = useState<Selection>(null);
  const [redrawn, setRedrawn] = useState<{ date: string; ms: number } | null>(null);
  const canvasBox = useRef<HTMLDivElement>(null);
  const canvas = useRef<NetworkCanvas | null>(null);
  const cache = useRef(new Map<string, Picture>());
  /** Requests under way, by date: a step to a date being fetched ahead waits for that answer instead of asking twice. */
  const pending = useRef(new Map<string, Promise<Picture | { problem: string }>>());
  const stepStarted = useRef(0);
  const [canvasReady, setCanvasReady] = useState(false);
  /** What the canvas shows now (date and measure), so a picture is never drawn twice. */
  const drawnKey = useRef('');

  const today = new Date().toISOString().slice(0, 10);
  const steps = useMemo(() => (foundedAt ? sliderSteps(foundedAt, today, interval) : []), [foundedAt, interval, today]);
  const current = step === null ? steps.length - 1 : Math.min(step, steps.length - 1);
  const at = steps[current];

  useEffect(() => {
    void api.GET('/api/networks/{networkId}', { params: { path: { networkId: network.id } } }).then(({ data, error }) => {
      if (error) return setProblem(formProblems(error, []).general.join(' '));
      setFoundedAt((data as unknown as { foundedAt: string }).foundedAt);
    });
  }, [network.id]);

  // sigma and graphology arrive with this dynamic import, so the logging page never loads them.
  useEffect(() => {
    let alive = true;
    void import('./network-canvas').then(({ NetworkCanvas }) => {
      if (!alive || !canvasBox.current) return;
      try {
        canvas.current = new NetworkCanvas(canvasBox.current, { member: (id) => setSelection({ member: id }), tie: (a, b) => setSelection({ tie: [a, b] }) });
        setCanvasReady(true);
      } catch {
        // sigma needs WebGL; without it the tables below still show everything.
        setProblem(t('picture.noWebgl'));
      }
    });
    return () => {
      alive = false;
      canvas.current?.kill();
      canvas.current = null;
    };
  }, []);

  /**
   * Draws on the canvas at once, before the page re-renders: the canvas is what the slider is
   * for, and waiting for the next paint (as an effect would) put a frame and the tables first.
   */
  const drawNow = (date: string, next: Picture, measure: Measure) => {
    if (!canvas.current || drawnKey.current === `${date}|${measure}`) return;
    drawnKey.current = `${date}|${measure}`;
    canvas.current.draw(next, measure);
    // sigma has rendered (its refresh draws synchronously): the time of this mark is what
    // `npm run bench -- web` reads as "picture drawn".
    performance.mark('solmu:picture-drawn', { detail: date });
    // From the new date chosen to the picture drawn: the fetch (unless cached) and the redraw.
    setRedrawn({ date, ms: Math.round(performance.now() - stepStarted.current) });
  };

  /** The picture at `date`, from the API unless this page has it already. */
  const fetchPicture = (date: string): Promise<Picture | { problem: string }> => {
    const cached = cache.current.get(date);
    if (cached) return Promise.resolve(cached);
    const underWay = pending.current.get(date);
    if (underWay) return underWay;
    // Without each tie's interaction ids: the canvas does not draw them (a tie's history is asked for
    // when opened), and on 100,000 interactions they made the answer 11.0 MB instead of 4.8.
    const request = api
      .GET('/api/networks/{networkId}/graph', { params: { path: { networkId: network.id }, query: { at: date, provenance: 'false' } } })
      .then(({ data, error }) => {
        if (error) return { problem: formProblems(error, []).general.join(' ') };
        cache.current.set(date, data as unknown as Picture);
        return data as unknown as Picture;
      })
      .finally(() => pending.current.delete(date));
    pending.current.set(date, request);
    return request;
  };

  // A layout effect, run as soon as the new date is rendered: an effect waits for the next frame
  // (Preact runs effects after a requestAnimationFrame), 20 ms of a 75 ms step on the bench.
  useLayoutEffect(() => {
    if (!at) return;
    stepStarted.current = performance.now();
    let alive = true;
    const show = (answer: Picture | { problem: string }) => {
      if (!alive) return;
      if ('problem' in answer) return setProblem(answer.problem);
      drawNow(at, answer, sizeBy);
      setShown({ date: at, picture: answer });
      // The dates on either side, fetched while the person looks: the next step (or Play) then
      // needs no request. One at a time, so the analysis is not flooded with questions.
      void [steps[current + 1], steps[current - 1]]
        .filter((d): d is string => d !== undefined && !cache.current.has(d) && !pending.current.has(d))
        .reduce((previous, d) => previous.then(() => (alive ? fetchPicture(d).then(() => undefined) : undefined)), Promise.resolve())
        // Fetching ahead is a courtesy: a failure shows when that date is actually chosen.
        .catch(() => undefined);
    };
    const cached = cache.current.get(at);
    if (cached) show(cached);
    else void fetchPicture(at).then(show);
    return () => void (alive = false);
  }, [at, network.id]);

  // A new measure for the sizes, or the canvas arriving after the first picture.
  useEffect(() => {
    if (shown && canvasReady) drawNow(shown.date, shown.picture, sizeBy);
  }, [shown, sizeBy, canvasReady]);

  useEffect(() => {
    if (!shown) return;
    if (!tablePicture) return setTablePicture(shown);
    const timer = setTimeout(() => setTablePicture(shown), TABLES_AFTER_MS);
    return () => clearTimeout(timer);
  }, [shown]);

  const [standingOut, setStandingOut] = useState<string[] | null>(null);
  const highlighting = useRef(false);
  useEffect(() => {
    // Nothing to pick out, now or before: no second refresh of the canvas at each slider step.
    const wanted = selection !== null || picked.length > 0;
    if (!canvas.current || (!wanted && !highlighting.current)) return;
    highlighting.current = wanted;
    const undimmed = canvas.current.highlight(selection && 'member' in selection ? selection.member : undefined, picked);
    setStandingOut(picked.length > 0 ? undimmed : null);
  }, [selection, picture, picked, canvasReady]);

  const showEveryone = () => {
    setPicked([]);
    history.replaceState(null, '', location.pathname);
  };
  const names = useMemo(() => new Map((picture?.nodes ?? []).map((n) => [n.id, n.name])), [picture]);

  useEffect(() => {
    if (!playing) return;
    if (current >= steps.length - 1) return setPlaying(false);
    const timer = setTimeout(() => setStep(current + 1), PLAY_EVERY_MS);
    return () => clearTimeout(timer);
  }, [playing, current, steps.length, picture]);

  const play = () => {
    if (current >= steps.length - 1) setStep(0);
    setPlaying(!playing);
  };

  return (
    <section class="picture" aria-labelledby="picture-title">
      <h1 id="picture-title">{t('picture.title')}</h1>
      {problem && (
        <p class="field-error" role="alert">
          {problem}
        </p>
      )}
      <div class="picture__controls">
        <div>
          <label for="size-by">{t('picture.sizeBy')}</label>
          <select id="size-by" value={sizeBy} onChange={(e) => setSizeBy(e.currentTarget.value as Measure)}>
            {MEASURES.map((m) => (
              <option key={m} value={m}>
                {t(`measure.${m}` as Key)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for="slider-interval">{t('picture.interval')}</label>
          <select id="slider-interval" value={interval} onChange={(e) => { setInterval(e.currentTarget.value as Interval); setStep(null); }}>
            <option value="week">{t('picture.week')}</option>
            <option value="month">{t('picture.month')}</option>
          </select>
        </div>
      </div>
      {steps.length > 0 && (
        <div class="picture__time">
          <button type="button" class="picture__play" onClick={play} aria-pressed={playing}>
            {playing ? t('picture.pause') : t('picture.play')}
          </button>
          <label class="picture__slider">
            <span>{t('picture.date')}</span>
            <input type="range" data-date={at} min={0} max={steps.length - 1} step={1} value={current} aria-valuetext={date(at)} onInput={(e) => { setPlaying(false); setStep(Number(e.currentTarget.value)); }} />
          </label>
          <output class="picture__at" aria-live="polite">
            {date(at)}
          </output>
        </div>
      )}
      <p class="picture__summary" role="status" data-drawn={redrawn?.date}>
        {picture && t('picture.summary', { members: picture.nodes.length, ties: picture.ties.length })}
        {redrawn && <span class="picture__timing" data-ms={redrawn.ms}> {t('picture.redrawn', { ms: redrawn.ms })}</span>}
      </p>
      {picked.length > 0 && (
        <div class="picture__picked" role="status">
          <p>{t('picture.picked', { count: picked.length, names: new Intl.ListFormat(document.documentElement.lang || 'en').format(picked.map((id) => names.get(id) ?? t('picture.notYetShort'))) })}</p>
          <button type="button" class="button button--small" onClick={showEveryone}>
            {t('picture.showEveryone')}
          </button>
        </div>
      )}
      <div class="picture__stage">
        <div class="picture__canvas" ref={canvasBox} role="img" aria-label={t('picture.canvasLabel')} data-standing-out={standingOut?.slice().sort().join(' ')} />
        <Legend />
        {selection && picture && <SidePanel network={network} picture={picture} at={at} selection={selection} onSelect={setSelection} />}
      </div>
      {tablePicture && <PictureTables date={tablePicture.date} picture={tablePicture.picture} picked={picked} onMember={(id) => setSelection({ member: id })} onTie={(a, b) => setSelection({ tie: [a, b] })} />}
    </section>
  );
}

/** What the colours mean, as text a screen reader reads too. */
function Legend() {
  const { t } = useI18n();
  return (
    <div class="legend">
      <h2 id="legend-types">{t('picture.legendTypes')}</h2>
      <ul aria-labelledby="legend-types">
        {MEMBER_TYPES.map((type) => (
          <li key={type}>
            <span class={`swatch swatch--dot swatch--type-${type}`} aria-hidden="true" />
            {t(`memberType.${type}` as Key)}
          </li>
        ))}
      </ul>
      <h2 id="legend-kinds">{t('picture.legendKinds')}</h2>
      <ul aria-labelledby="legend-kinds">
        {KINDS.map((kind) => (
          <li key={kind}>
            <span class={`swatch swatch--line swatch--kind-${kind}`} aria-hidden="true" />
            {t(`kind.${kind}` as Key)}
          </li>
        ))}
      </ul>
    </div>
  );
}

function SidePanel({ network, picture, at, selection, onSelect }: { network: NetworkSummary; picture: Picture; at: string; selection: NonNullable<Selection>; onSelect: (s: Selection) => void }) {
  const { t, date, number } = useI18n();
  const [ego, setEgo] = useState<EgoAnswer | null>(null);
  const [history, setHistory] = useState<TieHistoryAnswer | null>(null);
  const names = useMemo(() => new Map(picture.nodes.map((n) => [n.id, n.name])), [picture]);
  const heading = useRef<HTMLHeadingElement>(null);
  const key = 'member' in selection ? selection.member : selection.tie.join('|');

  useEffect(() => {
    setEgo(null);
    setHistory(null);
    const path = { networkId: network.id };
    if ('member' in selection)
      void api.GET('/api/networks/{networkId}/members/{memberId}/ego', { params: { path: { ...path, memberId: selection.member }, query: { at } } }).then(({ data }) => setEgo((data as unknown as EgoAnswer) ?? null));
    else void api.GET('/api/networks/{networkId}/ties/{a}/{b}', { params: { path: { ...path, a: selection.tie[0], b: selection.tie[1] } } }).then(({ data }) => setHistory((data as unknown as TieHistoryAnswer) ?? null));
    heading.current?.focus();
  }, [key, at]);

  const member = 'member' in selection ? picture.nodes.find((n) => n.id === selection.member) : undefined;
  return (
    <aside class="side-panel" aria-labelledby="side-panel-title">
      <button type="button" class="side-panel__close" onClick={() => onSelect(null)}>
        {t('picture.close')}
      </button>
      {'member' in selection ? (
        <>
          <h2 id="side-panel-title" tabIndex={-1} ref={heading}>
            {member?.name ?? names.get(selection.member) ?? ''}
          </h2>
          {member ? (
            <>
              <p>{t(`memberType.${member.type}` as Key)}{member.organisation ? ` · ${member.organisation}` : ''}</p>
              <dl class="measures">
                {MEASURES.map((m) => (
                  <div key={m}>
                    <dt>{t(`measure.${m}` as Key)}</dt>
                    <dd>{member.measures[m] === null ? '–' : number(member.measures[m] as number)}</dd>
                  </div>
                ))}
              </dl>
            </>
          ) : (
            <p>{t('picture.notYet')}</p>
          )}
          <h3>{t('picture.ego')}</h3>
          {ego && (ego.alters.length === 0 ? <p>{t('picture.noTies')}</p> : (
            <ol class="ego-list">
              {ego.alters.map((alter) => (
                <li key={alter.id}>
                  <button type="button" class="link-button" onClick={() => onSelect({ tie: [selection.member, alter.id] })}>
                    {alter.name}
                  </button>{' '}
                  — {t(`kind.${alter.tie.deepestKind}` as Key)}
                </li>
              ))}
            </ol>
          ))}
        </>
      ) : (
        <>
          <h2 id="side-panel-title" tabIndex={-1} ref={heading}>
            {t('picture.tieTitle', { a: names.get(selection.tie[0]) ?? '?', b: names.get(selection.tie[1]) ?? '?' })}
          </h2>
          {history && (
            <ol class="tie-history">
              {history.interactions.map((i) => (
                <li key={i.id}>
                  {date(i.occurredAt, 'short')}: {t(`kind.${i.kind}` as Key)}
                </li>
              ))}
            </ol>
          )}
        </>
      )}
    </aside>
  );
}
