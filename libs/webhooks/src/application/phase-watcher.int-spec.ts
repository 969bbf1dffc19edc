import type { QueryBus } from '@nestjs/cqrs';
import { InMemoryEventStore } from '@solmu/event-store';
import { SqliteWebhookStore } from '../adapters/sqlite-webhook-store';
import { DEFAULT_RETRY_POLICY } from '../core/retry-schedule';
import { aWebhook } from '../testing/webhook-store.contract';
import { PhaseWatcher } from './phase-watcher';

describe('PhaseWatcher', () => {
  const bucket = (label: string, start: string, end: string, name: string, changed: boolean) => ({ label, start, end, phase: { name, changed } });
  const timeline = {
    buckets: [
      bucket('2026-01', '2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z', 'founding', true),
      bucket('2026-02', '2026-02-01T00:00:00Z', '2026-03-01T00:00:00Z', 'deepening', true),
      bucket('2026-03', '2026-03-01T00:00:00Z', '2026-04-01T00:00:00Z', 'deepening', false),
    ],
  };

  it('records one phase.changed delivery per webhook made before the month closed, once however often it looks', async () => {
    const store = new SqliteWebhookStore({ path: ':memory:' });
    const asked: unknown[] = [];
    const queries = { execute: async (query: unknown) => (asked.push(query), timeline) } as unknown as QueryBus;
    const now = new Date('2026-03-10T00:00:00Z');
    const watcher = new PhaseWatcher(store, { allowPrivate: false, retry: DEFAULT_RETRY_POLICY }, new InMemoryEventStore(), { now: () => now }, queries);
    const early = await store.createWebhook(aWebhook({ events: ['phase.changed'], createdAt: new Date('2026-02-15T00:00:00Z') }));
    const late = await store.createWebhook(aWebhook({ events: ['phase.changed'], createdAt: new Date('2026-03-05T00:00:00Z') }));
    await store.createWebhook(aWebhook({ events: ['member.joined'], createdAt: new Date('2026-01-15T00:00:00Z') }));

    await watcher.checkAll();
    await watcher.checkAll();

    expect(asked).toEqual([expect.objectContaining({ networkId: 'n1', options: { interval: 'month', to: now.toISOString() } }), expect.anything()]);
    const [delivery] = await store.listDeliveries(early.id, 10);
    expect(await store.listDeliveries(early.id, 10)).toHaveLength(1);
    expect(await store.listDeliveries(late.id, 10)).toEqual([]);
    expect(delivery).toMatchObject({ eventType: 'phase.changed', status: 'pending' });
    expect(JSON.parse(delivery.data!)).toEqual({
      type: 'phase.changed',
      timestamp: '2026-03-01T00:00:00.000Z',
      data: { networkId: 'n1', phase: 'deepening', previousPhase: 'founding', bucket: { label: '2026-02', start: '2026-02-01T00:00:00Z', end: '2026-03-01T00:00:00Z' } },
    });
    await store.close();
  });
});
