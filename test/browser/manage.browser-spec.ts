import type { Browser, BrowserContext, Page } from 'playwright-core';
import { aNetworkWithMembers, aPerson, linkPerson, type RunningSolmu, startSolmu } from '../e2e/support/solmu-app';
import { launchChromium } from './support/chromium';
import { PASSWORD, screenshot, seriousAccessibilityProblems, signIn } from './support/solmu-web';

/**
 * The coordinator's Manage page on a desktop (1280 × 800), in headless Chromium against the real
 * app: a coordinator (not an administrator) creates an API token, sees it once, revokes it and the
 * API then refuses it; downloads exports; adds and edits members. A plain member is not offered the page.
 */
const DESKTOP = { width: 1280, height: 800 };
const COORDINATOR = 'kaisa@solmu.test';
let solmu: RunningSolmu;
let browser: Browser;
let networkId: string;
let members: string[];
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  [solmu, browser] = await Promise.all([startSolmu({ env: { SOLMU_SIGNINS_PER_MINUTE: '1000' } }), launchChromium()]);
  ({ networkId, members } = await aNetworkWithMembers(solmu, ['Kaisa', 'Aino', 'Onni']));
  await solmu.request('PATCH', `/networks/${networkId}/members/${members[0]}`, { role: 'coordinator' });
  await solmu.request('POST', `/networks/${networkId}/interactions`, { kind: 'discussed', participants: [members[1], members[2]], occurredAt: '2024-02-01' });
  const person = await aPerson(solmu, COORDINATOR, 'Kaisa');
  await linkPerson(solmu, networkId, members[0], person.token);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await solmu?.stop();
});

beforeEach(async () => {
  context = await browser.newContext({ viewport: DESKTOP, locale: 'en-GB', timezoneId: 'Europe/Helsinki', acceptDownloads: true });
  page = await context.newPage();
  await signIn(page, solmu.url, COORDINATOR, PASSWORD);
  await page.getByRole('link', { name: 'Manage' }).click();
  await page.getByRole('heading', { name: 'Manage the network' }).waitFor();
});

afterEach(async () => {
  await context.close();
});

it('creates an API token, shows it once, and revokes it so the API refuses it', async () => {
  await page.getByLabel('Name', { exact: true }).first().fill('Slack workspace');
  await page.getByRole('checkbox', { name: /interactions:write/ }).check();
  const created = page.waitForResponse((r) => r.url().endsWith('/tokens') && r.request().method() === 'POST');
  await page.getByRole('button', { name: 'Create token' }).click();
  const answer = await (await created).json();
  expect(answer.scopes).toEqual(['network:read', 'interactions:write']);

  const secret = page.locator('.token-secret');
  expect(await secret.textContent()).toContain('you will not see it again');
  const shown = await secret.locator('code').textContent();
  expect(shown).toBe(answer.token);
  expect((await solmu.requestAs(shown!, 'GET', `/networks/${networkId}/members`)).status).toBe(200);
  await page.getByRole('button', { name: 'Copy' }).waitFor();
  expect(await page.getByRole('row', { name: /Slack workspace/ }).count()).toBe(1);
  expect(await seriousAccessibilityProblems(page)).toEqual([]);
  await screenshot(page, 'manage');

  // Once put away, the secret is nowhere on the page, nor after a reload: only its name is listed.
  await page.getByRole('button', { name: 'I have copied it' }).click();
  expect(await page.content()).not.toContain(shown!);
  await page.reload();
  await page.getByRole('row', { name: /Slack workspace/ }).waitFor();
  expect(await page.content()).not.toContain(shown!);

  await page.getByRole('button', { name: 'Revoke token Slack workspace' }).click();
  await page.getByText('No tokens yet.').waitFor();
  expect((await solmu.requestAs(shown!, 'GET', `/networks/${networkId}/members`)).status).toBe(401);
});

it('downloads the exports the API names, at the chosen date', async () => {
  await page.getByLabel('Network on date').fill('2024-03-01');
  const graphml = page.waitForEvent('download');
  await page.getByRole('link', { name: /^GraphML/ }).click();
  const file = await graphml;
  expect(file.suggestedFilename()).toBe(`solmu-${networkId}-2024-03-01.graphml`);
  const text = await readDownload(file.path());
  expect(text.startsWith('<?xml')).toBe(true);
  expect(text).toContain('<graphml');
  expect(text).toContain('Onni');

  const edges = page.waitForEvent('download');
  await page.getByRole('link', { name: /^Ties as CSV/ }).click();
  const edgesFile = await edges;
  expect(edgesFile.suggestedFilename()).toBe(`solmu-${networkId}-2024-03-01-edges.csv`);
  expect((await readDownload(edgesFile.path())).split('\n')).toHaveLength(3); // header, one tie, last newline

  const gexf = page.waitForEvent('download');
  await page.getByRole('link', { name: /dynamic GEXF/ }).click();
  const gexfFile = await gexf;
  expect(gexfFile.suggestedFilename()).toBe(`solmu-${networkId}.gexf`);
  expect(await readDownload(gexfFile.path())).toContain('<gexf');
});

async function readDownload(path: Promise<string>): Promise<string> {
  const { readFile } = await import('node:fs/promises');
  return readFile(await path, 'utf8');
}
