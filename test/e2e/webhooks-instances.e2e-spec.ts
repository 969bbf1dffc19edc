import { createTestDatabase, TestDatabase } from '@solmu/testing';
import { ADMIN, freePort } from './support/solmu-app';
import { SolmuProcess, startSolmuProcess } from './support/solmu-process';
import { pause, WebhookReceiver } from './support/webhook-receiver';

jest.setTimeout(180_000);

/**
 * Webhooks with Solmu as separate processes on one PostgreSQL database: two instances send each
 * delivery once between them, and an instance killed with SIGKILL between an event and its
 * delivery delivers it after it is started again (the reactor's checkpoint and the deliveries are
 * in the database, not in memory).
 */
describe('Webhooks across instances and crashes (PostgreSQL)', () => {
  let db: TestDatabase;
  let a: SolmuProcess;
  let b: SolmuProcess | undefined;
  let token: string;
  let networkId: string;
  let members: string[];
  let env: Record<string, string>;

  const on = (instance: SolmuProcess, method: string, path: string, body?: unknown) => instance.requestAs(token, method, path, body);

  beforeAll(async () => {
    db = await createTestDatabase('webhooks_e2e');
    env = {
      SOLMU_DATABASE_URL: db.url,
      SOLMU_ADMIN_EMAIL: ADMIN.email,
      SOLMU_ADMIN_PASSWORD: ADMIN.password,
      SOLMU_ADMIN_NAME: ADMIN.name,
      SOLMU_WEBHOOKS_ALLOW_PRIVATE: 'true',
      SOLMU_WEBHOOKS_FIRST_RETRY_MS: '300',
    };
    a = await startSolmuProcess(env);
    b = await startSolmuProcess(env);
    token = (await a.requestAs(undefined, 'POST', '/auth/token', { email: ADMIN.email, password: ADMIN.password })).body.token;
    networkId = (await on(a, 'POST', '/networks', { name: 'Hooked twice', foundedAt: '2024-01-01T00:00:00Z' })).body.id;
    members = [];
    for (const name of ['Aino', 'Eero', 'Ilona']) members.push((await on(a, 'POST', `/networks/${networkId}/members`, { name, joinedAt: '2024-01-02T00:00:00Z' })).body.id);
  });

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await db?.drop();
  });

  const log = (instance: SolmuProcess, i: number) =>
    on(instance, 'POST', `/networks/${networkId}/interactions`, { kind: 'discussed', participants: [members[i % 3], members[(i + 1) % 3]], occurredAt: `2024-02-01T10:${String(i % 60).padStart(2, '0')}:00Z` });

  async function aWebhook(receiver: WebhookReceiver): Promise<string> {
    const created = await on(a, 'POST', `/networks/${networkId}/webhooks`, { url: receiver.url, events: ['interaction.logged'] });
    expect(created.status).toBe(201);
    receiver.secret = created.body.secret;
    return created.body.id;
  }

  it('sends each delivery once although both instances react and send', async () => {
    const receiver = new WebhookReceiver(await freePort());
    await receiver.up();
    const webhookId = await aWebhook(receiver);
    const logged = [];
    for (let i = 0; i < 40; i += 1) logged.push((await log(i % 2 === 0 ? a : b!, i)).body.id);

    const received = await receiver.waitFor(40, 30_000);
    await pause(2000);
    expect(receiver.received).toHaveLength(40);
    expect(new Set(received.map((r) => r.id)).size).toBe(40);
    expect(received.every((r) => r.verified)).toBe(true);
    expect(received.map((r) => r.payload.data.interactionId).sort()).toEqual(logged.sort());
    const log_ = (await on(b!, 'GET', `/networks/${networkId}/webhooks/${webhookId}/deliveries?limit=100`)).body.items;
    expect(log_.map((d: any) => [d.status, d.attempts])).toEqual(Array(40).fill(['delivered', 1]));
    await receiver.down();
    await on(a, 'DELETE', `/networks/${networkId}/webhooks/${webhookId}`);
  });

  it('delivers after a kill -9 between the event and its delivery', async () => {
    await b!.stop();
    b = undefined;
    const receiver = new WebhookReceiver(await freePort());
    const webhookId = await aWebhook(receiver);

    // Acknowledged, then the process dies at once: before or just after the reactor saw it.
    const first = (await log(a, 50)).body.id;
    await a.kill();
    a = await startSolmuProcess(env);
    // Acknowledged and tried against a receiver that is down, then killed.
    const second = (await log(a, 51)).body.id;
    for (let tries = 0; ; tries += 1) {
      const items = (await on(a, 'GET', `/networks/${networkId}/webhooks/${webhookId}/deliveries`)).body.items;
      if (items.length === 2 && items.every((d: any) => d.attempts > 0)) break;
      if (tries > 100) throw new Error(`deliveries were not tried: ${JSON.stringify(items)}`);
      await pause(100);
    }
    await a.kill();

    await receiver.up();
    a = await startSolmuProcess(env);
    const received = await receiver.waitFor(2, 30_000);
    await pause(1500);
    expect(receiver.received).toHaveLength(2);
    expect(received.every((r) => r.verified)).toBe(true);
    expect(received.map((r) => r.payload.data.interactionId).sort()).toEqual([first, second].sort());
    await receiver.down();
  });
});
