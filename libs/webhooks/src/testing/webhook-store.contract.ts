import { randomUUID } from 'node:crypto';
import type { NewDelivery, WebhookRecord, WebhookStore } from '../webhook-store.port';

/**
 * The contract every WebhookStore adapter honours, run against SQLite and PostgreSQL (as the
 * identity and key stores do). `second` opens another store on the same data where the adapter
 * can share it between processes (PostgreSQL): what two instances would each hold.
 */
export interface WebhookStoreSubject {
  store: WebhookStore;
  second?: () => Promise<WebhookStore>;
  cleanup?: () => Promise<void>;
}

const T0 = new Date('2026-03-01T10:00:00.000Z');
const later = (ms: number) => new Date(T0.getTime() + ms);

export const aWebhook = (overrides: Partial<WebhookRecord> = {}): WebhookRecord => ({
  id: randomUUID(),
  networkId: 'n1',
  url: 'https://hooks.example.com/in',
  events: ['interaction.logged'],
  sealedSecret: 'pd1.sealed',
  createdAt: T0,
  createdAfter: 0,
  status: 'active',
  ...overrides,
});

export const aDelivery = (webhookId: string, position: number, overrides: Partial<NewDelivery> = {}): NewDelivery => ({
  id: randomUUID(),
  webhookId,
  eventType: 'interaction.logged',
  eventId: randomUUID(),
  position,
  streamId: `interaction-${position}`,
  revision: 0,
  occurredAt: T0,
  createdAt: T0,
  giveUpAt: later(86_400_000),
  ...overrides,
});

export function describeWebhookStoreContract(name: string, open: () => Promise<WebhookStoreSubject>): void {
  describe(`WebhookStore contract: ${name}`, () => {
    let subject: WebhookStoreSubject;
    let store: WebhookStore;

    beforeEach(async () => {
      subject = await open();
      store = subject.store;
    });

    afterEach(async () => {
      await store.close();
      await subject.cleanup?.();
    });

    it('keeps webhooks per network, finds them by id, and removes one with its deliveries', async () => {
      const mine = await store.createWebhook(aWebhook({ description: 'CRM', events: ['member.joined', 'member.left'] }));
      const theirs = await store.createWebhook(aWebhook({ networkId: 'n2', createdAt: later(1) }));
      await store.recordBatch(await store.checkpoint(), 5, [aDelivery(mine.id, 5)]);

      expect(await store.getWebhook('n1', mine.id)).toEqual(mine);
      expect(await store.getWebhook('n2', mine.id)).toBeUndefined();
      expect(await store.webhookById(theirs.id)).toEqual(theirs);
      expect((await store.listWebhooks('n1')).map((w) => w.id)).toEqual([mine.id]);
      await store.setStatus(theirs.id, 'disabled');
      expect((await store.allWebhooks()).map((w) => [w.id, w.status]).sort()).toEqual([[mine.id, 'active'], [theirs.id, 'disabled']].sort());
      expect(await store.replaceSecret('n1', mine.id, 'pd1.other')).toBe(true);
      expect((await store.getWebhook('n1', mine.id))?.sealedSecret).toBe('pd1.other');

      expect(await store.deleteWebhook('n2', mine.id)).toBe(false);
      expect(await store.deleteWebhook('n1', mine.id)).toBe(true);
      expect(await store.listDeliveries(mine.id, 10)).toEqual([]);
      expect(await store.deleteWebhook('n1', mine.id)).toBe(false);
    });

    it('moves the checkpoint by compare-and-set, and records each (webhook, event) once', async () => {
      const webhook = await store.createWebhook(aWebhook());
      const start = await store.checkpoint();
      expect(start.position).toBeUndefined();
      const delivery = aDelivery(webhook.id, 3);

      expect(await store.recordBatch(start, 3, [delivery])).toBe(true);
      // A second reactor that read the same checkpoint loses, and writes nothing.
      expect(await store.recordBatch(start, 3, [aDelivery(webhook.id, 2)])).toBe(false);
      const moved = await store.checkpoint();
      expect(moved.position).toBe(3);
      // The same event again (any id): still one row.
      expect(await store.recordBatch(moved, 4, [{ ...delivery, id: randomUUID() }])).toBe(true);
      await store.addDeliveries([delivery]);
      expect((await store.listDeliveries(webhook.id, 10)).map((d) => d.id)).toEqual([delivery.id]);
    });

    it('makes a batch matched before a webhook was added fail, and dates the webhook from the checkpoint at least', async () => {
      const before = await store.checkpoint();
      await store.recordBatch(before, 10, []);
      const read = await store.checkpoint();
      const added = await store.createWebhook(aWebhook({ createdAfter: 4 }));
      expect(added.createdAfter).toBe(10);
      expect((await store.webhookById(added.id))?.createdAfter).toBe(10);
      expect(await store.recordBatch(read, 20, [])).toBe(false);
      expect(await store.recordBatch(await store.checkpoint(), 20, [])).toBe(true);
    });

    it('claims due deliveries of active webhooks under a lease, and gives them out again when it ends', async () => {
      const active = await store.createWebhook(aWebhook());
      const disabled = await store.createWebhook(aWebhook());
      await store.setStatus(disabled.id, 'disabled');
      const due = aDelivery(active.id, 1);
      const notYet = aDelivery(active.id, 2, { createdAt: later(60_000) });
      await store.recordBatch(await store.checkpoint(), 2, [due, notYet, aDelivery(disabled.id, 1)]);

      const claimed = await store.claimDue(later(1000), 'one', later(61_000), 10);
      expect(claimed.map((d) => d.id)).toEqual([due.id]);
      expect(claimed[0]).toMatchObject({ status: 'pending', attempts: 0, webhookId: active.id, streamId: 'interaction-1', revision: 0 });
      expect(await store.claimDue(later(2000), 'two', later(62_000), 10)).toEqual([]);
      // The holder died: once the lease is over, another claims it; the first can no longer record.
      expect((await store.claimDue(later(61_001), 'two', later(121_001), 10)).map((d) => d.id)).toEqual([due.id, notYet.id]);
      expect(await store.recordAttempt(due.id, 'one', { status: 'delivered', at: later(61_002), responseStatus: 200 })).toBe(false);
      expect(await store.recordAttempt(due.id, 'two', { status: 'delivered', at: later(61_002), responseStatus: 204 })).toBe(true);
      expect(await store.getDelivery(active.id, due.id)).toMatchObject({ status: 'delivered', attempts: 1, responseStatus: 204, deliveredAt: later(61_002) });
    });

    it('records failed attempts with their next time, gives up, and redelivers on request', async () => {
      const webhook = await store.createWebhook(aWebhook());
      const delivery = aDelivery(webhook.id, 1);
      await store.recordBatch(await store.checkpoint(), 1, [delivery]);
      await store.claimDue(T0, 'me', later(60_000), 1);
      await store.recordAttempt(delivery.id, 'me', { status: 'pending', at: T0, nextAttemptAt: later(10_000), responseStatus: 503, error: 'the receiver answered 503' });
      expect(await store.getDelivery(webhook.id, delivery.id)).toMatchObject({ status: 'pending', attempts: 1, responseStatus: 503, error: 'the receiver answered 503', nextAttemptAt: later(10_000) });
      expect(await store.claimDue(later(9_999), 'me', later(70_000), 1)).toEqual([]);
      expect(await store.claimDue(later(10_000), 'me', later(70_000), 1)).toHaveLength(1);
      await store.recordAttempt(delivery.id, 'me', { status: 'failed', at: later(10_001), error: 'ECONNREFUSED' });
      expect(await store.getDelivery(webhook.id, delivery.id)).toMatchObject({ status: 'failed', attempts: 2, error: 'ECONNREFUSED' });
      expect(await store.claimDue(later(999_999), 'me', later(1_999_999), 1)).toEqual([]);

      expect(await store.redeliver(webhook.id, delivery.id, later(20_000), later(20_000 + 86_400_000))).toBe(true);
      expect(await store.redeliver(webhook.id, randomUUID(), later(20_000), later(1))).toBe(false);
      const [again] = await store.claimDue(later(20_000), 'me', later(80_000), 1);
      expect(again).toMatchObject({ id: delivery.id, status: 'pending', attempts: 2, giveUpAt: later(20_000 + 86_400_000) });
    });

    it('pages the delivery log newest first', async () => {
      const webhook = await store.createWebhook(aWebhook());
      const rows = [1, 2, 3, 4, 5].map((p) => aDelivery(webhook.id, p, { createdAt: later(p * 1000) }));
      await store.recordBatch(await store.checkpoint(), 5, rows);
      const first = await store.listDeliveries(webhook.id, 2);
      const last = first[first.length - 1];
      const second = await store.listDeliveries(webhook.id, 2, { createdAt: last.createdAt, id: last.id });
      const third = await store.listDeliveries(webhook.id, 2, { createdAt: second[1].createdAt, id: second[1].id });
      expect([...first, ...second, ...third].map((d) => d.position)).toEqual([5, 4, 3, 2, 1]);
    });

    it('hands each due delivery to one claimant, however many claim at once from two stores', async () => {
      const other = subject.second ? await subject.second() : store;
      const webhook = await store.createWebhook(aWebhook());
      const rows = Array.from({ length: 150 }, (_, i) => aDelivery(webhook.id, i + 1));
      await store.recordBatch(await store.checkpoint(), 150, rows);
      const claimant = async (i: number) => {
        const mine: string[] = [];
        for (;;) {
          const claimed = await (i % 2 === 0 ? store : other).claimDue(later(1), `claimant-${i}`, later(60_000), 3);
          if (claimed.length === 0) return mine;
          mine.push(...claimed.map((d) => d.id));
        }
      };
      const ids = (await Promise.all([0, 1, 2, 3, 4, 5, 6, 7].map(claimant))).flat();
      expect(ids).toHaveLength(150);
      expect(new Set(ids).size).toBe(150);
      if (other !== store) await other.close();
    });
  });
}
