import { slackSignature, teamsSignature } from '@solmu/integrations';
import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { aNetworkWithMembers, aPerson, linkPerson, type RunningSolmu, startSolmu } from '../e2e/support/solmu-app';
import { launchChromium } from './support/chromium';
import { PASSWORD, screenshot, seriousAccessibilityProblems, signIn } from './support/solmu-web';

/**
 * The coordinator's Slack and Teams page and Imports page on a desktop (1280 × 800), in headless
 * Chromium against the real app: a coordinator (not an administrator) connects Slack and downloads
 * its manifest, connects Teams, and imports a spreadsheet by dry run then commit — twice, without
 * anything written twice. The URLs the page shows are tried with signed requests, and every count
 * is checked against the API.
 */
const DESKTOP = { width: 1280, height: 800 };
const COORDINATOR = 'kaisa@solmu.test';
const SIGNING_SECRET = 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6';
const TEAMS_TOKEN = Buffer.from('0123456789abcdef0123456789abcdef').toString('base64');
let solmu: RunningSolmu;
let browser: Browser;
let networkId: string;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  [solmu, browser] = await Promise.all([startSolmu({ env: { SOLMU_SIGNINS_PER_MINUTE: '1000' } }), launchChromium()]);
  let members: string[];
  ({ networkId, members } = await aNetworkWithMembers(solmu, ['Kaisa', 'Aino']));
  await solmu.request('PATCH', `/networks/${networkId}/members/${members[0]}`, { role: 'coordinator' });
  const person = await aPerson(solmu, COORDINATOR, 'Kaisa');
  await linkPerson(solmu, networkId, members[0], person.token);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await solmu?.stop();
});

async function openAs(locale: string): Promise<void> {
  context = await browser.newContext({ viewport: DESKTOP, locale, timezoneId: 'Europe/Helsinki', acceptDownloads: true });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: solmu.url });
  page = await context.newPage();
  // A wait that fails says what it waited for, before Jest's own time-out says only that time ran out.
  page.setDefaultTimeout(10_000);
  await signIn(page, solmu.url, COORDINATOR, PASSWORD);
  await page.getByRole('link', { name: /^(Manage|Hallinta)$/ }).waitFor();
}

afterEach(async () => {
  await context?.close();
});

const integrations = async () => (await solmu.request('GET', `/networks/${networkId}/integrations`)).body as Array<{ id: string; kind: string; requestUrls: Record<string, string> }>;
const memberNames = async () => ((await solmu.request('GET', `/networks/${networkId}/members`)).body as Array<{ name: string }>).map((m) => m.name).sort();
const interactionCount = async () => ((await solmu.request('GET', `/networks/${networkId}/interactions?limit=100`)).body.interactions as unknown[]).length;

/** The path of a URL the page shows (built on SOLMU_PUBLIC_URL), on the app the test runs. */
const onTestApp = (shown: string) => solmu.url + new URL(shown).pathname;

it('loads neither page until a coordinator opens it', async () => {
  const scripts: string[] = [];
  await openAs('en-GB');
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') scripts.push(new URL(response.url()).pathname);
  });
  await page.reload();
  await page.getByRole('link', { name: 'Manage' }).click();
  await page.getByRole('heading', { name: 'Manage the network' }).waitFor();
  expect(scripts.filter((path) => /(integrations|imports)-page/.test(path))).toEqual([]);
  await page.getByRole('link', { name: 'Import records' }).click();
  await page.getByRole('heading', { level: 1, name: 'Import records' }).waitFor();
  expect(scripts.filter((path) => /(integrations|imports)-page/.test(path))).toEqual([expect.stringMatching(/^\/assets\/imports-page-.*\.js$/)]);
});

describe('Slack and Teams', () => {
  beforeEach(async () => {
    await openAs('en-GB');
    await page.getByRole('link', { name: 'Manage' }).click();
    await page.getByRole('link', { name: 'Slack and Teams' }).click();
    await page.getByRole('heading', { level: 1, name: 'Slack and Teams' }).waitFor();
  });

  it('connects Slack: a wrong secret is named beside its field; the request URLs are copied, work, and the manifest downloads with them; the secret is never shown back', async () => {
    await page.getByText('Nothing connected yet.').waitFor();
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    const slack = page.getByRole('region', { name: 'Connect Slack' });
    await slack.getByLabel('Name (optional)').fill('Verkosto-työtila');
    await slack.getByLabel('Signing Secret').fill('not a secret!');
    await slack.getByRole('button', { name: 'Connect Slack' }).click();
    const problem = slack.locator('#connect-slack-signingSecret-error');
    await problem.waitFor();
    expect(await problem.textContent()).toContain('is required: the "Signing Secret" from the Slack app\'s Basic Information page');
    expect(await slack.getByLabel('Signing Secret').getAttribute('aria-describedby')).toContain('connect-slack-signingSecret-error');
    expect(await integrations()).toEqual([]);

    await slack.getByLabel('Signing Secret').fill(SIGNING_SECRET);
    await slack.getByLabel('Bot token (optional)').fill('xoxb-1111-2222-abcdef');
    await slack.getByRole('button', { name: 'Connect Slack' }).click();
    const card = page.getByRole('article', { name: 'Slack: Verkosto-työtila' });
    await card.waitFor();
    expect([await slack.getByLabel('Signing Secret').inputValue(), await slack.getByLabel('Bot token (optional)').inputValue()]).toEqual(['', '']);
    const [stored] = await integrations();
    expect(stored.kind).toBe('slack');

    // Each URL is shown as the API gives it, and its Copy button puts exactly that on the clipboard.
    for (const [name, label] of [['commands', 'Slash command Request URL'], ['interactivity', 'Interactivity Request URL'], ['events', 'Event Subscriptions Request URL']]) {
      expect(await card.getByRole('textbox', { name: label }).inputValue()).toBe(stored.requestUrls[name]);
      await card.getByRole('button', { name: `Copy ${label}` }).click();
      await card.getByRole('button', { name: `Copied ${label}` }).waitFor();
      expect(await page.evaluate('navigator.clipboard.readText()')).toBe(stored.requestUrls[name]);
    }
    // The events URL shown is the one Slack can verify with the secret typed in.
    const eventsUrl = await card.getByRole('textbox', { name: 'Event Subscriptions Request URL' }).inputValue();
    const body = JSON.stringify({ token: 't', challenge: 'chal-web', type: 'url_verification' });
    const timestamp = String(Math.floor(Date.now() / 1000));
    const check = await fetch(onTestApp(eventsUrl), { method: 'POST', headers: { 'content-type': 'application/json', 'x-slack-request-timestamp': timestamp, 'x-slack-signature': slackSignature(SIGNING_SECRET, timestamp, body) }, body });
    expect([check.status, await check.json()]).toEqual([200, { challenge: 'chal-web' }]);

    const download = page.waitForEvent('download');
    await card.getByRole('link', { name: 'Download the Slack app manifest' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('solmu-slack-manifest.json');
    const manifest = JSON.parse(await readFile(await file.path(), 'utf8'));
    expect(manifest.features.slash_commands[0]).toMatchObject({ command: '/solmu', url: stored.requestUrls.commands, should_escape: true });
    expect(manifest.settings.event_subscriptions.request_url).toBe(stored.requestUrls.events);
    expect(manifest.settings.interactivity.request_url).toBe(stored.requestUrls.interactivity);

    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, 'integrations-slack');
    // Neither the secret nor the bot token is anywhere on the page, nor after a reload.
    const secretsShown = async () => {
      const html = await page.content();
      return [SIGNING_SECRET, 'xoxb-1111-2222-abcdef'].filter((secret) => html.includes(secret));
    };
    expect(await secretsShown()).toEqual([]);
    await page.reload();
    await card.waitFor();
    expect(await secretsShown()).toEqual([]);
    await solmu.request('DELETE', `/networks/${networkId}/integrations/${stored.id}`);
  });

  it('connects Teams and shows the outgoing webhook URL; rotates its token; removes it after confirming', async () => {
    const teams = page.getByRole('region', { name: 'Connect Teams' });
    await teams.getByLabel('Security token').fill('not base64 at all');
    await teams.getByRole('button', { name: 'Connect Teams' }).click();
    const problem = teams.locator('#connect-teams-securityToken-error');
    await problem.waitFor();
    expect(await problem.textContent()).toContain('is required: the base64 security token Teams shows');

    await teams.getByLabel('Security token').fill(TEAMS_TOKEN);
    await teams.getByRole('button', { name: 'Connect Teams' }).click();
    const card = page.getByRole('article', { name: /^Teams: / });
    await card.waitFor();
    const [stored] = await integrations();
    const shown = await card.getByRole('textbox', { name: 'Outgoing webhook callback URL' }).inputValue();
    expect(shown).toBe(stored.requestUrls.messages);
    expect(new URL(shown).pathname).toBe(`/api/integrations/teams/${stored.id}/messages`);
    expect(await card.getByRole('link', { name: /manifest/ }).count()).toBe(0);
    expect(await teams.getByLabel('Security token').inputValue()).toBe('');

    // Rotating: the new token signs from now on, the old one is refused.
    const newToken = Buffer.from('fedcba9876543210fedcba9876543210').toString('base64');
    await card.getByRole('button', { name: 'Rotate secret' }).click();
    await card.getByLabel('Security token').fill(newToken);
    await card.getByRole('button', { name: 'Save the new secret' }).click();
    await card.getByText('The new secret is in use; the old one no longer works.').waitFor();
    await card.getByText('Secret rotated once.').waitFor();
    const message = JSON.stringify({ type: 'message', id: '1', timestamp: new Date().toISOString(), text: '<at>Solmu</at> help', from: { id: '29:x', aadObjectId: 'aad-x', name: 'X' }, entities: [] });
    const post = (token: string) => fetch(onTestApp(shown), { method: 'POST', headers: { 'content-type': 'application/json', authorization: `HMAC ${teamsSignature(token, message)}` }, body: message });
    expect((await post(TEAMS_TOKEN)).status).toBe(401);
    expect((await post(newToken)).status).not.toBe(401);
    expect(await seriousAccessibilityProblems(page)).toEqual([]);

    await card.getByRole('button', { name: 'Remove' }).click();
    const confirm = card.getByRole('group', { name: /^Remove Teams: .*\? Messages from it will no longer be logged/ });
    await confirm.waitFor();
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    expect(await integrations()).toHaveLength(1);
    await card.getByRole('button', { name: 'Remove' }).click();
    await card.getByRole('button', { name: 'Yes, remove it' }).click();
    await page.getByText('Nothing connected yet.').waitFor();
    expect(await integrations()).toEqual([]);
    expect((await post(newToken)).status).toBe(401);
  });
});

describe('Imports', () => {
  const BAD = 'name,email,joinedAt\r\nUusi Ihminen,uusi@example.org,2024-01-02\r\nToinen,toinen-at-example,2024-01-02\r\n';
  const FIXED = 'name,email,joinedAt\r\nUusi Ihminen,uusi@example.org,2024-01-02\r\nToinen,toinen@example.org,2024-01-02\r\n';
  const INTERACTIONS = 'laji;päivämäärä;osallistujat;muistiinpano\r\nkeskusteltiin;30.6.2024;Uusi Ihminen|Toinen;syksyn hanke\r\n';
  const csv = (name: string, text: string) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });

  async function check(name: string, text: string): Promise<void> {
    await page.getByLabel('File', { exact: true }).setInputFiles(csv(name, text));
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page.getByRole('heading', { name: /^The file (has problems|is ready to import)$/ }).waitFor();
  }

  /** Import, with the background job's progress held at its start until the page has shown it. */
  async function commit(): Promise<void> {
    let release = () => undefined as void;
    const held = new Promise<void>((done) => (release = done));
    await page.route('**/imports/jobs/*', async (route) => {
      await held;
      await route.continue();
    });
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('progressbar', { name: 'Importing…' }).waitFor();
    await page.getByText(/^Imported \d+ of \d+ rows?…$/).waitFor();
    release();
    await page.getByRole('heading', { name: 'Imported', exact: true }).waitFor();
    await page.unroute('**/imports/jobs/*');
  }

  beforeEach(async () => {
    await openAs('en-GB');
    await page.getByRole('link', { name: 'Manage' }).click();
    await page.getByRole('link', { name: 'Import records' }).click();
    await page.getByRole('heading', { level: 1, name: 'Import records' }).waitFor();
  });

  it('dry-runs a file with a bad row and shows the row in a table; the fixed file is imported; the same files again create nothing', async () => {
    const membersBefore = await memberNames();
    await check('jäsenet.csv', BAD);
    const table = page.getByRole('table', { name: '1 problem, by row and column' });
    expect(await table.getByRole('columnheader').allTextContents()).toEqual(['Row', 'Column', 'Problem']);
    const row = table.getByRole('row', { name: /email/ });
    expect(await row.getByRole('rowheader').textContent()).toBe('3');
    expect(await row.getByRole('cell').first().textContent()).toBe('email');
    expect(await row.getByRole('cell').nth(1).textContent()).toMatch(/email/i);
    // Only the row without a problem counts as a new member; a file with a problem cannot be imported.
    await page.getByText('1 row with problems, not counted below', { exact: true }).waitFor();
    await page.getByText('1 new member', { exact: true }).waitFor();
    await page.getByText('Nothing was written. Fix these rows in the file').waitFor();
    expect(await page.getByRole('button', { name: 'Import', exact: true }).count()).toBe(0);
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'imports-report');
    expect(await memberNames()).toEqual(membersBefore);

    await check('jäsenet.csv', FIXED);
    await page.getByText('2 new members', { exact: true }).waitFor();
    await page.getByText('0 members already in the network (not added again)').waitFor();
    expect(await page.getByRole('table').count()).toBe(0);
    expect(await memberNames()).toEqual(membersBefore);
    await commit();
    await page.getByText('2 members added').waitFor();
    expect(await memberNames()).toEqual([...membersBefore, 'Toinen', 'Uusi Ihminen'].sort());

    await check('vuorovaikutukset.csv', INTERACTIONS);
    await page.getByText('1 interaction to log').waitFor();
    await commit();
    await page.getByText('1 interaction logged', { exact: true }).waitFor();
    expect(await interactionCount()).toBe(1);

    // The same two files again: the dry run finds the members, and the commits add nothing.
    await check('jäsenet.csv', FIXED);
    await page.getByText('0 new members', { exact: true }).waitFor();
    await page.getByText('2 members already in the network (not added again)').waitFor();
    await commit();
    await page.getByText('0 members added').waitFor();
    await check('vuorovaikutukset.csv', INTERACTIONS);
    await commit();
    await page.getByText('0 interactions logged', { exact: true }).waitFor();
    await page.getByText('1 interaction already imported earlier (not logged again)', { exact: true }).waitFor();
    expect(await memberNames()).toEqual([...membersBefore, 'Toinen', 'Uusi Ihminen'].sort());
    expect(await interactionCount()).toBe(1);
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
  });

  it('names the field the API refuses: a network map without its date, a file that is not one', async () => {
    await page.getByRole('radio', { name: 'A network map (GEXF or GraphML)' }).check();
    await page.getByLabel('File', { exact: true }).setInputFiles({ name: 'kartta.gexf', mimeType: 'application/xml', buffer: Buffer.from('<gexf><graph><nodes><node id="a" label="A"/></nodes><edges/></graph></gexf>') });
    await page.getByRole('button', { name: 'Check the file' }).click();
    const dateError = page.locator('#import-date-error');
    await dateError.waitFor();
    expect(await dateError.textContent()).toContain('is required for a GEXF network map');
    expect(await page.getByLabel('Date of the map').getAttribute('aria-describedby')).toContain('import-date-error');
    await page.getByRole('link', { name: /is required for a GEXF network map/ }).waitFor();

    await page.getByRole('radio', { name: 'Members or interactions (CSV or XLSX)' }).check();
    await page.getByLabel('File', { exact: true }).setInputFiles({ name: 'taulukko.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from('PK\u0003\u0004 not really a workbook') });
    await page.getByRole('button', { name: 'Check the file' }).click();
    const fileError = page.locator('#import-file-error');
    await fileError.waitFor();
    expect(await fileError.textContent()).toContain('could not be read as XLSX');
    expect(await page.getByLabel('File', { exact: true }).getAttribute('aria-describedby')).toContain('import-file-error');
  });

  it('downloads the templates in Finnish and English', async () => {
    const fi = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Members, in Finnish' }).click();
    const fiFile = await fi;
    expect(fiFile.suggestedFilename()).toBe('solmu-members.fi.csv');
    expect((await readFile(await fiFile.path(), 'utf8')).split('\r\n')[0]).toContain('nimi;');
    const en = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Interactions, in English' }).click();
    const enFile = await en;
    expect(enFile.suggestedFilename()).toBe('solmu-interactions.en.csv');
    expect((await readFile(await enFile.path(), 'utf8')).split('\r\n')[0]).toContain('participants');
  });

  it('speaks Finnish: the page and its report table', async () => {
    await context.close();
    await openAs('fi-FI');
    await page.getByRole('link', { name: 'Hallinta' }).click();
    await page.getByRole('link', { name: 'Tuo tietoja' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tuo tietoja' }).waitFor();
    await page.getByLabel('Tiedosto', { exact: true }).setInputFiles(csv('jäsenet.csv', 'nimi;sähköposti\r\nKolmas;kolmas@example.org\r\nNeljäs;neljäs-at-example\r\n'));
    await page.getByRole('button', { name: 'Tarkista tiedosto' }).click();
    await page.getByRole('heading', { name: 'Tiedostossa on ongelmia' }).waitFor();
    const table = page.getByRole('table', { name: '1 ongelma rivin ja sarakkeen mukaan' });
    expect(await table.getByRole('columnheader').allTextContents()).toEqual(['Rivi', 'Sarake', 'Ongelma']);
    await page.getByText('1 rivillä on ongelmia, ei laskettu alla', { exact: true }).waitFor();
    await page.getByText('1 uusi jäsen', { exact: true }).waitFor();
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
  });
});
