import { ADMIN } from '../e2e/support/solmu-app';
import { signIn, startWorld, WebWorld } from './support/solmu-web';

/**
 * The slider step (new date → picture redrawn) on a network of a few hundred members, printed for
 * the README; `npm run bench -- web` is the place for the 1,000-member figure. The test asserts
 * only what the picture shows, not the time.
 */
const MEMBERS = 300;
const INTERACTIONS = 1200;
let world: WebWorld;

beforeAll(async () => {
  world = await startWorld();
  const { solmu, networkId } = world;
  let seed = 42;
  const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  const DAY = 86_400_000;
  const start = Date.parse('2024-01-02T00:00:00Z');
  const ids: Array<{ id: string; joined: number }> = Object.values(world.members).map((id) => ({ id, joined: start }));
  const types = ['company', 'association', 'incubator', 'research', 'policy', 'other'];
  // Members join over two years; each batch is sent side by side.
  for (let i = 0; i < MEMBERS; i += 20) {
    const batch = Array.from({ length: Math.min(20, MEMBERS - i) }, (_, j) => ({ name: `Member ${i + j}`, type: types[(i + j) % types.length], joined: start + Math.floor(((i + j) / MEMBERS) * 700) * DAY }));
    const answers = await Promise.all(batch.map((m) => solmu.request('POST', `/networks/${networkId}/members`, { name: m.name, type: m.type, joinedAt: new Date(m.joined).toISOString() })));
    answers.forEach((answer, j) => ids.push({ id: answer.body.id, joined: batch[j].joined }));
  }
  const kinds = ['acquainted', 'discussed', 'exchanged_information', 'explored_collaboration', 'outlined_goals', 'co_developed'];
  const interactions = Array.from({ length: INTERACTIONS }, () => {
    const a = ids[Math.floor(random() * ids.length)];
    let b = ids[Math.floor(random() * ids.length)];
    if (b === a) b = ids[(ids.indexOf(a) + 1) % ids.length];
    const after = Math.max(a.joined, b.joined) + DAY;
    const occurredAt = new Date(after + Math.floor(random() * Math.max(1, (Date.parse('2026-06-01') - after) / DAY)) * DAY).toISOString();
    return { kind: kinds[Math.floor(random() * kinds.length)], participants: [a.id, b.id], occurredAt };
  });
  for (let i = 0; i < interactions.length; i += 20) {
    await Promise.all(interactions.slice(i, i + 20).map((body) => solmu.request('POST', `/networks/${networkId}/interactions`, body)));
  }
}, 300_000);

afterAll(async () => {
  await world?.stop();
});

it(`redraws a network of ${MEMBERS} members at each slider step`, async () => {
  const context = await world.browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-GB' });
  const page = await context.newPage();
  await signIn(page, world.solmu.url, ADMIN.email, ADMIN.password);
  await page.getByRole('link', { name: 'Network picture' }).click();
  const timing = page.locator('.picture__timing');
  await timing.waitFor();
  const summaryNow = await page.locator('.picture__summary').textContent();
  expect(summaryNow).toMatch(new RegExp(`^${MEMBERS + 5} members`));

  const slider = page.getByRole('slider', { name: 'Date' });
  // The slider moves once the network's history (every stop's picture) has loaded.
  await page.locator('input[type=range]:not([disabled])').waitFor();
  await slider.focus();
  await page.keyboard.press('Home');
  const fetched: number[] = [];
  const cached: number[] = [];
  const counts: number[] = [];
  const steps = Number(await slider.getAttribute('max'));
  for (const pass of [fetched, cached]) {
    await page.keyboard.press('Home');
    for (let step = 1; step <= steps; step++) {
      await page.keyboard.press('ArrowRight');
      const date = await slider.getAttribute('data-date');
      await page.locator(`.picture__summary[data-drawn="${date}"]`).waitFor();
      pass.push(Number(await timing.getAttribute('data-ms')));
      if (pass === fetched) counts.push(Number(/^(\d+)/.exec((await page.locator('.picture__summary').textContent()) ?? '')?.[1]));
    }
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  console.log(
    `slider step on ${MEMBERS + 5} members, ${INTERACTIONS} interactions (${steps} monthly steps): ` +
      `first pass median ${median(fetched)} ms, max ${Math.max(...fetched)} ms; second pass median ${median(cached)} ms, max ${Math.max(...cached)} ms (every stop from the one history answer)`,
  );
  // The network grows as the slider moves: more members at the end than a month after founding.
  expect(counts[0]).toBeLessThan(counts[counts.length - 1]);
  await context.close();
}, 180_000);
