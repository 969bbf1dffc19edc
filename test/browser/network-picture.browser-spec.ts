import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { ADMIN } from '../e2e/support/solmu-app';
import { phonePage, seriousAccessibilityProblems, signIn, startWorld, WebWorld } from './support/solmu-web';

/**
 * The coordinator's network picture in headless Chromium against the real app: the canvas drawn
 * (sigma on WebGL), the time slider redrawing an earlier, smaller network, a member's panel opened
 * from the members table, and the member's tie logged by taps on a phone found in the picture.
 */
let world: WebWorld;
const contexts: BrowserContext[] = [];
/** What the Content-Security-Policy refused (the layout worker from a blob: URL would be). */
const refused: string[] = [];
const DESKTOP = { width: 1280, height: 800 };

beforeAll(async () => {
  world = await startWorld();
  const { networkId, members, solmu } = world;
  // Two who join later, so an early date shows fewer members than today.
  for (const [name, type, joinedAt] of [['Eero', 'research', '2025-03-01'], ['Fanni', 'incubator', '2025-06-01']] as const) {
    const member = await solmu.request('POST', `/networks/${networkId}/members`, { name, type, joinedAt: `${joinedAt}T00:00:00Z` });
    if (member.status !== 201) throw new Error(JSON.stringify(member.body));
    members[name] = member.body.id;
  }
  const log = async (kind: string, a: string, b: string, occurredAt: string) => {
    const answer = await solmu.request('POST', `/networks/${networkId}/interactions`, { kind, participants: [members[a], members[b]], occurredAt: `${occurredAt}T12:00:00Z` });
    if (answer.status !== 201) throw new Error(JSON.stringify(answer.body));
  };
  // A star around Cecilia first; the web grows later.
  await log('acquainted', 'Cecilia', 'Bertta', '2024-01-10');
  await log('acquainted', 'Cecilia', 'Daniel', '2024-01-12');
  await log('co_developed', 'Cecilia', 'Daniel', '2024-09-12');
  await log('discussed', 'Eero', 'Bertta', '2025-04-01');
  await log('exchanged_information', 'Fanni', 'Daniel', '2025-07-01');
  await log('outlined_goals', 'Fanni', 'Eero', '2025-08-01');
}, 120_000);

afterAll(async () => {
  await Promise.all(contexts.map((c) => c.close()));
  await world?.stop();
});

async function coordinatorPage(): Promise<Page> {
  const context = await world.browser.newContext({ viewport: DESKTOP, locale: 'en-GB', timezoneId: 'Europe/Helsinki' });
  contexts.push(context);
  const page = await context.newPage();
  page.on('console', (message) => void (/Content Security Policy/i.test(message.text()) && refused.push(message.text())));
  await signIn(page, world.solmu.url, ADMIN.email, ADMIN.password);
  await page.getByRole('link', { name: 'Network picture' }).click();
  return page;
}

const summary = (page: Page) => page.locator('.picture__summary');
/** Waits until the summary line names `members` members, and answers the redraw time it reports. */
async function drawnWith(page: Page, members: number): Promise<number> {
  await summary(page).filter({ hasText: new RegExp(`^${members} members`) }).locator('.picture__timing').waitFor();
  return Number(await page.locator('.picture__timing').getAttribute('data-ms'));
}

/**
 * Presses `key` on the focused slider and waits for the picture at its new date. Answers the members
 * drawn and what the page fetched from the key's input event to the picture drawn, read from the
 * page's own resource timing (the tables' request, made after the slider rests, comes later).
 */
async function stepBy(page: Page, key: string): Promise<{ members: number; fetched: string[] }> {
  // Functions run in the page (not strings: its CSP refuses eval); the page's globals as `any`, this project has no DOM types.
  await page.evaluate(() => {
    const page = globalThis as any;
    page.__inputAt = undefined;
    page.document.querySelector('input[type=range]').addEventListener('input', (event: any) => void (page.__inputAt = event.timeStamp), { once: true });
  });
  await page.keyboard.press(key);
  await page.waitForFunction(() => {
    const page = globalThis as any;
    const slider = page.document.querySelector('input[type=range]');
    return page.__inputAt !== undefined && page.document.querySelector('.picture__summary').dataset.drawn === slider.dataset.date;
  });
  return page.evaluate(() => {
    const page = globalThis as any;
    const date = page.document.querySelector('input[type=range]').dataset.date;
    const drawn = page.performance.getEntriesByName('solmu:picture-drawn').filter((mark: any) => mark.detail === date).at(-1);
    return {
      members: Number(/^(\d+) members/.exec(page.document.querySelector('.picture__summary').textContent ?? '')?.[1]),
      fetched: page.performance
        .getEntriesByType('resource')
        .filter((entry: any) => entry.startTime >= page.__inputAt && entry.startTime <= drawn.startTime)
        .map((entry: any) => entry.name as string),
    };
  });
}

async function desktopScreenshot(page: Page, name: string): Promise<void> {
  if (process.env.SOLMU_SCREENSHOTS !== '1') return;
  const dir = join(__dirname, '..', '..', 'docs', 'screenshots');
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`) });
}

it('draws the network, and the time slider redraws it at an earlier date with fewer members', async () => {
  const page = await coordinatorPage();
  await drawnWith(page, 7);
  // sigma draws on WebGL: a blank canvas would be a tiny PNG, a drawn network is not.
  await page.waitForTimeout(1600); // the first layout runs for 1.5 s
  const today = await page.locator('.picture__canvas').screenshot();
  expect(today.length).toBeGreaterThan(8_000);
  expect(refused).toEqual([]);
  expect(await page.getByRole('row').count()).toBe(1 + 7); // the six and the coordinator, a member too
  await desktopScreenshot(page, 'picture');
  expect(await seriousAccessibilityProblems(page)).toEqual([]);

  const slider = page.getByRole('slider', { name: 'Date' });
  // The slider moves once the network's history (every stop's picture) is loaded.
  await page.locator('input[type=range]:not([disabled])').waitFor();
  const timings: number[] = [];
  await slider.focus();
  // The end of the founding month: Cecilia's star, the coordinator beside it. Drawn from memory.
  expect(await stepBy(page, 'Home')).toEqual({ members: 5, fetched: [] });
  timings.push(Number(await page.locator('.picture__timing').getAttribute('data-ms')));
  // The tables follow the canvas once the slider rests (they list what a stop's frame lacks).
  await page.locator(`.picture-tables[data-date="${await slider.getAttribute('data-date')}"]`).waitFor();
  expect(await page.getByRole('row').count()).toBe(1 + 5);
  expect(await page.locator('.ties-list summary').textContent()).toBe('2 ties');
  for (const [key, members] of [['ArrowRight', 5], ['End', 7], ['Home', 5]] as const) {
    expect(await stepBy(page, key)).toEqual({ members, fetched: [] });
    timings.push(Number(await page.locator('.picture__timing').getAttribute('data-ms')));
  }
  console.log(`slider step (new date → picture redrawn), 7 members: ${timings.map((ms) => `${ms} ms`).join(', ')}`);
});

it("keeps picked-out members standing out as the slider adds members to the drawn graph and takes them away", async () => {
  const page = await coordinatorPage();
  await drawnWith(page, 7);
  const { Cecilia, Eero } = world.members;
  await page.goto(`${world.solmu.url}/picture?members=${Cecilia},${Eero}`);
  /** What sigma displays undimmed, read back from its display data, once it is `ids`. */
  const standingOut = (ids: string[]) => page.locator(`.picture__canvas[data-standing-out="${[...ids].sort().join(' ')}"]`).waitFor();
  await drawnWith(page, 7);
  await standingOut([Cecilia, Eero]);
  // The slider moves once the network's history (every stop's picture) is loaded.
  await page.locator('input[type=range]:not([disabled])').waitFor();
  await page.getByRole('slider', { name: 'Date' }).focus();
  await page.keyboard.press('Home'); // members gone: a new graph, Eero not in it yet
  await drawnWith(page, 5);
  await standingOut([Cecilia]);
  await page.keyboard.press('End'); // only members and ties added: the graph drawn is changed in place
  await drawnWith(page, 7);
  await standingOut([Cecilia, Eero]);
  // A member chosen stands out with their neighbours instead; closing the panel picks the two out again.
  await page.getByRole('button', { name: 'Daniel', exact: true }).click();
  await page.locator(`.picture__canvas[data-standing-out~="${world.members.Daniel}"]`).waitFor();
  await page.getByRole('complementary', { name: 'Daniel' }).getByRole('button', { name: 'Close' }).click();
  await standingOut([Cecilia, Eero]);
});

it("opens a member's measures and ego network from the members table, and a tie's history", async () => {
  const page = await coordinatorPage();
  await drawnWith(page, 7);
  const first = page.locator('.members-table tbody tr').first().locator('th');
  await page.getByRole('button', { name: 'Strength' }).click(); // strongest first
  expect(await first.textContent()).toBe('Daniel');
  await page.getByRole('button', { name: 'Strength' }).click(); // weakest first
  expect(await first.textContent()).toBe('Ada Admin');
  await page.getByLabel('Type', { exact: true }).selectOption('research');
  expect(await page.locator('.members-table tbody tr').count()).toBe(1);
  await page.getByRole('button', { name: 'Eero' }).click();
  const panel = page.getByRole('complementary', { name: 'Eero' });
  await panel.waitFor();
  expect(await panel.textContent()).toMatch(/Degree\s*2/);
  await panel.getByRole('listitem').filter({ hasText: 'Fanni' }).waitFor();
  expect(await panel.getByRole('listitem').first().textContent()).toMatch(/Fanni — Outlined shared goals/); // closest first
  await panel.getByRole('button', { name: 'Bertta' }).click();
  const tie = page.getByRole('complementary', { name: 'Eero and Bertta' });
  await tie.getByRole('listitem').first().waitFor();
  expect(await tie.getByRole('listitem').allTextContents()).toEqual([expect.stringMatching(/Talked freely/)]);
  await desktopScreenshot(page, 'picture-member');
  expect(await seriousAccessibilityProblems(page)).toEqual([]);
});

it("logs a tie by taps on a phone and the coordinator finds it in the picture's ties", async () => {
  const { context, page } = await phonePage(world);
  contexts.push(context);
  await signIn(page, world.solmu.url);
  await page.getByRole('checkbox', { name: 'Fanni' }).waitFor();
  await page.getByRole('radio', { name: /^Looked for collaboration/ }).click();
  await page.getByRole('checkbox', { name: 'Fanni' }).click();
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('status').filter({ hasText: 'Stored' }).waitFor();
  // The network shows its picture to members (membersSeeNetwork, on by default): the member is offered it too.
  await page.getByRole('link', { name: 'My interactions' }).click();
  await page.getByRole('heading', { name: 'My interactions' }).waitFor();
  expect(await page.getByRole('link', { name: 'Network picture' }).count()).toBe(1);

  const coordinator = await coordinatorPage();
  await drawnWith(coordinator, 7);
  await coordinator.locator('.ties-list summary').click();
  const tie = coordinator.getByRole('listitem').filter({ hasText: 'Aino and Fanni' });
  expect(await tie.textContent()).toMatch(/Looked for collaboration/);
  await tie.getByRole('button').click();
  await coordinator.getByRole('complementary', { name: 'Aino and Fanni' }).getByRole('listitem').first().waitFor();
});
