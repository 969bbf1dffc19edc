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

it('is not offered to a plain member, and the API refuses them its tokens', async () => {
  const person = await aPerson(solmu, 'aino@solmu.test', 'Aino');
  await linkPerson(solmu, networkId, members[1], person.token);
  const memberContext = await browser.newContext({ viewport: DESKTOP, locale: 'en-GB' });
  const memberPage = await memberContext.newPage();
  await signIn(memberPage, solmu.url, 'aino@solmu.test', PASSWORD);
  await memberPage.getByRole('link', { name: 'My interactions' }).waitFor();
  expect(await memberPage.getByRole('link', { name: 'Manage' }).count()).toBe(0);
  expect((await solmu.requestAs(person.token, 'GET', `/networks/${networkId}/tokens`)).status).toBe(403);
  await memberContext.close();
});

it('creates an API token, shows it once, and revokes it so the API refuses it', async () => {
  const tokens = page.getByRole('region', { name: 'API tokens' });
  await tokens.getByLabel('Name', { exact: true }).fill('Slack workspace');
  await tokens.getByRole('checkbox', { name: /interactions:write/ }).check();
  const created = page.waitForResponse((r) => r.url().endsWith('/tokens') && r.request().method() === 'POST');
  await tokens.getByRole('button', { name: 'Create token' }).click();
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
  await secret.scrollIntoViewIfNeeded();
  await screenshot(page, 'manage-token');

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

it('adds a member: a bad email is named beside its field, then corrected; edits and invites them', async () => {
  const form = page.getByRole('form', { name: 'Add a member' });
  await form.getByLabel('Name').fill('Helmi Hautomo');
  await form.getByLabel('Email (optional)').fill('helmi.example');
  await form.getByLabel('Organisation (optional)').fill('Posintra Oy');
  await form.getByLabel('Type').selectOption('incubator');
  await form.getByLabel('Joined on (optional)').fill('2024-02-15');
  await form.getByRole('button', { name: 'Add a member' }).click();

  const emailError = form.locator('#member-email-error');
  await emailError.waitFor();
  expect(await emailError.textContent()).toMatch(/email/i);
  expect(await form.getByLabel('Email (optional)').getAttribute('aria-describedby')).toBe('member-email-error');
  expect(await form.locator('#member-name-error').count()).toBe(0);
  expect(await seriousAccessibilityProblems(page)).toEqual([]);

  await form.getByLabel('Email (optional)').fill('helmi@example.org');
  await form.getByRole('button', { name: 'Add a member' }).click();
  await page.getByText('Helmi Hautomo was added.').waitFor();
  const stored = (await solmu.request('GET', `/networks/${networkId}/members`)).body.find((m: { name: string }) => m.name === 'Helmi Hautomo');
  expect(stored).toMatchObject({ email: 'helmi@example.org', organisation: 'Posintra Oy', type: 'incubator' });
  expect(stored.joinedAt.slice(0, 10)).toBe('2024-02-15'); // the network's zone is UTC here
  expect(await form.locator('.field-error').count()).toBe(0);

  await page.getByRole('button', { name: 'Edit Helmi Hautomo' }).click();
  const edit = page.getByRole('form', { name: 'Edit Helmi Hautomo' });
  await edit.getByLabel('Organisation (optional)').fill('');
  await edit.getByLabel('Type').selectOption('company');
  await edit.getByRole('button', { name: 'Save' }).click();
  await page.getByText('Helmi Hautomo was saved.').waitFor();
  const changed = (await solmu.request('GET', `/networks/${networkId}/members/${stored.id}`)).body;
  expect(changed.type).toBe('company');
  expect(changed.organisation).toBeUndefined();

  await page.getByRole('button', { name: 'Invite Helmi Hautomo' }).click();
  const link = await page.locator('.invitation code').textContent();
  expect(link).toMatch(/\/invitations\/accept\?token=/);
  const invitations = (await solmu.request('GET', `/networks/${networkId}/invitations`)).body;
  expect(invitations.some((i: { memberId: string }) => i.memberId === stored.id)).toBe(true);
});

it('changes the network settings, with an out-of-range weight named beside its kind', async () => {
  const settings = page.getByRole('region', { name: 'Network settings' });
  await settings.getByRole('checkbox', { name: /Members see the whole network/ }).uncheck();
  await settings.getByLabel('Time zone').selectOption('Europe/Helsinki');
  await settings.getByLabel('Talked freely').fill('2000');
  await settings.getByRole('button', { name: 'Save settings' }).click();
  const error = settings.locator('#weight-discussed-error');
  await error.waitFor();
  expect(await error.textContent()).toContain('1000');
  expect((await solmu.request('GET', `/networks/${networkId}`)).body.settings.timeZone).not.toBe('Europe/Helsinki');

  await settings.getByLabel('Talked freely').fill('2,5');
  await settings.getByRole('button', { name: 'Save settings' }).click();
  await settings.getByText('Settings saved.').waitFor();
  expect(await settings.locator('.field-error').count()).toBe(0);
  const stored = (await solmu.request('GET', `/networks/${networkId}`)).body.settings;
  expect(stored).toMatchObject({ membersSeeNetwork: false, timeZone: 'Europe/Helsinki', depthWeights: { discussed: 2.5 } });
  expect(stored.depthWeights.acquainted).toBeUndefined();

  // Shown as stored after a reload.
  await page.reload();
  await page.getByRole('region', { name: 'Network settings' }).getByLabel('Talked freely').waitFor();
  expect(await page.getByLabel('Talked freely').inputValue()).toBe('2.5');
  expect(await page.getByLabel('Time zone').inputValue()).toBe('Europe/Helsinki');
  expect(await seriousAccessibilityProblems(page)).toEqual([]);
});

it('records an intervention (a missing title is named beside its field) and shows its effect, before → after', async () => {
  await solmu.request('POST', `/networks/${networkId}/interactions`, { kind: 'outlined_goals', participants: [members[0], members[1]], occurredAt: '2024-02-20' });
  const section = page.getByRole('region', { name: 'Interventions' });
  await section.getByLabel('Kind').selectOption('matchmaking');
  await section.getByLabel('Date').fill('2024-02-10');
  await section.getByRole('button', { name: 'Record an intervention' }).click();
  await section.locator('#intervention-title-error').waitFor();

  await section.getByLabel('Title').fill('Matchmaking breakfast');
  await section.getByRole('button', { name: 'Record an intervention' }).click();
  await section.getByText('“Matchmaking breakfast” was recorded.').waitFor();
  const [recorded] = (await solmu.request('GET', `/networks/${networkId}/interventions`)).body;
  expect(recorded).toMatchObject({ title: 'Matchmaking breakfast', kind: 'matchmaking' });

  // The button's name holds its visible text (axe: label-content-name-mismatch) before it gives way to the table.
  expect(await seriousAccessibilityProblems(page)).toEqual([]);
  await section.getByRole('button', { name: 'Show effect: Matchmaking breakfast' }).click();
  const table = section.getByRole('table', { name: /^Effect of Matchmaking breakfast: the network just before and 90 days after/ });
  await table.waitFor();
  const effect = (await solmu.request('GET', `/networks/${networkId}/interventions/${recorded.id}/effect`)).body;
  expect(effect.before.measures.ties).toBe(1);
  expect(effect.after.measures.ties).toBe(2);
  const cells = async (name: string) => table.getByRole('row', { name: new RegExp(`^${name}`) }).locator('td').allTextContents();
  expect((await cells('Ties')).slice(0, 3)).toEqual(['1', '2', '+1']);
  const density = new Intl.NumberFormat('en', { maximumFractionDigits: 3 });
  expect((await cells('Density')).slice(0, 2)).toEqual([density.format(effect.before.measures.density), density.format(effect.after.measures.density)]);
  expect(await seriousAccessibilityProblems(page)).toEqual([]);
});

it('speaks Finnish after the switch', async () => {
  await page.getByRole('button', { name: 'Vaihda kieli suomeksi' }).click();
  await page.getByRole('heading', { name: 'Verkoston hallinta' }).waitFor();
  const tokens = page.getByRole('region', { name: 'API-avaimet' });
  await tokens.getByLabel('Nimi', { exact: true }).fill('Skripti');
  await tokens.getByRole('button', { name: 'Luo avain' }).click();
  expect(await tokens.locator('.token-secret').textContent()).toContain('et näe sitä enää uudelleen');
  await page.getByRole('link', { name: /^Jäsenet CSV-tiedostona/ }).waitFor();
  expect(await page.getByRole('link', { name: 'Hallinta' }).getAttribute('aria-current')).toBe('page');
  expect(await seriousAccessibilityProblems(page)).toEqual([]);
});
