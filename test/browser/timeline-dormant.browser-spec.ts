import { ADMIN } from '../e2e/support/solmu-app';
import { signIn, startWorld, WebWorld } from './support/solmu-web';

/**
 * A network whose members stopped logging: the API calls its later periods dormant. The timeline
 * page once failed on that phase (found by `npm run bench -- web`, whose history ends before today).
 */
let world: WebWorld;

beforeAll(async () => {
  world = await startWorld();
  const { Aino, Bertta } = world.members;
  await world.solmu.request('POST', `/networks/${world.networkId}/interactions`, { kind: 'discussed', participants: [Aino, Bertta], occurredAt: '2024-02-01' });
}, 120_000);

afterAll(async () => {
  await world?.stop();
});

it('draws a timeline whose later periods are dormant, and names the phase', async () => {
  const timeline = (await world.solmu.request('GET', `/networks/${world.networkId}/timeline`)).body as { buckets: Array<{ label: string; phase: { name: string } }> };
  const dormant = timeline.buckets.filter((b) => b.phase.name === 'dormant');
  expect(dormant.length).toBeGreaterThan(0);

  const context = await world.browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-GB' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await signIn(page, world.solmu.url, ADMIN.email, ADMIN.password);
  await page.getByRole('link', { name: 'Timeline' }).click();
  await page.locator('.timeline-chart[data-drawn]').first().waitFor();
  await page.getByRole('button', { name: `${dormant[0].label}: Dormant` }).waitFor();
  expect(await page.locator('.phase-legend').textContent()).toContain('Dormant');
  expect(errors).toEqual([]);
  await context.close();
});
