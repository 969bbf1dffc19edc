import * as axe from 'axe-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { aNetworkWithMembers, aPerson, linkPerson, RunningSolmu, startSolmu } from '../../e2e/support/solmu-app';
import { launchChromium } from './chromium';

/** The member's phone in the issue: 390 × 844 CSS pixels. */
export const PHONE = { width: 390, height: 844 };
export const PASSWORD = 'a long enough password';

export interface WebWorld {
  solmu: RunningSolmu;
  browser: Browser;
  networkId: string;
  /** Member ids by name; Aino has an account (aino@solmu.test). */
  members: Record<string, string>;
  stop(): Promise<void>;
}

/** The real app on a fresh SQLite file, a network of four, and Aino able to sign in as a member. */
export async function startWorld(): Promise<WebWorld> {
  // Every test signs in afresh, more often than the default sign-in rate limit allows per minute.
  const [solmu, browser] = await Promise.all([startSolmu({ env: { SOLMU_SIGNINS_PER_MINUTE: '1000' } }), launchChromium()]);
  const names = ['Aino', 'Bertta', 'Cecilia', 'Daniel'];
  const { networkId, members } = await aNetworkWithMembers(solmu, names);
  const aino = await aPerson(solmu, 'aino@solmu.test', 'Aino');
  await linkPerson(solmu, networkId, members[0], aino.token);
  return {
    solmu,
    browser,
    networkId,
    members: Object.fromEntries(names.map((name, i) => [name, members[i]])),
    async stop() {
      await browser.close();
      await solmu.stop();
    },
  };
}

export async function phonePage(world: WebWorld, options: { locale?: string } = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await world.browser.newContext({ viewport: PHONE, locale: options.locale ?? 'en-GB', timezoneId: 'Europe/Helsinki' });
  const page = await context.newPage();
  return { context, page };
}

/** Opens `url` (the front page unless a path is given) and signs in there. */
export async function signIn(page: Page, url: string, email = 'aino@solmu.test', password = PASSWORD): Promise<void> {
  await page.goto(new URL(url).pathname === '/' ? url + '/' : url);
  await page.getByLabel(/^(Email|Sähköposti)$/).fill(email);
  await page.getByLabel(/^(Password|Salasana)$/).fill(password);
  await page.getByRole('button', { name: /^(Sign in|Kirjaudu)$/ }).click();
}

/**
 * axe-core's serious and critical findings on the page as it is now. The script is evaluated
 * through the DevTools protocol, which the page's Content-Security-Policy does not govern.
 */
export async function seriousAccessibilityProblems(page: Page): Promise<string[]> {
  await page.evaluate(axe.source);
  // A string, as this file is compiled without the DOM's types; it runs in the page.
  const violations = await page.evaluate<Array<{ id: string; impact?: string; nodes: string[] }>>(`axe.run(document, { resultTypes: ['violations'] }).then((result) =>
    result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 3) })))`);
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.nodes.join(', ')}`);
}

/** Saves a phone screenshot into docs/screenshots when SOLMU_SCREENSHOTS=1 (the README shows them). */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (process.env.SOLMU_SCREENSHOTS !== '1') return;
  const dir = join(__dirname, '..', '..', '..', 'docs', 'screenshots');
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`) });
}
