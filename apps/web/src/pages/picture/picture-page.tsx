import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { api } from '../../api/client';
import { formProblems } from '../../api/problems';
import type { NetworkSummary } from '../../api/views';
import { useI18n } from '../../i18n/i18n';
import type { Key } from '../../i18n/dictionary';
import { frameReader, type FrameReader } from './frames';
import type { NetworkCanvas } from './network-canvas';
import { MEASURES, type GraphPicture, type Measure, type Picture, type StepInterval, type StepsAnswer } from './picture-view';
import { Legend } from './legend';
import { PictureTables } from './picture-tables';
import { SidePanel, type Selection } from './side-panel';
import './picture.css';

const PLAY_EVERY_MS = 800;
/** The tables follow the canvas once the slider has rested this long: rebuilding them at every step would hold up the next. */
const TABLES_AFTER_MS = 400;

/** Members to pick out in the picture, from `?members=a,b` (a tip's "Show in the picture"). */
function membersFromAddress(): string[] {
  return (new URLSearchParams(location.search).get('members') ?? '').split(',').filter(Boolean);
}

/** The network's history at the slider's stops, as the API answered it for one interval. */
type History = { interval: StepInterval; answer: StepsAnswer; reader: FrameReader };

/**
 * The coordinator's picture of the network at any date: the canvas (sigma, loaded only here), a
 * time slider with play, the legend as text, and the members and ties as tables — the accessible
 * way to everything the canvas shows. A member or tie opens a side panel with its details.
 *
 * The picture now comes from /graph, so the page draws at once; the slider's stops come from
 * /graph/steps, the picture at every stop in one answer, so moving the slider (a step, a jump, Play)
 * draws from memory and asks nothing. The tables list what a stop's frame lacks (each tie's first
 * date), so they are asked for at the stop once the slider rests.
 */
export function PicturePage({ network }: { network: NetworkSummary }) {
  const { t, language } = useI18n();
  const [interval, setInterval] = useState<StepInterval>('month');
  const [history, setHistory] = useState<History | null>(null);
  const [step, setStep] = useState<number | null>(null);
  const [sizeBy, setSizeBy] = useState<Measure>('degree');
  const [shown, setShown] = useState<{ date: string; picture: Picture } | null>(null);
  const picture = shown?.picture ?? null;
  const [tablePicture, setTablePicture] = useState<{ date: string; picture: GraphPicture } | null>(null);
  const [picked, setPicked] = useState<string[]>(membersFromAddress);
  const [problem, setProblem] = useState<string | null>(null);
  const [playing, setPlaying] = useState(false);
  const [selection, setSelection] = useState<Selection>(null);
  const [redrawn, setRedrawn] = useState<{ date: string; ms: number } | null>(null);
  const canvasBox = useRef<HTMLDivElement>(null);
  const canvas = useRef<NetworkCanvas | null>(null);
  /** Answers already loaded, by interval: switching back draws at once. */
  const histories = useRef(new Map<StepInterval, History>());
  const stepStarted = useRef(0);
  /** The tables of the picture now (/graph), which stand for the last stop's. */
  const nowTables = useRef<{ date: string; picture: GraphPicture } | null>(null);
  const [canvasReady, setCanvasReady] = useState(false);
  /** What the canvas shows now (date and measure), so a picture is never drawn twice. */
  const drawnKey = useRef('');

  const current = history ? (step === null ? history.answer.steps.length - 1 : Math.min(step, history.answer.steps.length - 1)) : 0;
  const at: string | undefined = history?.answer.steps[current];
  const loadingHistory = history === null || history.interval !== interval;
  /** Nothing to move through yet: the history is loading (or, for a network with no dated event, empty). */
  const still = loadingHistory || at === undefined;
  /** A stop's date in the network's zone: the stops are the ends of its weeks and months. */
  const stopDate = useMemo(() => new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: history?.answer.timeZone }), [language, history]);

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
    // From the new date chosen to the picture drawn: the frame read and the redraw.
    setRedrawn({ date, ms: Math.round(performance.now() - stepStarted.current) });
  };

  /** Shows stop `k` of `loaded` from memory: no request. */
  const showStop = (k: number, loaded: History | null = history) => {
    if (!loaded) return;
    const date = loaded.answer.steps[k];
    const next = loaded.reader.picture(k);
    drawNow(date, next, sizeBy);
    setShown({ date, picture: next });
  };

  // The picture now, so the page draws before the history arrives.
  useEffect(() => {
    stepStarted.current = performance.now();
    let alive = true;
    void api.GET('/api/networks/{networkId}/graph', { params: { path: { networkId: network.id }, query: { provenance: 'false' } } }).then(({ data, error }) => {
      if (!alive) return;
      if (error) return setProblem(formProblems(error, []).general.join(' '));
      const now = data as unknown as GraphPicture;
      nowTables.current = { date: now.at, picture: now };
      setTablePicture((tables) => tables ?? nowTables.current);
      // The history came first: its last stop is drawn already.
      if (drawnKey.current !== '') return;
      drawNow(now.at, now, sizeBy);
      setShown((before) => before ?? { date: now.at, picture: now });
    });
    return () => void (alive = false);
  }, [network.id]);

  // The slider's stops: every stop's picture in one answer, once per interval.
  useEffect(() => {
    const known = histories.current.get(interval);
    if (known) return setHistory(known);
    let alive = true;
    void api.GET('/api/networks/{networkId}/graph/steps', { params: { path: { networkId: network.id }, query: { interval } } }).then(({ data, error }) => {
      if (!alive) return;
      if (error) return setProblem(formProblems(error, []).general.join(' '));
      const answer = data as unknown as StepsAnswer;
      // `npm run bench -- web` prints the time from navigation to this mark: the wait before the slider moves.
      performance.mark('solmu:picture-history', { detail: interval });
      const loaded = { interval, answer, reader: frameReader(answer) };
      histories.current.set(interval, loaded);
      setHistory(loaded);
    });
    return () => void (alive = false);
  }, [interval, network.id]);

  // A history arrived (or another interval's): the stop chosen, the last ("now") unless one was.
  useEffect(() => {
    if (!history || history.answer.steps.length === 0) return;
    stepStarted.current = performance.now();
    showStop(current);
  }, [history]);

  // A new measure for the sizes, or the canvas arriving after the first picture.
  useEffect(() => {
    if (shown && canvasReady) drawNow(shown.date, shown.picture, sizeBy);
  }, [shown, sizeBy, canvasReady]);

  // The tables at the stop shown, once the slider rests there.
  useEffect(() => {
    if (!shown || tablePicture?.date === shown.date) return;
    // The last stop is now: the picture from /graph has its tables already (asking again would load
    // the worker and the page with a second 5 MB picture just as the slider starts moving).
    const last = history?.answer.steps.at(-1);
    if (shown.date === last && nowTables.current) return void (tablePicture !== nowTables.current && setTablePicture(nowTables.current));
    let alive = true;
    const timer = setTimeout(() => {
      void api.GET('/api/networks/{networkId}/graph', { params: { path: { networkId: network.id }, query: { at: shown.date, provenance: 'false' } } }).then(({ data }) => {
        // A failure here leaves the tables at the stop before; the canvas shows the stop.
        if (alive && data) setTablePicture({ date: shown.date, picture: data as unknown as GraphPicture });
      });
    }, TABLES_AFTER_MS);
    return () => {
      alive = false;
      clearTimeout(timer);
    };
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
    window.history.replaceState(null, '', location.pathname);
  };
  const names = useMemo(() => new Map((picture?.nodes ?? []).map((n) => [n.id, n.name])), [picture]);

  /** The slider moved (a key, a drag, a click on the track) or Play stepped: drawn at once, from memory. */
  const moveTo = (k: number) => {
    stepStarted.current = performance.now();
    showStop(k);
    setStep(k);
  };

  useEffect(() => {
    if (!playing || !history) return;
    if (current >= history.answer.steps.length - 1) return setPlaying(false);
    const timer = setTimeout(() => moveTo(current + 1), PLAY_EVERY_MS);
    return () => clearTimeout(timer);
  }, [playing, current, history]);

  const play = () => {
    if (!history) return;
    if (current >= history.answer.steps.length - 1) moveTo(0);
    setPlaying(!playing);
  };

  // The same element while the tables' picture stands, so a slider step does not diff a thousand rows
  // (Preact skips a subtree whose element is unchanged): that work delayed the next step.
  const tables = useMemo(
    () => tablePicture && <PictureTables date={tablePicture.date} picture={tablePicture.picture} picked={picked} onMember={(id) => setSelection({ member: id })} onTie={(a, b) => setSelection({ tie: [a, b] })} />,
    [tablePicture, picked],
  );

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
          <select id="slider-interval" value={interval} onChange={(e) => { setPlaying(false); setInterval(e.currentTarget.value as StepInterval); setStep(null); }}>
            <option value="week">{t('picture.week')}</option>
            <option value="month">{t('picture.month')}</option>
          </select>
        </div>
      </div>
      <div class="picture__time">
        <button type="button" class="picture__play" onClick={play} aria-pressed={playing} disabled={still}>
          {playing ? t('picture.pause') : t('picture.play')}
        </button>
        <label class="picture__slider">
          <span>{t('picture.date')}</span>
          <input
            type="range"
            data-date={still ? undefined : at}
            min={0}
            max={still || !history ? 0 : history.answer.steps.length - 1}
            step={1}
            value={still ? 0 : current}
            disabled={still}
            aria-valuetext={!still && at ? stopDate.format(new Date(at)) : t('picture.loadingHistory')}
            onInput={(e) => { setPlaying(false); moveTo(Number(e.currentTarget.value)); }}
          />
        </label>
        <output class="picture__at" aria-live="polite">
          {loadingHistory ? t('picture.loadingHistory') : at && stopDate.format(new Date(at))}
        </output>
      </div>
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
        {selection && shown && <SidePanel network={network} picture={shown.picture} at={shown.date} selection={selection} onSelect={setSelection} />}
      </div>
      {tables}
    </section>
  );
}
