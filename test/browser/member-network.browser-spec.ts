import type { BrowserContext, Page } from 'playwright-core';
import { PASSWORD, phonePage, screenshot, seriousAccessibilityProblems, signIn, startWorld, WebWorld } from './support/solmu-web';

/**
 * The member's own network on a phone: the "draw your own network" picture with the closest ties
 * nearest, the contacts as a list closest first, and the member's own tips.
 */
let world: WebWorld;
let context: BrowserContext;
let page: Page;
let ainoToken: string;

beforeAll(async () => {
  world = await startWorld();
  ainoToken = (await world.solmu.requestAs(undefined, 'POST', '/auth/token', { email: 'aino@solmu.test', password: PASSWORD })).body.token;
  const log = (kind: string, other: string, daysAgo: number) =>
    world.solmu.requestAs(ainoToken, 'POST', `/networks/${world.networkId}/interactions`, { kind, participants: [world.members.Aino, world.members[other]], occurredAt: new Date(Date.now() - daysAgo * 86_400_000).toISOString() });
  // Three depths on the ladder: Daniel only met, Bertta shared information, Cecilia worked together.
  await log('acquainted', 'Daniel', 3);
  await log('acquainted', 'Daniel', 2);
  await log('exchanged_information', 'Bertta', 2);
  await log('co_developed', 'Cecilia', 1);
  // Two of Aino's contacts know each other (logged by the administrator).
  await world.solmu.request('POST', `/networks/${world.networkId}/interactions`, { kind: 'discussed', participants: [world.members.Bertta, world.members.Cecilia], occurredAt: new Date(Date.now() - 86_400_000).toISOString() });
}, 120_000);

afterAll(async () => {
  await world?.stop();
});

beforeEach(async () => {
  ({ context, page } = await phonePage(world));
});

afterEach(async () => {
  await context.close();
});

it('shows a member their contacts closest first, drawn nearest, and their own tips', async () => {
  await signIn(page, world.solmu.url);
  await page.getByRole('link', { name: 'My network' }).click();
  await page.getByRole('heading', { name: 'My network' }).waitFor();
  const contacts = page.locator('.contact');
  await contacts.first().waitFor();
  expect(await contacts.locator('.contact__name').allTextContents()).toEqual(['Cecilia', 'Bertta', 'Daniel']);
  expect(await contacts.first().textContent()).toMatch(/Worked on it together, 1 interaction/);
  expect(await contacts.last().textContent()).toMatch(/Got acquainted, 2 interactions/);

  // The picture: closest tie nearest the member in the centre.
  const picture = page.getByRole('img', { name: /Aino and 3 contacts/ });
  await picture.waitFor();
  const distances = await page.locator('.ego__tie').evaluateAll((lines) =>
    lines.map((line) => Math.hypot(Number(line.getAttribute('x2')) - Number(line.getAttribute('x1')), Number(line.getAttribute('y2')) - Number(line.getAttribute('y1')))),
  );
  expect(distances).toHaveLength(3);
  expect(distances[0]).toBeLessThan(distances[1]);
  expect(distances[1]).toBeLessThan(distances[2]);

  // Ties among contacts as far as the API shows them to this member; tips as the API gives them.
  const ego = (await world.solmu.requestAs(ainoToken, 'GET', `/networks/${world.networkId}/members/${world.members.Aino}/ego`)).body as { tiesAmongAlters: unknown[] };
  expect(await page.locator('.ego__among').count()).toBe(ego.tiesAmongAlters.length);
  const tips = (await world.solmu.requestAs(ainoToken, 'GET', `/networks/${world.networkId}/tips`)).body.tips as Array<{ evidence: { en: string } }>;
  await page.getByRole('heading', { name: 'My tips' }).waitFor();
  if (tips.length === 0) await page.getByText('No tips right now.').waitFor();
  else expect(await page.locator('.my-tips .tip').count()).toBe(tips.length);

  await screenshot(page, 'my-network');
  expect(await seriousAccessibilityProblems(page)).toEqual([]);
});

it('is an installable app whose log page opens offline and keeps an entry in the visible outbox', async () => {
  const manifest = await context.request.get(world.solmu.url + '/manifest.webmanifest');
  expect(manifest.ok()).toBe(true);
  const { name, icons, theme_color: theme } = (await manifest.json()) as { name: string; theme_color: string; icons: Array<{ src: string; sizes: string }> };
  expect({ name, theme }).toEqual({ name: 'Solmu', theme: '#1f5f74' });
  for (const size of ['192x192', '512x512']) {
    const icon = await context.request.get(world.solmu.url + icons.find((i) => i.sizes === size)!.src);
    expect(icon.headers()['content-type']).toBe('image/png');
  }

  await signIn(page, world.solmu.url);
  await page.getByRole('checkbox', { name: 'Bertta' }).waitFor();
  expect(await page.evaluate<string>('navigator.serviceWorker.ready.then((registration) => registration.active.scriptURL)')).toBe(world.solmu.url + '/sw.js');
  const before = (await world.solmu.request('GET', `/networks/${world.networkId}/interactions?member=${world.members.Bertta}`)).body.interactions.length as number;

  await context.setOffline(true);
  await page.reload();
  await page.getByRole('checkbox', { name: 'Bertta' }).waitFor();
  await page.getByRole('radio', { name: /^Looked for collaboration/ }).click();
  await page.getByRole('checkbox', { name: 'Bertta' }).click();
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('status').filter({ hasText: 'Saved on this device' }).waitFor();
  await page.getByRole('button', { name: 'Log another' }).click();
  await page.getByRole('heading', { name: '1 waiting to be sent' }).waitFor();
  await screenshot(page, 'offline-outbox');
  expect(await seriousAccessibilityProblems(page)).toEqual([]);

  // The worker's cache holds the app shell and never an answer of the API.
  const cached = await page.evaluate<string[]>(`(async () => {
    const paths = [];
    for (const name of await caches.keys()) for (const request of await (await caches.open(name)).keys()) paths.push(new URL(request.url).pathname);
    return paths;
  })()`);
  expect(cached).toContain('/index.html');
  expect(cached.filter((path) => path.startsWith('/api'))).toEqual([]);

  // Back online, "Send now" sends it (the app fetches its CSRF token first, as none is stored): stored once.
  // (Chromium here fires no "online" event after context.setOffline(false); the app's timer would retry in 20 s.)
  await context.setOffline(false);
  await page.getByRole('button', { name: 'Send now' }).click();
  await page.getByRole('heading', { name: /waiting to be sent/ }).waitFor({ state: 'detached' });
  const after = (await world.solmu.request('GET', `/networks/${world.networkId}/interactions?member=${world.members.Bertta}`)).body.interactions as Array<{ kind: string }>;
  expect(after).toHaveLength(before + 1);
  expect(after.filter((i) => i.kind === 'explored_collaboration')).toHaveLength(1);
}, 60_000);
