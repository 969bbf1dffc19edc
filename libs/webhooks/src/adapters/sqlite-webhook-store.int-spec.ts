import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { aWebhook, describeWebhookStoreContract } from '../testing/webhook-store.contract';
import { LATEST_SQLITE_WEBHOOKS_SCHEMA_VERSION, SqliteWebhookStore } from './sqlite-webhook-store';

describeWebhookStoreContract('SQLite file', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'solmu-webhooks-'));
  return { store: new SqliteWebhookStore({ path: join(dir, 'webhooks.db') }), cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
});

describe('SqliteWebhookStore on disk', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'solmu-webhooks-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps webhooks and the checkpoint across reopening, owner-only, and refuses a newer schema', async () => {
    const path = join(dir, 'webhooks.db');
    const store = new SqliteWebhookStore({ path });
    const webhook = await store.createWebhook(aWebhook());
    await store.recordBatch(await store.checkpoint(), 42, []);
    await store.close();
    expect(statSync(path).mode & 0o777).toBe(0o600);

    const reopened = new SqliteWebhookStore({ path });
    expect(await reopened.webhookById(webhook.id)).toEqual(webhook);
    expect((await reopened.checkpoint()).position).toBe(42);
    await reopened.close();

    const db = new Database(path);
    db.pragma(`user_version = ${LATEST_SQLITE_WEBHOOKS_SCHEMA_VERSION + 1}`);
    db.close();
    expect(() => new SqliteWebhookStore({ path })).toThrow(/newer than this Solmu understands/);
  });
});
