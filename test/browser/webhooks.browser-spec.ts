import type { Browser, BrowserContext, Page } from 'playwright-core';
import { aNetworkWithMembers, aPerson, freePort, linkPerson, type RunningSolmu, startSolmu } from '../e2e/support/solmu-app';
import { WebhookReceiver } from '../e2e/support/webhook-receiver';
import { launchChromium } from './support/chromium';
import { PASSWORD, seriousAccessibilityProblems, signIn } from './support/solmu-web';

/**
 * The webhooks on the coordinator's Manage page, in headless Chromium against the real app and a
 * local receiver: a refused URL named beside its field, a webhook made with its secret shown once,
 * its delivery log, a delivery sent again (the same webhook-id, a valid signature), and Finnish.
 */
const DESKTOP = { width: 1280, height: 800 };
const COORDINATOR = 'kaisa@solmu.test';
let solmu: RunningSolmu;
let browser: Browser;
let receiver: WebhookReceiver;
let networkId: string;
let members: string[];
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  receiver = new WebhookReceiver(await freePort());
  await receiver.up();
  [solmu, browser] = await Promise.all([startSolmu({ env: { SOLMU_SIGNINS_PER_MINUTE: '1000', SOLMU_WEBHOOKS_ALLOW_PRIVATE: 'true' } }), launchChromium()]);
  ({ networkId, members } = await aNetworkWithMembers(solmu, ['Kaisa', 'Aino', 'Onni']));
  await solmu.request('PATCH', `/networks/${networkId}/members/${members[0]}`, { role: 'coordinator' });
  const person = await aPerson(solmu, COORDINATOR, 'Kaisa');
  await linkPerson(solmu, networkId, members[0], person.token);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await solmu?.stop();
  await receiver?.down();
});

beforeEach(async () => {
  context = await browser.newContext({ viewport: DESKTOP, locale: 'en-GB', timezoneId: 'Europe/Helsinki' });
  page = await context.newPage();
  await signIn(page, solmu.url, COORDINATOR, PASSWORD);
  await page.getByRole('link', { name: 'Manage' }).click();
  await page.getByRole('heading', { name: 'Manage the network' }).waitFor();
});

afterEach(() => context.close());

it('makes a webhook, shows its secret once, and sends a delivery again from its log', async () => {
  const section = page.getByRole('region', { name: 'Webhooks' });
  await section.getByLabel('Receiver URL').fill('not a url');
  await section.getByRole('button', { name: 'Create webhook' }).click();
  await section.locator('#webhook-url-error').waitFor();
  expect(await section.getByLabel('Receiver URL').getAttribute('aria-describedby')).toBe('webhook-url-error');
  expect(await seriousAccessibilityProblems(page)).toEqual([]);

  await section.getByLabel('Receiver URL').fill(receiver.url);
  await section.getByRole('checkbox', { name: /member joined/ }).check();
  await section.getByLabel('Description (optional)').fill('The CRM');
  const created = page.waitForResponse((r) => r.url().endsWith('/webhooks') && r.request().method() === 'POST');
  await section.getByRole('button', { name: 'Create webhook' }).click();
  const answer = await (await created).json();
  expect(answer.events).toEqual(['interaction.logged', 'member.joined']);
  const shown = await section.locator('.token-secret code').textContent();
  expect(shown).toBe(answer.secret);
  receiver.secret = shown!;
  await section.getByRole('button', { name: 'I have copied it' }).click();
  expect(await page.content()).not.toContain(shown!);

  await solmu.request('POST', `/networks/${networkId}/members`, { name: 'Helmi', joinedAt: '2024-02-01' });
  const [delivered] = await receiver.waitFor(1);
  expect(delivered).toMatchObject({ verified: true, payload: { type: 'member.joined', data: { name: 'Helmi' } } });

  await section.getByRole('button', { name: `Deliveries to ${receiver.url}` }).click();
  const log = section.getByRole('region', { name: `Deliveries to ${receiver.url}` });
  await log.getByRole('row', { name: /member joined.*delivered/ }).waitFor();
  expect(await seriousAccessibilityProblems(page)).toEqual([]);
  await log.getByRole('button', { name: /^Send again: member joined/ }).click();
  await log.getByText('It will be sent again in a moment.').waitFor();
  const [, again] = await receiver.waitFor(2);
  expect(again).toMatchObject({ id: delivered.id, verified: true });

  await section.getByRole('button', { name: `Remove webhook to ${receiver.url}` }).click();
  await section.getByText('No webhooks yet.').waitFor();
});

it('speaks Finnish after the switch', async () => {
  await page.getByRole('button', { name: 'Vaihda kieli suomeksi' }).click();
  const section = page.getByRole('region', { name: 'Webhookit' });
  await section.getByLabel('Vastaanottajan osoite').fill(receiver.url);
  await section.getByRole('button', { name: 'Luo webhook' }).click();
  expect(await section.locator('.token-secret').textContent()).toContain('et näe sitä uudelleen');
  await section.getByRole('button', { name: `Toimitukset osoitteeseen ${receiver.url}` }).click();
  await section.getByText('Mitään ei ole vielä toimitettu', { exact: false }).waitFor();
  expect(await seriousAccessibilityProblems(page)).toEqual([]);
});
