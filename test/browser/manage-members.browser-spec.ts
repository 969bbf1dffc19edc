import type { Browser, BrowserContext, Page } from 'playwright-core';
import { aNetworkWithMembers, aPerson, linkPerson, type RunningSolmu, startSolmu } from '../e2e/support/solmu-app';
import { launchChromium } from './support/chromium';
import { PASSWORD, screenshot, seriousAccessibilityProblems, signIn } from './support/solmu-web';

/**
 * Ending a membership from the Manage page (desktop, 1280 × 800), in headless Chromium against the
 * real app: a coordinator removes a member from the network and erases another's personal data,
 * each only after confirming, and the API then holds what the page said.
 */
const DESKTOP = { width: 1280, height: 800 };
const COORDINATOR = 'kaisa@solmu.test';
let solmu: RunningSolmu;
let browser: Browser;
let networkId: string;
let ids: Record<string, string>;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  [solmu, browser] = await Promise.all([startSolmu({ env: { SOLMU_SIGNINS_PER_MINUTE: '1000' } }), launchChromium()]);
  const names = ['Kaisa', 'Pekka', 'Ritva', 'Sami'];
  const made = await aNetworkWithMembers(solmu, names);
  networkId = made.networkId;
  ids = Object.fromEntries(names.map((name, i) => [name, made.members[i]]));
  await solmu.request('PATCH', `/networks/${networkId}/members/${ids.Kaisa}`, { role: 'coordinator' });
  await solmu.request('POST', `/networks/${networkId}/interactions`, { kind: 'discussed', participants: [ids.Pekka, ids.Ritva], occurredAt: '2024-02-01' });
  const person = await aPerson(solmu, COORDINATOR, 'Kaisa');
  await linkPerson(solmu, networkId, ids.Kaisa, person.token);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await solmu?.stop();
});

beforeEach(async () => {
  context = await browser.newContext({ viewport: DESKTOP, locale: 'en-GB', timezoneId: 'Europe/Helsinki' });
  page = await context.newPage();
  await signIn(page, solmu.url, COORDINATOR, PASSWORD);
  await page.getByRole('link', { name: 'Manage' }).click();
  await page.getByRole('heading', { name: 'Manage the network' }).waitFor();
});

afterEach(async () => {
  await context.close();
});

const member = async (name: string) => (await solmu.request('GET', `/networks/${networkId}/members/${ids[name]}`)).body;
const row = (name: string) => page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${name}`) }) });

it('removes a member after asking (Cancel keeps them; a day before they joined is named beside its field)', async () => {
  await page.getByRole('button', { name: 'Remove Pekka' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Remove Pekka from the network?' });
  await dialog.waitFor();
  // The question has the focus, so it is read out at once.
  expect(await page.evaluate(() => (globalThis as any).document.activeElement?.textContent)).toBe('Remove Pekka from the network?');
  expect(await seriousAccessibilityProblems(page)).toEqual([]);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  expect(await dialog.count()).toBe(0);
  expect((await member('Pekka')).leftAt).toBeUndefined();

  await page.getByRole('button', { name: 'Remove Pekka' }).click();
  await dialog.getByLabel('Left on').fill('2023-06-01');
  await dialog.getByRole('button', { name: 'Remove from the network' }).click();
  await dialog.locator('#leftAt-error').filter({ hasText: 'must be after the member joined' }).waitFor();
  expect((await member('Pekka')).leftAt).toBeUndefined();

  await dialog.getByLabel('Left on').fill('2024-03-01');
  await screenshot(page, 'manage-remove');
  await dialog.getByRole('button', { name: 'Remove from the network' }).click();
  await page.getByRole('status').filter({ hasText: 'Pekka has left the network.' }).waitFor();
  expect((await member('Pekka')).leftAt).toMatch(/^2024-0(2-29|3-01)T/);
  expect(await row('Pekka').textContent()).toContain('(left)');
  expect(await page.getByRole('button', { name: 'Remove Pekka' }).count()).toBe(0);
});

it("erases a member's personal data after asking: the name is gone from the page and the API, the tie stays", async () => {
  await page.getByRole('button', { name: 'Erase personal data of Ritva' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Erase the personal data of Ritva?' });
  await dialog.waitFor();
  expect(await dialog.textContent()).toContain('cannot be undone');
  expect((await member('Ritva')).name).toBe('Ritva');
  await dialog.getByRole('button', { name: 'Erase for good' }).click();
  await page.getByRole('status').filter({ hasText: 'The personal data of Ritva was erased.' }).waitFor();

  const erased = await member('Ritva');
  expect(erased.erased).toBe(true);
  expect(erased.name).not.toBe('Ritva');
  expect(await page.locator('.manage-table').textContent()).not.toContain('Ritva');
  expect(await row(erased.name).textContent()).toContain('(personal data erased)');
  expect(await row(erased.name).getByRole('button', { name: /^Erase personal data/ }).count()).toBe(0);
  // The network keeps the tie, without her name.
  const ties = (await solmu.request('GET', `/networks/${networkId}/graph?at=2024-02-15`)).body.ties as Array<{ a: string; b: string }>;
  expect(ties.some((t) => [t.a, t.b].includes(ids.Ritva) && [t.a, t.b].includes(ids.Pekka))).toBe(true);
  expect(await seriousAccessibilityProblems(page)).toEqual([]);
});
