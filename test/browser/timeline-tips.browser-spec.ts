import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ADMIN, aPerson, linkPerson, type RunningSolmu, startSolmu } from '../e2e/support/solmu-app';
import { launchChromium } from './support/chromium';
import { PASSWORD, screenshot, seriousAccessibilityProblems, signIn } from './support/solmu-web';

/**
 * The coordinator's story on a desktop (1280 × 800), in headless Chromium against the real app
 * started with the demo network: the development timeline with phase bands and their evidence, the
 * tie window switched, the figures read from the table, the tips with their what-if, in Finnish too;
 * and a member who may not read the analysis is told so instead of seeing a broken page.
 */
const DESKTOP = { width: 1280, height: 800 };
let solmu: RunningSolmu;
let browser: Browser;
let networkId: string;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  [solmu, browser] = await Promise.all([startSolmu({ demo: true, env: { SOLMU_SIGNINS_PER_MINUTE: '1000' } }), launchChromium()]);
  networkId = (await solmu.request('GET', '/networks')).body[0].id;
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await solmu?.stop();
});

beforeEach(async () => {
  context = await browser.newContext({ viewport: DESKTOP, locale: 'en-GB', timezoneId: 'Europe/Helsinki' });
  page = await context.newPage();
});

afterEach(async () => {
  await context.close();
});

const asCoordinator = async () => {
  await signIn(page, solmu.url, ADMIN.email, ADMIN.password);
  await page.getByRole('link', { name: 'Timeline' }).click();
  await page.getByRole('heading', { name: 'Development timeline' }).waitFor();
};

const chartDrawn = () => page.locator('.timeline-chart canvas').first().waitFor();

/**
 * Pixels of the first chart's canvas in a phase's band colour (the canvas is transparent: colour and
 * alpha). A string, as this file is compiled without the DOM's types; it runs in the page.
 */
const bandPixels = ([r, g, b, a]: [number, number, number, number]) =>
  page.evaluate<number>(`(() => {
    const canvas = document.querySelector('.timeline-chart canvas');
    const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
    const near = (value, target) => Math.abs(value - target) <= 3;
    let count = 0;
    for (let i = 0; i < data.length; i += 4) if (near(data[i], ${r}) && near(data[i + 1], ${g}) && near(data[i + 2], ${b}) && near(data[i + 3], ${a})) count++;
    return count;
  })()`);

it('shows the timeline with phase bands, and the evidence of the phase of the period in focus', async () => {
  await asCoordinator();
  await chartDrawn();
  const timeline = (await solmu.request('GET', `/networks/${networkId}/timeline`)).body;
  expect(await page.getByText(`Solmu chose the interval: ${timeline.interval}.`).count()).toBe(1);

  // The founding band, rgba(230, 159, 0, 0.18), is painted behind the lines.
  expect(await bandPixels([230, 159, 0, 46])).toBeGreaterThan(1000);
  const phases = new Set<string>(timeline.buckets.map((b: { phase: { name: string } }) => b.phase.name));
  if (phases.has('deepening')) expect(await bandPixels([0, 114, 178, 41])).toBeGreaterThan(1000); // rgba(0, 114, 178, 0.16)
  expect(await page.locator('.phase-strip__bucket').count()).toBe(timeline.buckets.length);

  const first = timeline.buckets[0];
  await page.getByRole('button', { name: `${first.label}: Founding` }).focus();
  const evidence = page.locator('.phase-evidence');
  await evidence.getByRole('heading', { name: `${first.label}: Founding` }).waitFor();
  expect(await evidence.textContent()).toContain(first.phase.evidence[0].en);

  await page.keyboard.press('Tab');
  const second = timeline.buckets[1];
  await evidence.getByRole('heading', { name: new RegExp(`^${second.label}: `) }).waitFor();
  expect(await evidence.textContent()).toContain(second.phase.evidence[0].en);

  // Hovering the chart's left edge shows the first period's evidence again, without redrawing the
  // chart from scratch (which would lose the cursor): the canvas is the same element afterwards.
  await page.evaluate(`document.querySelector('.timeline-chart canvas').dataset.seen = 'yes'`);
  const plot = (await page.locator('.timeline-chart .u-over').first().boundingBox())!;
  await page.mouse.move(plot.x + 4, plot.y + plot.height / 2);
  await evidence.getByRole('heading', { name: `${first.label}: Founding` }).waitFor();
  expect(await page.evaluate<string | undefined>(`document.querySelector('.timeline-chart canvas').dataset.seen`)).toBe('yes');

  // Interventions are listed under the charts (and marked on their time axis).
  expect(await page.locator('.intervention-list li').count()).toBeGreaterThan(0);
  await screenshot(page, 'timeline');
  expect(await seriousAccessibilityProblems(page)).toEqual([]);
});

it('switches the tie window to sliding and reads the new figures from the data table', async () => {
  await asCoordinator();
  await chartDrawn();
  const answered = page.waitForResponse((response) => response.url().includes('/timeline') && response.url().includes('window=sliding%3A180'));
  await page.getByLabel('Tie window').selectOption('sliding');
  await answered;
  await page.getByLabel('Window in days').waitFor();
  const sliding = (await solmu.request('GET', `/networks/${networkId}/timeline?window=sliding:180`)).body;

  await page.getByText('Show the figures as a table').first().click();
  const table = page.getByRole('table', { name: /^Density, centralisation, clustering and inequality: figures by period$/ });
  await table.waitFor();
  const rows = table.locator('tbody tr');
  await page.waitForFunction(`document.querySelectorAll('.data-table')[0]?.querySelectorAll('tbody tr').length === ${sliding.buckets.length}`);
  const last = sliding.buckets[sliding.buckets.length - 1];
  const lastRow = rows.filter({ hasText: last.label });
  const density = new Intl.NumberFormat('en', { maximumFractionDigits: 2 }).format(last.measures.density);
  expect(await lastRow.locator('td').nth(1).textContent()).toBe(density);
  // The cumulative figure differs, so the table really shows the sliding window's.
  const cumulative = (await solmu.request('GET', `/networks/${networkId}/timeline`)).body;
  expect(cumulative.buckets[cumulative.buckets.length - 1].measures.density).not.toBe(last.measures.density);
});

it('lists tips with their evidence, action and what-if, and in Finnish after the switch', async () => {
  await signIn(page, solmu.url, ADMIN.email, ADMIN.password);
  await page.getByRole('link', { name: 'Tips' }).click();
  await page.getByRole('heading', { name: 'Tips', level: 1 }).waitFor();
  const { tips } = (await solmu.request('GET', `/networks/${networkId}/tips`)).body;
  expect(tips.length).toBeGreaterThan(0);
  const tip = page.locator('.tip').first();
  await tip.waitFor();
  expect(await tip.textContent()).toContain(tips[0].action.en);
  expect(await tip.textContent()).toContain(tips[0].evidence.en);
  const whatIf = tip.getByRole('table', { name: 'What if: the network before and after' });
  const density = whatIf.getByRole('row', { name: /^Density/ });
  const format = new Intl.NumberFormat('en', { maximumFractionDigits: 3 });
  expect(await density.locator('td').allTextContents()).toEqual([format.format(tips[0].whatIf.before.density), format.format(tips[0].whatIf.after.density), expect.any(String)]);
  await screenshot(page, 'tips');
  expect(await seriousAccessibilityProblems(page)).toEqual([]);

  await page.getByRole('button', { name: /suomeksi/i }).click();
  await page.getByRole('heading', { name: 'Vinkit', level: 1 }).waitFor();
  expect(await tip.textContent()).toContain(tips[0].action.fi);
  await tip.getByRole('table', { name: 'Entä jos: verkosto ennen ja jälkeen' }).waitFor();
  await page.getByRole('link', { name: 'Kehitys' }).click();
  await page.getByRole('heading', { name: 'Verkoston kehitys' }).waitFor();
  await page.getByLabel('Suhteiden aikaikkuna').waitFor();
  await page.getByText('Näytä luvut taulukkona').first().click();
  await page.getByRole('table', { name: /^Tiheys, keskittyneisyys, ryhmittyneisyys ja epätasaisuus: luvut jaksoittain$/ }).waitFor();
  expect(await page.locator('.phase-evidence h2').textContent()).toMatch(/: (Perustaminen|Yhteistyön tiivistyminen|Vakiintuminen)$/);
  expect(await seriousAccessibilityProblems(page)).toEqual([]);
});

it('offers a member who may not read the analysis no timeline, and explains the refusal if they open it', async () => {
  const members = (await solmu.request('GET', `/networks/${networkId}/members`)).body as Array<{ id: string }>;
  const person = await aPerson(solmu, 'member@solmu.test', 'Mirja');
  await linkPerson(solmu, networkId, members[members.length - 1].id, person.token);
  const closed = await solmu.request('PATCH', `/networks/${networkId}/settings`, { membersSeeNetwork: false });
  expect(closed.status).toBe(200);
  try {
    await signIn(page, solmu.url, 'member@solmu.test', PASSWORD);
    await page.getByRole('link', { name: 'My interactions' }).waitFor();
    expect(await page.getByRole('link', { name: 'Timeline' }).count()).toBe(0);
    await page.goto(solmu.url + '/timeline');
    await page.getByText('You may not see this network’s analysis.', { exact: false }).waitFor();
    expect(await page.locator('.timeline-chart').count()).toBe(0);
  } finally {
    await solmu.request('PATCH', `/networks/${networkId}/settings`, { membersSeeNetwork: true });
  }
});

it('a tip’s “Show in the picture” opens the picture with its members picked out and the others dimmed', async () => {
  const tips = (await solmu.request('GET', `/networks/${networkId}/tips`)).body.tips as Array<{ members: string[] }>;
  const index = tips.findIndex((tip) => tip.members.length > 0);
  expect(index).toBeGreaterThanOrEqual(0);
  const members = (await solmu.request('GET', `/networks/${networkId}/members`)).body as Array<{ id: string; name: string }>;
  const names = tips[index].members.map((id) => members.find((m) => m.id === id)!.name);

  await signIn(page, solmu.url, ADMIN.email, ADMIN.password);
  await page.getByRole('link', { name: 'Tips' }).click();
  await page.getByRole('link', { name: `Show in the picture: the members of tip ${index + 1}`, exact: true }).click();
  await page.getByRole('heading', { name: 'Network picture', level: 1 }).waitFor();
  expect(new URL(page.url()).pathname).toBe('/picture');

  // What sigma displays undimmed is exactly the tip's members; the others are drawn in the dimmed colour.
  // Empty while the canvas has no graph yet (picked out before the picture arrived): wait for the drawn one.
  const canvas = page.locator('.picture__canvas[data-standing-out]:not([data-standing-out=""])');
  await canvas.waitFor();
  expect((await canvas.getAttribute('data-standing-out'))!.split(' ')).toEqual([...tips[index].members].sort());
  const picked = page.locator('.picture__picked');
  for (const name of names) expect(await picked.textContent()).toContain(name);
  // The table marks the same members in words, not by colour alone.
  await page.locator('.members-table__picked').first().waitFor();
  expect((await page.locator('.members-table__picked th').allTextContents()).map((text) => text.replace(' (picked out)', '')).sort()).toEqual([...names].sort());
  expect(await seriousAccessibilityProblems(page)).toEqual([]);
  await screenshot(page, 'picture-tip');

  await page.getByRole('button', { name: 'Show everyone' }).click();
  await page.locator('.picture__canvas:not([data-standing-out])').waitFor();
  expect(await page.locator('.picture__picked').count()).toBe(0);
  expect(new URL(page.url()).search).toBe('');
});

it('is usable on a tablet (820 × 1180): timeline, picture and tips fit the width, their controls are reachable, axe finds nothing serious', async () => {
  const tablet = await browser.newContext({ viewport: { width: 820, height: 1180 }, locale: 'en-GB', timezoneId: 'Europe/Helsinki', hasTouch: true });
  const page = await tablet.newPage();
  try {
    await signIn(page, solmu.url, ADMIN.email, ADMIN.password);
    /**
     * What sticks out sideways: the page's own overflow, and controls outside the viewport. A control
     * inside a box that scrolls sideways (a wide table, the strip of periods) counts as reachable
     * when that box fits.
     */
    const outside = () =>
      page.evaluate(() => {
        const { document, innerWidth, getComputedStyle } = globalThis as any;
        const fits = (element: any) => {
          const box = element.getBoundingClientRect();
          return box.left >= -1 && box.right <= innerWidth + 1;
        };
        const scroller = (element: any): any => {
          for (let parent = element.parentElement; parent; parent = parent.parentElement) if (['auto', 'scroll'].includes(getComputedStyle(parent).overflowX)) return parent;
          return null;
        };
        const sticking = [...document.querySelectorAll('main button, main select, main input, main a, main summary, main canvas')]
          .filter((element: any) => element.getClientRects().length > 0)
          .filter((element: any) => !fits(scroller(element) ?? element))
          .map((element: any) => `${element.tagName.toLowerCase()} ${element.textContent?.trim().slice(0, 30) || element.getAttribute('aria-label') || ''}`);
        return { pageWidth: document.documentElement.scrollWidth, innerWidth, sticking };
      });
    const fits = async () => {
      const found = await outside();
      expect(found.sticking).toEqual([]);
      expect(found.pageWidth).toBeLessThanOrEqual(found.innerWidth);
      expect(await seriousAccessibilityProblems(page)).toEqual([]);
    };

    await page.getByRole('link', { name: 'Timeline' }).tap();
    await page.locator('.timeline-chart[data-drawn]').first().waitFor();
    await fits();
    // The controls work by touch: another window, and the charts are drawn again.
    await page.getByLabel('Tie window').selectOption('sliding');
    await page.getByLabel('Window in days').waitFor();
    await page.locator('.timeline-chart[data-drawn]').first().waitFor();
    await screenshot(page, 'tablet-timeline');

    await page.getByRole('link', { name: 'Network picture' }).tap();
    await page.locator('.picture__summary[data-drawn]').waitFor();
    await fits();
    const slider = page.getByRole('slider', { name: 'Date' });
    // The slider moves once the network's history (every stop's picture) has loaded.
    await page.locator('input[type=range]:not([disabled])').waitFor();
    await slider.focus();
    await page.keyboard.press('Home');
    await page.locator(`.picture__summary[data-drawn="${await slider.getAttribute('data-date')}"]`).waitFor();
    await page.getByRole('button', { name: 'Play' }).tap();
    await page.getByRole('button', { name: 'Pause' }).waitFor();
    await page.getByRole('button', { name: 'Pause' }).tap();
    await screenshot(page, 'tablet-picture');

    await page.getByRole('link', { name: 'Tips' }).tap();
    await page.getByRole('heading', { name: 'Tips', level: 1 }).waitFor();
    await page.locator('.tip').first().waitFor();
    await fits();
    await screenshot(page, 'tablet-tips');
  } finally {
    await tablet.close();
  }
}, 60_000);
