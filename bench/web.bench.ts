/**
 * The web app in Chromium on a network of 1,000 members and 100,000 interactions over three years
 * (`--quick`: 200 members, 10,000 interactions). The history is written straight into a SQLite file
 * (as bench/responsiveness.bench.ts does), the real app opens it in this process, as the browser
 * tests start it, and Chromium is found the browser tests' way. Measured, several runs each, printed
 * with median and p95, against the issue's goals:
 *  - the coordinator's dashboard: from navigation (a full page load of /timeline, then of /picture)
 *    to the timeline's charts drawn (uPlot's draw hook) and to the picture drawn (sigma's render):
 *    ≤ 2 s each. The first load of each is printed apart: the picture is computed for it; the timeline
 *    was warmed by the worker after the network's first question, as on a running server (a question
 *    asked during the warm, and the rest of the warm, are timed before);
 *  - a slider step: from the key press (the input event) to the picture at the new date rendered,
 *    over every monthly step, first when the date is new, then when it was seen: ≤ 100 ms;
 *  - logging on a phone (390 × 844): from the tap on Save to the confirmation shown: ≤ 300 ms.
 * Every time is taken inside the page, from the event's own time stamp (or the navigation's start)
 * to a performance mark the page sets once it has drawn (`solmu:timeline-drawn`,
 * `solmu:picture-drawn`) or the confirmation appearing: nothing waits on a sleep.
 * Run: `npm run bench -- web [--quick] [--only=dashboard|slider|logging]`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ADMIN, aPerson, linkPerson, RunningSolmu, startSolmu } from '../test/e2e/support/solmu-app';
import { launchChromium } from '../test/browser/support/chromium';
import { PASSWORD, PHONE, signIn } from '../test/browser/support/solmu-web';
import { Scenario, synthesiseHistory } from './analysis-measures.bench';
import { writeStore } from './responsiveness.bench';
import { fmt, percentile, report } from './stats';

const root = join(__dirname, '..');

const FULL: Scenario = { label: '1k members', members: 1_000, pairs: 12_000, interactions: 100_000, nxSources: null, timeline: true };
const QUICK: Scenario = { label: 'quick', members: 200, pairs: 2_000, interactions: 10_000, nxSources: null, timeline: true };
const DESKTOP = { width: 1280, height: 800 };
const GOALS = { dashboard: 2000, step: 100, logging: 300 };

export async function run(args: string[] = process.argv.slice(2)): Promise<void> {
  const quick = args.includes('--quick');
  const scenario = quick ? QUICK : FULL;
  const runs = quick ? 3 : 7;
  // `--only=slider` (or dashboard, logging) measures one part, e.g. while profiling it.
  const only = args.find((arg) => arg.startsWith('--only='))?.slice('--only='.length);
  const part = (name: string) => !only || only === name;
  // `--profile`: where a slider step's time goes (the canvas's measures, and the main thread sampled
  // by the DevTools profiler, in a build that keeps function names).
  const profile = args.includes('--profile');
  // The dashboard figures below assume the workers warm timelines ahead, as they do by default (README,
  // SOLMU_ANALYSIS_WARM_TIMELINES); `SOLMU_ANALYSIS_WARM_TIMELINES=false npm run bench -- web` times it cold.
  process.env.SOLMU_ANALYSIS_WARM_TIMELINES ??= 'true';
  console.log(`timelines warmed ahead: ${process.env.SOLMU_ANALYSIS_WARM_TIMELINES}`);
  const dir = mkdtempSync(join(tmpdir(), 'solmu-web-bench-'));
  let solmu: RunningSolmu | undefined;
  let browser: Browser | undefined;
  try {
    let t = performance.now();
    const webRoot = join(dir, 'web');
    buildWebApp(webRoot, !profile);
    report('web app built', { s: fmt((performance.now() - t) / 1000, 1) });

    t = performance.now();
    const events = synthesiseHistory(scenario, 20250101 + scenario.members);
    const networkId = String((events[0].data as { networkId: string }).networkId);
    const firstMember = String((events[1].data as { memberId: string }).memberId);
    await writeStore(join(dir, 'solmu.db'), events, networkId);
    report('history written to SQLite', { members: fmt(scenario.members), interactions: fmt(scenario.interactions), s: fmt((performance.now() - t) / 1000, 1) });

    t = performance.now();
    [solmu, browser] = await Promise.all([
      startSolmu({ dir, webRoot, env: { SOLMU_SIGNINS_PER_MINUTE: '1000', SOLMU_WRITES_PER_MINUTE: '100000' } }),
      launchChromium(),
    ]);
    const logger = await aPerson(solmu, 'logger@solmu.test', 'Logger');
    await linkPerson(solmu, networkId, firstMember, logger.token);
    report('app started on it, Chromium launched', { s: fmt((performance.now() - t) / 1000, 1) });
    // The analysis worker replays the store after the app listens: a first question waits for that.
    // Asked here (a small early picture), so the figures below time the pages, not the start-up.
    t = performance.now();
    await solmu.request('GET', `/networks/${networkId}/graph?at=2023-01-15&provenance=false`);
    report('analysis caught up (first answer)', { s: fmt((performance.now() - t) / 1000, 1) });
    // A running server, as a coordinator finds it: the network was asked about a moment ago, so the
    // worker warms its default timeline (timeline-warmer.ts: 2 s after a question), a bucket between
    // requests. A question asked during the warm waits for one bucket at most (timed); the timeline
    // asked next finishes the warm (timed: most of the cold timeline's cost), so the dashboard's first
    // load below finds it ready.
    await new Promise((resolve) => setTimeout(resolve, 2_300));
    const [a, b] = (events.find((e) => e.type === 'InteractionLogged')!.data as { participants: string[] }).participants;
    t = performance.now();
    await solmu.request('GET', `/networks/${networkId}/ties/${a}/${b}`);
    report('a question asked during the warm (tie history)', { ms: fmt(performance.now() - t) });
    t = performance.now();
    await solmu.request('GET', `/networks/${networkId}/timeline`);
    report('default timeline: the rest of the warm, finished by a request', { s: fmt((performance.now() - t) / 1000, 1) });
    // Then the worker warms the picture's slider stops (most of their measures left by the timeline's
    // buckets); the picture's own request finishes that warm, as the page's would right now, and the
    // slider part below finds the stops cached (for a minute, as a timeline is).
    t = performance.now();
    await solmu.request('GET', `/networks/${networkId}/graph/steps?interval=month`);
    report("picture's stops: the rest of their warm, finished by a request", { s: fmt((performance.now() - t) / 1000, 1) });

    if (part('dashboard')) await dashboard(solmu, browser, runs);
    if (part('slider')) await sliderSteps(solmu, browser, profile);
    if (part('logging')) await logging(solmu, browser, runs * 2);
  } finally {
    await browser?.close();
    await solmu?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The web app as `npm start` builds it, into a directory of this run's own: a test run building
 * dist/web meanwhile would swap the files under the open pages.
 */
function buildWebApp(outDir: string, minify = true): void {
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const built = spawnSync(process.execPath, [vite, 'build', '--config', join(root, 'apps', 'web', 'vite.config.mts'), '--logLevel', 'warn', '--outDir', outDir, '--emptyOutDir', ...(minify ? [] : ['--minify', 'false'])], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (built.status !== 0) throw new Error(`building the web app failed:\n${built.stdout}\n${built.stderr}`);
}

/** Full page loads of /timeline and /picture as the coordinator, each to its drawing. */
async function dashboard(solmu: RunningSolmu, browser: Browser, runs: number): Promise<void> {
  const context = await browser.newContext({ viewport: DESKTOP, locale: 'en-GB' });
  const page = await context.newPage();
  await signIn(page, solmu.url, ADMIN.email, ADMIN.password);
  await page.getByRole('link', { name: 'Timeline' }).waitFor();
  for (const [path, mark, count] of [
    ['/timeline', 'solmu:timeline-drawn', 2],
    ['/picture', 'solmu:picture-drawn', 1],
  ] as const) {
    const times: number[] = [];
    for (let i = 0; i <= runs; i++) {
      await page.goto(solmu.url + path);
      // Both of the timeline's charts, or the picture once: the time of the last mark, from the navigation's start.
      // Functions, not strings: the page's CSP refuses eval, and a function is called through the DevTools protocol.
      await page.waitForFunction(({ mark, count }) => performance.getEntriesByName(mark).length >= count, { mark, count }, { timeout: 120_000 }).catch(async (error: Error) => {
        throw new Error(`${path} was not drawn; the page says: ${(await page.locator('main').innerText()).slice(-700)}`, { cause: error });
      });
      times.push(await page.evaluate(({ mark, count }) => Math.max(...performance.getEntriesByName(mark).slice(0, count).map((m) => m.startTime)), { mark, count }));
    }
    const [cold, ...warm] = times;
    summarise(`dashboard ${path}: navigation → drawn`, warm, GOALS.dashboard, { 'first load': `${fmt(cold)} ms` });
  }
  await context.close();
}

/**
 * Every monthly step of the slider by the keyboard, twice: dates new to the page, then dates seen
 * before. Then, on a fresh page, jumps five steps apart (as a drag or a click on the track does).
 * Every stop's picture is in the history the page loads once (/graph/steps), so none of these asks
 * the API; the three rows are kept to show that each kind of move is now only a redraw.
 */
async function sliderSteps(solmu: RunningSolmu, browser: Browser, profile: boolean): Promise<void> {
  const context = await browser.newContext({ viewport: DESKTOP, locale: 'en-GB' });
  // A page is ready when the slider moves: the network's history (every stop's picture, one answer)
  // has loaded. That wait is printed as its own row, from the navigation's start to the answer.
  const historyLoads: number[] = [];
  let historyBytes = 0;
  /** When the page asked for the history and how long the server took to start answering. */
  const historyServer: string[] = [];
  const open = async () => {
    const page = await context.newPage();
    await page.goto(solmu.url + '/picture');
    await page.locator('.picture__summary[data-drawn]').waitFor({ timeout: 120_000 });
    await page.locator('input[type=range]:not([disabled])').waitFor({ timeout: 180_000 });
    historyLoads.push(await page.evaluate(() => performance.getEntriesByName('solmu:picture-history')[0].startTime));
    const entry = await page.evaluate(() => {
      const found = (performance.getEntriesByType('resource') as any[]).find((e) => e.name.includes('/graph/steps'));
      return { bytes: found.decodedBodySize as number, server: (found.responseStart - found.requestStart) as number, started: found.startTime as number };
    });
    historyBytes = entry.bytes;
    historyServer.push(`asked at ${fmt(entry.started)} ms, answered in ${fmt(entry.server)} ms`);
    return page;
  };
  const first = await context.newPage();
  await signIn(first, solmu.url, ADMIN.email, ADMIN.password);
  await first.getByRole('link', { name: 'Network picture' }).waitFor();
  let page = await open();
  const slider = page.getByRole('slider', { name: 'Date' });
  await slider.focus();
  const steps = Number(await slider.getAttribute('max'));
  const fresh: number[] = [];
  const seen: number[] = [];
  const splits = { fresh: [] as Split[], seen: [] as Split[] };
  for (const [pass, split] of [[fresh, splits.fresh], [seen, splits.seen]] as const) {
    // The second pass, the redraw alone, is what `--profile` samples.
    const sampling = profile && pass === seen ? await startProfiler(page) : undefined;
    pass.push(await stepTo(page, () => page.keyboard.press('Home'), split));
    for (let step = 1; step <= steps; step++) pass.push(await stepTo(page, () => page.keyboard.press('ArrowRight'), split));
    if (sampling) printProfile(await sampling());
  }
  await page.close();
  page = await open();
  const jumps: number[] = [];
  for (let step = 2; step < steps - 1; step += 5) {
    jumps.push(await stepTo(page, () => page.getByRole('slider', { name: 'Date' }).evaluate((input: any, value: number) => {
      input.value = String(value);
      input.dispatchEvent(new (globalThis as any).Event('input', { bubbles: true }));
    }, step)));
  }
  report('picture history loaded (navigation → slider moves)', { first: `${fmt(historyLoads[0])} ms (${historyServer[0]})`, again: `${fmt(historyLoads[1])} ms (cached on the server; ${historyServer[1]})`, answer: `${fmt(historyBytes / 1e6, 1)} MB` });
  summarise(`slider step, a new date (${steps} monthly steps)`, fresh, GOALS.step);
  summarise('slider step, a date seen before', seen, GOALS.step);
  summarise('slider jump to a date not fetched (5 steps)', jumps, GOALS.step);
  if (profile) {
    printSplit('  where a step to a new date went', splits.fresh);
    printSplit('  where a step to a date seen before went', splits.seen);
  }
  await context.close();
}

type Split = Record<string, number>;

/**
 * Moves the slider by `move`; answers the ms from its input event to the new date's picture drawn.
 * With `splits`, adds where that time went (the canvas's measures, see `--profile`).
 */
async function stepTo(page: Page, move: () => Promise<void>, splits?: Split[]): Promise<number> {
  // Runs in the page (a function: the page's CSP refuses strings evaluated as code).
  await page.evaluate(() => {
    const page = globalThis as any;
    page.__step = undefined;
    page.__split = undefined;
    const slider = page.document.querySelector('input[type=range]');
    slider.addEventListener(
      'input',
      (event: any) => {
        const started = event.timeStamp;
        const check = () => {
          const mark = page.performance.getEntriesByName('solmu:picture-drawn').find((m: any) => m.startTime >= started && m.detail === slider.dataset.date);
          if (!mark) return setTimeout(check, 2);
          page.__step = mark.startTime - started;
          // Where the step's time went (`--profile`): the canvas's measures of its redraw
          // (network-canvas.ts) and, before them, everything from the key press to the redraw's start.
          const parts = page.performance.getEntriesByType('measure').filter((m: any) => m.name.startsWith('solmu:draw:') && m.startTime >= started && m.startTime <= mark.startTime);
          page.__split = Object.fromEntries(parts.map((m: any) => [m.name.slice('solmu:draw:'.length), m.duration]));
          if (parts.length > 0) page.__split.before = parts[0].startTime - started;
        };
        check();
      },
      { once: true },
    );
  });
  await move();
  await page.waitForFunction(() => (globalThis as Record<string, unknown>).__step !== undefined, null, { timeout: 180_000 }).catch(async (error: Error) => {
    const slider = page.locator('input[type=range]');
    throw new Error(`the slider's date ${await slider.getAttribute('data-date')} (step ${await slider.inputValue()}) was not drawn; drawn: ${await page.locator('.picture__summary').getAttribute('data-drawn')}`, { cause: error });
  });
  if (splits) splits.push(await page.evaluate(() => ((globalThis as Record<string, unknown>).__split ?? {}) as Split));
  return page.evaluate(() => (globalThis as Record<string, unknown>).__step as number);
}

/** A member on a phone: kind, person, Save — timed from the tap on Save to the confirmation. */
async function logging(solmu: RunningSolmu, browser: Browser, runs: number): Promise<void> {
  const context = await browser.newContext({ viewport: PHONE, locale: 'en-GB', hasTouch: true, isMobile: true });
  const page = await context.newPage();
  await signIn(page, solmu.url, 'logger@solmu.test', PASSWORD);
  const times: number[] = [];
  for (let i = 0; i <= runs; i++) {
    if (i > 0) await page.getByRole('button', { name: 'Log another' }).tap();
    await page.getByRole('radio', { name: /^Talked freely/ }).tap();
    await page.locator('.log input[type=checkbox]').first().tap();
    const save = page.getByRole('button', { name: 'Save' });
    await page.evaluate(() => {
      const page = globalThis as any;
      page.__logged = undefined;
      page.document.querySelector('.log button[type=submit]').addEventListener(
        'click',
        (event: any) => {
          const started = event.timeStamp;
          const observer = new page.MutationObserver(() => {
            if (!page.document.querySelector('.confirmation')) return;
            observer.disconnect();
            page.__logged = page.performance.now() - started;
          });
          observer.observe(page.document.body, { childList: true, subtree: true });
        },
        { once: true },
      );
    });
    await save.tap();
    await page.waitForFunction(() => (globalThis as Record<string, unknown>).__logged !== undefined, null, { timeout: 60_000 }).catch(async (error: Error) => {
      throw new Error(`no confirmation; the page says: ${(await page.locator('main').innerText()).slice(0, 700)}`, { cause: error });
    });
    times.push(await page.evaluate(() => (globalThis as Record<string, unknown>).__logged as number));
  }
  // The first is the page's first write (it fetches the CSRF token first): printed apart.
  const [first, ...rest] = times;
  summarise('logging on a phone: tap on Save → confirmation', rest, GOALS.logging, { first: `${fmt(first)} ms` });
  await context.close();
}

/** Starts the DevTools profiler on the page's main thread; the answer stops it and answers the profile. */
async function startProfiler(page: Page): Promise<() => Promise<Profile>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
  await cdp.send('Profiler.start');
  return async () => {
    const { profile } = await cdp.send('Profiler.stop');
    await cdp.detach();
    return profile as Profile;
  };
}

interface Profile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number } }>;
  samples: number[];
  timeDeltas: number[];
}

/** The functions the main thread spent most time in (self time), idle left out, with the share of the busy time. */
function printProfile(profile: Profile): void {
  const byNode = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const frame = byNode.get(id)!;
    const file = frame.url.split('/').pop() ?? '';
    const name = `${frame.functionName || '(anonymous)'} ${file ? `${file}:${frame.lineNumber + 1}` : ''}`.trim();
    self.set(name, (self.get(name) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  self.delete('(idle)');
  const busy = [...self.values()].reduce((a, b) => a + b, 0);
  console.log(`  main thread busy ${fmt(busy)} ms over the pass of dates seen before; most self time:`);
  for (const [name, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`    ${fmt(ms).padStart(6)} ms ${fmt((100 * ms) / busy, 1).padStart(5)} %  ${name}`);
}

/** The median of each part of the steps (ms): before the redraw, the graph built, sigma's setGraph, after. */
function printSplit(label: string, splits: Split[]): void {
  const names = [...new Set(splits.flatMap((split) => Object.keys(split)))];
  const median = (name: string) => fmt(percentile(splits.map((split) => split[name] ?? 0).sort((a, b) => a - b), 50), 1);
  const p95 = (name: string) => fmt(percentile(splits.map((split) => split[name] ?? 0).sort((a, b) => a - b), 95), 1);
  report(label, Object.fromEntries(names.map((name) => [name, `${median(name)} / ${p95(name)}`])));
}

function summarise(label: string, times: number[], goalMs: number, extra: Record<string, string> = {}): void {
  const sorted = [...times].sort((a, b) => a - b);
  const p95 = percentile(sorted, 95);
  report(label, {
    runs: String(times.length),
    median: `${fmt(percentile(sorted, 50))} ms`,
    p95: `${fmt(p95)} ms`,
    max: `${fmt(sorted[sorted.length - 1])} ms`,
    ...extra,
    goal: `≤ ${fmt(goalMs)} ms ${p95 <= goalMs ? 'met' : 'MISSED'} (p95)`,
  });
  // Every run in order (SOLMU_BENCH_VERBOSE=1): whether the slow ones cluster, e.g. at the start.
  if (process.env.SOLMU_BENCH_VERBOSE) console.log(`  ${times.map((ms) => fmt(ms)).join(' ')}`);
}
