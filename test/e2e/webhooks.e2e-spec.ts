import { freePort, RunningSolmu, startSolmu } from './support/solmu-app';
import { pause, WebhookReceiver } from './support/webhook-receiver';

/**
 * Webhooks out, over HTTP against the running app (SQLite): a receiver that is down for a while
 * and then receives every event once, signed; the delivery log; redelivery; what payloads carry
 * and never carry; and the refusal of private targets.
 */
jest.setTimeout(60_000);

describe('Webhooks out', () => {
  let solmu: RunningSolmu;
  let receiver: WebhookReceiver;
  let networkId: string;
  let members: string[];

  beforeAll(async () => {
    solmu = await startSolmu({ env: { SOLMU_WEBHOOKS_ALLOW_PRIVATE: 'true', SOLMU_WEBHOOKS_FIRST_RETRY_MS: '300' } });
    const network = await solmu.request('POST', '/networks', { name: 'Hooked', foundedAt: '2024-01-01T00:00:00Z' });
    networkId = network.body.id;
    members = [];
    for (const name of ['Aino', 'Eero', 'Ilona']) members.push((await solmu.request('POST', `/networks/${networkId}/members`, { name, joinedAt: '2024-01-02T00:00:00Z' })).body.id);
  });

  beforeEach(async () => {
    receiver = new WebhookReceiver(await freePort());
  });

  afterEach(() => receiver.down());
  afterAll(() => solmu.stop());

  const hooks = `/networks/:id/webhooks`;
  const path = (rest = '') => hooks.replace(':id', networkId) + rest;
  const everything = ['interaction.logged', 'interaction.corrected', 'interaction.retracted', 'member.joined', 'member.left'];

  async function aWebhook(events = everything) {
    const created = await solmu.request('POST', path(), { url: receiver.url, events, description: 'The CRM' });
    expect(created.status).toBe(201);
    receiver.secret = created.body.secret;
    return created.body as { id: string; secret: string };
  }

  async function deliveries(webhookId: string, query = '') {
    const answer = await solmu.request('GET', path(`/${webhookId}/deliveries${query}`));
    expect(answer.status).toBe(200);
    return answer.body as { items: any[]; nextCursor?: string };
  }

  it('makes a webhook with its secret shown once, and lists it without the secret', async () => {
    const webhook = await aWebhook(['member.joined']);
    expect(webhook).toMatchObject({ url: receiver.url, events: ['member.joined'], description: 'The CRM', secret: expect.stringMatching(/^whsec_[A-Za-z0-9+/=]{40,}$/) });
    const list = await solmu.request('GET', path());
    const listed = list.body.items.find((w: any) => w.id === webhook.id);
    expect(listed).toEqual({ id: webhook.id, url: receiver.url, events: ['member.joined'], description: 'The CRM', createdAt: expect.any(String), status: 'active' });
    expect(JSON.stringify(list.body)).not.toContain(webhook.secret);
    expect((await solmu.request('DELETE', path(`/${webhook.id}`))).status).toBe(204);
    expect((await solmu.request('DELETE', path(`/${webhook.id}`))).status).toBe(404);
  });

  it('delivers every event once, signed, to a receiver that was down for a while', async () => {
    const webhook = await aWebhook();
    const logged: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const answer = await solmu.request('POST', `/networks/${networkId}/interactions`, {
        kind: 'discussed',
        participants: [members[i % 3], members[(i + 1) % 3]],
        occurredAt: `2024-03-0${i + 1}T10:00:00Z`,
        note: 'Secret salmon plans',
      });
      logged.push(answer.body.id);
    }
    const corrected = await solmu.request('POST', `/networks/${networkId}/interactions/${logged[0]}/correct`, { kind: 'exchanged_information', participants: [members[0], members[1]], occurredAt: '2024-03-01T10:00:00Z', reason: 'wrong kind' });
    const retracted = await solmu.request('POST', `/networks/${networkId}/interactions/${logged[1]}/retract`, { reason: 'never happened' });
    expect([logged.length, corrected.status, retracted.status]).toEqual([5, 200, 200]);
    const joined = await solmu.request('POST', `/networks/${networkId}/members`, { name: 'Oona Newcomer', email: 'oona@example.test', joinedAt: '2024-03-10T00:00:00Z' });
    await solmu.request('POST', `/networks/${networkId}/members/${joined.body.id}/leave`, { leftAt: '2024-03-20T00:00:00Z' });

    // Down: every delivery is tried, refused, and waits for its retry.
    await waitUntil(async () => (await deliveries(webhook.id)).items.filter((d) => d.attempts > 0).length === 9);
    const failing = (await deliveries(webhook.id)).items;
    expect(failing.every((d) => d.status === 'pending' && d.error && d.nextAttemptAt)).toBe(true);
    expect(receiver.received).toHaveLength(0);

    await receiver.up();
    const received = await receiver.waitFor(9);
    await pause(1500); // nothing more comes: each event once
    expect(receiver.received).toHaveLength(9);
    expect(received.every((r) => r.verified)).toBe(true);
    expect(new Set(received.map((r) => r.id)).size).toBe(9);
    expect(received.map((r) => r.payload.type).sort()).toEqual(
      ['interaction.logged', 'interaction.logged', 'interaction.logged', 'interaction.logged', 'interaction.logged', 'interaction.corrected', 'interaction.retracted', 'member.joined', 'member.left'].sort(),
    );
    const loggedIds = received.filter((r) => r.payload.type === 'interaction.logged').map((r) => r.payload.data.interactionId);
    expect(loggedIds.sort()).toEqual([...logged].sort());
    // Personal data as an API token sees it: no notes, no reasons, no emails.
    const all = received.map((r) => r.body).join('\n');
    expect(all).not.toMatch(/Secret salmon|wrong kind|never happened|oona@example/);
    expect(received.find((r) => r.payload.type === 'member.joined')?.payload.data).toMatchObject({ memberId: joined.body.id, name: 'Oona Newcomer' });

    const log = (await deliveries(webhook.id)).items;
    expect(log.map((d) => [d.status, d.responseStatus, d.error, d.nextAttemptAt])).toEqual(Array(9).fill(['delivered', 200, null, null]));
    expect(log.every((d) => d.attempts >= 2 && d.deliveredAt)).toBe(true);
    await solmu.request('DELETE', path(`/${webhook.id}`));
  });

  it('pages the delivery log and sends a delivery again on request, with the same webhook-id', async () => {
    const webhook = await aWebhook(['interaction.logged']);
    await receiver.up();
    for (let i = 0; i < 3; i += 1) {
      await solmu.request('POST', `/networks/${networkId}/interactions`, { kind: 'acquainted', participants: [members[0], members[2]], occurredAt: `2024-04-0${i + 1}T10:00:00Z` });
    }
    await receiver.waitFor(3);
    const first = await deliveries(webhook.id, '?limit=2');
    expect(first.items).toHaveLength(2);
    const second = await deliveries(webhook.id, `?limit=2&cursor=${first.nextCursor}`);
    expect(second.items).toHaveLength(1);
    expect(second.nextCursor).toBeUndefined();
    expect(new Set([...first.items, ...second.items].map((d) => d.id)).size).toBe(3);
    expect((await solmu.request('GET', path(`/${webhook.id}/deliveries?cursor=nonsense`))).body.problems).toEqual([{ field: 'cursor', problem: expect.any(String) }]);

    const again = second.items[0];
    expect((await solmu.request('POST', path(`/${webhook.id}/deliveries/${again.id}/redeliver`))).status).toBe(202);
    const received = await receiver.waitFor(4);
    expect(received[3]).toMatchObject({ id: again.id, verified: true });
    expect((await solmu.request('POST', path(`/${webhook.id}/deliveries/00000000-0000-0000-0000-000000000000/redeliver`))).status).toBe(404);

    // A rotated secret signs what comes next; the old one no longer verifies it.
    const rotated = await solmu.request('POST', path(`/${webhook.id}/rotate-secret`));
    expect(rotated.body.secret).toMatch(/^whsec_/);
    await solmu.request('POST', `/networks/${networkId}/interactions`, { kind: 'acquainted', participants: [members[0], members[1]], occurredAt: '2024-04-09T10:00:00Z' });
    const [, , , , oldSecretTry] = await receiver.waitFor(5);
    expect(oldSecretTry.verified).toBe(false);
    await solmu.request('DELETE', path(`/${webhook.id}`));
  });

  it('never sends an erased member’s name or email, even in a delivery recorded before the erasure', async () => {
    const webhook = await aWebhook(['member.joined']);
    const joined = await solmu.request('POST', `/networks/${networkId}/members`, { name: 'Zyxwvut Erasable', email: 'zyxwvut@erase.test', joinedAt: '2024-05-01T00:00:00Z' });
    await waitUntil(async () => (await deliveries(webhook.id)).items.some((d) => d.attempts > 0));
    expect((await solmu.request('POST', `/networks/${networkId}/members/${joined.body.id}/erase`)).status).toBe(200);

    await receiver.up();
    const [delivered] = await receiver.waitFor(1);
    expect(delivered.payload.data).toMatchObject({ memberId: joined.body.id, name: 'erased member' });
    expect(delivered.body).not.toMatch(/Zyxwvut|zyxwvut/);
    await solmu.request('DELETE', path(`/${webhook.id}`));
  });

  it('asks the real analysis for the monthly phases of a network with a phase.changed webhook', async () => {
    const webhook = await aWebhook(['phase.changed']);
    const { PhaseWatcher } = await import('@solmu/webhooks');
    // The history here is two years old and steady: the newest closed month changes nothing.
    await expect(solmu.app.get(PhaseWatcher, { strict: false }).checkAll()).resolves.toBeUndefined();
    expect((await deliveries(webhook.id)).items).toEqual([]);
    await solmu.request('DELETE', path(`/${webhook.id}`));
  });

  it('names the field at fault', async () => {
    const bad = await solmu.request('POST', path(), { url: receiver.url, events: ['member.joined', 'member.exploded'] });
    expect(bad.status).toBe(400);
    expect(bad.body.problems.map((p: any) => p.field)).toEqual(['events']);
    const noUrl = await solmu.request('POST', path(), { url: 'not a url', events: ['member.left'] });
    expect([noUrl.status, noUrl.body.problems]).toEqual([400, [{ field: 'url', problem: 'must be an absolute http(s) URL' }]]);
    expect((await solmu.request('GET', path('/00000000-0000-0000-0000-000000000000/deliveries'))).status).toBe(404);
  });
});

describe('Webhooks to private addresses', () => {
  let solmu: RunningSolmu;

  beforeAll(async () => {
    solmu = await startSolmu();
  });
  afterAll(() => solmu.stop());

  it('are refused at creation unless SOLMU_WEBHOOKS_ALLOW_PRIVATE=true, naming url', async () => {
    const network = await solmu.request('POST', '/networks', { name: 'Guarded', foundedAt: '2024-01-01T00:00:00Z' });
    for (const url of ['http://127.0.0.1:9/hook', 'http://localhost:8080/', 'http://[::1]/', 'http://169.254.169.254/latest/meta-data', 'http://10.0.0.8/', 'http://[::ffff:192.168.1.1]/', 'http://[fe80::1]/']) {
      const answer = await solmu.request('POST', `/networks/${network.body.id}/webhooks`, { url, events: ['member.joined'] });
      expect([url, answer.status, answer.body.problems?.map((p: any) => p.field)]).toEqual([url, 400, ['url']]);
    }
    expect((await solmu.request('GET', `/networks/${network.body.id}/webhooks`)).body.items).toEqual([]);
  });
});

async function waitUntil(check: () => Promise<boolean>, withinMs = 15_000): Promise<void> {
  const deadline = Date.now() + withinMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('the condition did not come true in time');
    await pause(100);
  }
}
