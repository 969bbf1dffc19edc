import { InMemoryEventStore } from '@solmu/event-store';
import type { Clock } from '@solmu/kernel';
import { InMemoryKeyStore, PersonalDataVault } from '@solmu/privacy';
import { Webhook } from 'standardwebhooks';
import { SqliteWebhookStore } from '../adapters/sqlite-webhook-store';
import { DEFAULT_RETRY_POLICY } from '../core/retry-schedule';
import type { PostOutcome } from '../delivery/http-poster';
import { WebhookReactor } from './webhook-reactor';
import { WebhookSender } from './webhook-sender';
import { webhookSecretSubject } from './webhooks';

/**
 * The reactor and the sender with the clock, the randomness and the HTTP call injected: a day of
 * retries in a few milliseconds, on a real (SQLite) webhook store and an in-memory event store.
 */
describe('WebhookSender', () => {
  const T0 = new Date('2026-03-01T10:00:00.000Z');
  let now: Date;
  const clock: Clock = { now: () => now };
  let answers: Array<(url: string) => PostOutcome>;
  let posts: Array<{ url: string; body: string; headers: Record<string, string>; at: Date }>;
  let store: SqliteWebhookStore;
  let events: InMemoryEventStore;
  let reactor: WebhookReactor;
  let sender: WebhookSender;
  const secret = `whsec_${Buffer.from('a test secret of thirty-two bytes').toString('base64')}`;

  beforeEach(async () => {
    now = T0;
    posts = [];
    answers = [];
    store = new SqliteWebhookStore({ path: ':memory:' });
    events = new InMemoryEventStore();
    const vault = new PersonalDataVault(new InMemoryKeyStore());
    const settings = {
      allowPrivate: true,
      retry: DEFAULT_RETRY_POLICY,
      random: () => 0.5,
      post: async (url: string, body: string, headers: Record<string, string>) => {
        posts.push({ url, body, headers, at: now });
        return (answers.shift() ?? (() => ({ error: 'ECONNREFUSED: nobody there' })))(url);
      },
    };
    reactor = new WebhookReactor(store, events, settings, clock);
    sender = new WebhookSender(store, events, settings, clock, vault);
    await store.createWebhook({
      id: 'w1',
      networkId: 'n1',
      url: 'https://crm.example.com/in',
      events: ['member.left'],
      sealedSecret: await vault.encrypt(webhookSecretSubject('w1'), secret),
      createdAt: T0,
      createdAfter: 0,
      status: 'active',
    });
    await events.append('network-n1', [{ id: '6f1c2a52-3b8d-4d0e-9a57-0f6f0f9a0001', type: 'MemberLeft', data: { networkId: 'n1', memberId: 'm1', leftAt: '2026-02-28' }, metadata: {} }]);
    await reactor.reactOnce();
  });

  afterEach(() => store.close());

  /** Runs the sender at each due time until nothing is pending. */
  async function runUntilSettled(): Promise<void> {
    for (let round = 0; round < 100; round += 1) {
      await sender.sendDue();
      const [delivery] = await store.listDeliveries('w1', 1);
      if (delivery.status !== 'pending') return;
      now = delivery.nextAttemptAt;
    }
    throw new Error('never settled');
  }

  it('signs each attempt with the webhook’s secret, the delivery id as webhook-id', async () => {
    answers.push(() => ({ status: 204 }));
    await sender.sendDue();
    const [post] = posts;
    const [delivery] = await store.listDeliveries('w1', 1);
    expect(post.headers['webhook-id']).toBe(delivery.id);
    expect(post.headers['webhook-timestamp']).toBe(String(T0.getTime() / 1000));
    expect(() => new Webhook(secret).verify(post.body, post.headers)).toThrow(/timestamp/i); // T0 is long past for the verifier's clock
    expect(new Webhook(secret).sign(post.headers['webhook-id'], T0, post.body)).toBe(post.headers['webhook-signature']);
    expect(JSON.parse(post.body)).toEqual({ type: 'member.left', timestamp: expect.any(String), data: { networkId: 'n1', memberId: 'm1', leftAt: '2026-02-28' } });
    expect(delivery).toMatchObject({ status: 'delivered', attempts: 1, responseStatus: 204, deliveredAt: T0 });
  });

  it('retries with growing waits for about a day, then fails the delivery and disables the webhook', async () => {
    await runUntilSettled();
    const [delivery] = await store.listDeliveries('w1', 1);
    const gaps = posts.slice(1).map((p, i) => (p.at.getTime() - posts[i].at.getTime()) / 1000);
    expect(gaps.slice(0, 4)).toEqual([7.5, 15, 30, 60]);
    expect(Math.max(...gaps)).toBe(5400);
    expect(posts[posts.length - 1].at.getTime() - T0.getTime()).toBeGreaterThan(20 * 3600_000);
    expect(posts[posts.length - 1].at.getTime() - T0.getTime()).toBeLessThanOrEqual(24 * 3600_000);
    expect(delivery).toMatchObject({ status: 'failed', attempts: posts.length, error: 'ECONNREFUSED: nobody there' });
    expect((await store.webhookById('w1'))?.status).toBe('disabled');

    // Disabled: what happens next is recorded and held, not sent and not lost.
    const tried = posts.length;
    await events.append('network-n1', [{ id: '6f1c2a52-3b8d-4d0e-9a57-0f6f0f9a0002', type: 'MemberLeft', data: { networkId: 'n1', memberId: 'm2', leftAt: '2026-03-01' }, metadata: {} }]);
    await reactor.reactOnce();
    await sender.sendDue();
    expect(posts).toHaveLength(tried);
    expect(await store.listDeliveries('w1', 10)).toHaveLength(2);
    await store.setStatus('w1', 'active');
    answers.push(() => ({ status: 200 }));
    await sender.sendDue();
    expect(JSON.parse(posts[tried].body).data.memberId).toBe('m2');
  });

  it('counts a redirect as a failure and does not follow it, and keeps the answer’s status', async () => {
    answers.push(() => ({ status: 301, location: 'http://169.254.169.254/' }), () => ({ status: 500 }), () => ({ status: 200 }));
    await runUntilSettled();
    expect(posts.map((p) => p.url)).toEqual(Array(3).fill('https://crm.example.com/in'));
    const [delivery] = await store.listDeliveries('w1', 1);
    expect(delivery).toMatchObject({ status: 'delivered', attempts: 3, responseStatus: 200 });
  });

  it('skips the log while there are no webhooks, and a webhook made then hears only what comes after', async () => {
    await store.deleteWebhook('n1', 'w1');
    await events.append('network-n1', [{ id: '6f1c2a52-3b8d-4d0e-9a57-0f6f0f9a0003', type: 'MemberLeft', data: { networkId: 'n1', memberId: 'm3', leftAt: '2026-03-01' }, metadata: {} }]);
    expect(await reactor.reactOnce()).toBe(true);
    expect((await store.checkpoint()).position).toBe(await events.headPosition());
    expect(await reactor.reactOnce()).toBe(false);
    await store.createWebhook({ id: 'w2', networkId: 'n1', url: 'https://crm.example.com/in', events: ['member.left'], sealedSecret: 'x', createdAt: T0, createdAfter: 0, status: 'active' });
    await events.append('network-n1', [{ id: '6f1c2a52-3b8d-4d0e-9a57-0f6f0f9a0004', type: 'MemberLeft', data: { networkId: 'n1', memberId: 'm4', leftAt: '2026-03-02' }, metadata: {} }]);
    while (await reactor.reactOnce());
    expect((await store.listDeliveries('w2', 10)).map((d) => d.eventId)).toEqual(['6f1c2a52-3b8d-4d0e-9a57-0f6f0f9a0004']);
  });

  it('reacts to an event once, however often the reactor runs', async () => {
    await reactor.reactOnce();
    await reactor.reactOnce();
    expect(await store.listDeliveries('w1', 10)).toHaveLength(1);
  });
});
