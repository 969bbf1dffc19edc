import type Database from 'better-sqlite3';
import { applySqliteMigrations, openPrivateDatabase, SqliteMigration } from '@solmu/event-store';
import type { AttemptOutcome, DeliveryRecord, NewDelivery, ReactorCheckpoint, WebhookRecord, WebhookStatus, WebhookStore } from '../webhook-store.port';

/** Versioned schema of the webhooks file (SQLite `user_version`). Append steps; never edit a shipped one. Times are epoch ms. */
const MIGRATIONS: ReadonlyArray<SqliteMigration> = [
  {
    version: 1,
    description: 'webhooks, their deliveries and the reactor checkpoint',
    sql: `
      CREATE TABLE webhooks (
        id            TEXT PRIMARY KEY,
        network_id    TEXT NOT NULL,
        url           TEXT NOT NULL,
        events        TEXT NOT NULL,
        description   TEXT,
        sealed_secret TEXT NOT NULL,
        created_at    INTEGER NOT NULL,
        created_after INTEGER NOT NULL,
        status        TEXT NOT NULL
      );
      CREATE INDEX webhooks_by_network ON webhooks (network_id, created_at);
      CREATE TABLE webhook_deliveries (
        id              TEXT PRIMARY KEY,
        webhook_id      TEXT NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
        event_type      TEXT NOT NULL,
        event_id        TEXT NOT NULL,
        position        INTEGER NOT NULL,
        stream_id       TEXT,
        revision        INTEGER,
        data            TEXT,
        occurred_at     INTEGER NOT NULL,
        created_at      INTEGER NOT NULL,
        give_up_at      INTEGER NOT NULL,
        status          TEXT NOT NULL,
        attempts        INTEGER NOT NULL DEFAULT 0,
        response_status INTEGER,
        error           TEXT,
        next_attempt_at INTEGER NOT NULL,
        delivered_at    INTEGER,
        lease_owner     TEXT,
        lease_until     INTEGER,
        UNIQUE (webhook_id, event_id)
      );
      CREATE INDEX webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at);
      CREATE INDEX webhook_deliveries_log ON webhook_deliveries (webhook_id, created_at, id);
      CREATE TABLE webhook_checkpoint (id INTEGER PRIMARY KEY CHECK (id = 1), position INTEGER, generation INTEGER NOT NULL);
      INSERT INTO webhook_checkpoint (id, position, generation) VALUES (1, NULL, 0);
    `,
  },
];

export const LATEST_SQLITE_WEBHOOKS_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;

interface WebhookRow {
  id: string;
  network_id: string;
  url: string;
  events: string;
  description: string | null;
  sealed_secret: string;
  created_at: number;
  created_after: number;
  status: WebhookStatus;
}

interface DeliveryRow {
  id: string;
  webhook_id: string;
  event_type: string;
  event_id: string;
  position: number;
  stream_id: string | null;
  revision: number | null;
  data: string | null;
  occurred_at: number;
  created_at: number;
  give_up_at: number;
  status: DeliveryRecord['status'];
  attempts: number;
  response_status: number | null;
  error: string | null;
  next_attempt_at: number;
  delivered_at: number | null;
}

/**
 * Webhooks and their delivery log in their own SQLite file (WAL, `synchronous=FULL`, owner-only),
 * for the single-instance installation. One process owns the file, and better-sqlite3 runs each
 * statement to completion on the event loop, so a claim cannot interleave with another.
 */
export class SqliteWebhookStore implements WebhookStore {
  private readonly db: Database.Database;

  constructor(options: { path: string }) {
    // Sealed secrets and receivers' addresses: owner-only.
    this.db = openPrivateDatabase(options.path);
    this.db.pragma('foreign_keys = ON');
    applySqliteMigrations(this.db, MIGRATIONS, 'webhooks database');
  }

  async createWebhook(w: WebhookRecord): Promise<WebhookRecord> {
    const create = this.db.transaction(() => {
      const { position } = this.db.prepare<[], { position: number | null }>('SELECT position FROM webhook_checkpoint WHERE id = 1').get()!;
      const createdAfter = Math.max(w.createdAfter, position ?? -Infinity);
      this.db.prepare('UPDATE webhook_checkpoint SET generation = generation + 1 WHERE id = 1').run();
      this.db
        .prepare('INSERT INTO webhooks (id, network_id, url, events, description, sealed_secret, created_at, created_after, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
        .run(w.id, w.networkId, w.url, JSON.stringify(w.events), w.description ?? null, w.sealedSecret, w.createdAt.getTime(), createdAfter, w.status);
      return { ...w, createdAfter };
    });
    return create.immediate();
  }

  async getWebhook(networkId: string, webhookId: string): Promise<WebhookRecord | undefined> {
    const row = this.db.prepare<[string, string], WebhookRow>('SELECT * FROM webhooks WHERE network_id = ? AND id = ?').get(networkId, webhookId);
    return row && toWebhook(row);
  }

  async webhookById(webhookId: string): Promise<WebhookRecord | undefined> {
    const row = this.db.prepare<[string], WebhookRow>('SELECT * FROM webhooks WHERE id = ?').get(webhookId);
    return row && toWebhook(row);
  }

  async listWebhooks(networkId: string): Promise<WebhookRecord[]> {
    return this.db.prepare<[string], WebhookRow>('SELECT * FROM webhooks WHERE network_id = ? ORDER BY created_at, id').all(networkId).map(toWebhook);
  }

  async allWebhooks(): Promise<WebhookRecord[]> {
    return this.db.prepare<[], WebhookRow>('SELECT * FROM webhooks').all().map(toWebhook);
  }

  async deleteWebhook(networkId: string, webhookId: string): Promise<boolean> {
    return this.db.prepare('DELETE FROM webhooks WHERE network_id = ? AND id = ?').run(networkId, webhookId).changes === 1;
  }

  async replaceSecret(networkId: string, webhookId: string, sealedSecret: string): Promise<boolean> {
    return this.db.prepare('UPDATE webhooks SET sealed_secret = ? WHERE network_id = ? AND id = ?').run(sealedSecret, networkId, webhookId).changes === 1;
  }

  async setStatus(webhookId: string, status: WebhookStatus): Promise<void> {
    this.db.prepare('UPDATE webhooks SET status = ? WHERE id = ?').run(status, webhookId);
  }

  async checkpoint(): Promise<ReactorCheckpoint> {
    const row = this.db.prepare<[], { position: number | null; generation: number }>('SELECT position, generation FROM webhook_checkpoint WHERE id = 1').get()!;
    return { position: row.position ?? undefined, generation: row.generation };
  }

  async recordBatch(from: ReactorCheckpoint, to: number, deliveries: readonly NewDelivery[]): Promise<boolean> {
    const apply = this.db.transaction(() => {
      const moved = this.db.prepare('UPDATE webhook_checkpoint SET position = ? WHERE id = 1 AND position IS ? AND generation = ?').run(to, from.position ?? null, from.generation).changes;
      if (moved !== 1) return false;
      this.insert(deliveries);
      return true;
    });
    return apply.immediate();
  }

  async addDeliveries(deliveries: readonly NewDelivery[]): Promise<void> {
    this.db.transaction(() => this.insert(deliveries)).immediate();
  }

  private insert(deliveries: readonly NewDelivery[]): void {
    const insert = this.db.prepare(
      `INSERT INTO webhook_deliveries (id, webhook_id, event_type, event_id, position, stream_id, revision, data, occurred_at, created_at, give_up_at, status, next_attempt_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?) ON CONFLICT DO NOTHING`,
    );
    for (const d of deliveries) {
      insert.run(d.id, d.webhookId, d.eventType, d.eventId, d.position, d.streamId ?? null, d.revision ?? null, d.data ?? null, d.occurredAt.getTime(), d.createdAt.getTime(), d.giveUpAt.getTime(), d.createdAt.getTime());
    }
  }

  async claimDue(now: Date, owner: string, leaseUntil: Date, limit: number): Promise<DeliveryRecord[]> {
    const claim = this.db.transaction(() => {
      const rows = this.db
        .prepare<[number, number, number], DeliveryRow>(
          `SELECT d.* FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id
           WHERE d.status = 'pending' AND w.status = 'active' AND d.next_attempt_at <= ? AND (d.lease_until IS NULL OR d.lease_until < ?)
           ORDER BY d.next_attempt_at, d.position LIMIT ?`,
        )
        .all(now.getTime(), now.getTime(), limit);
      const lease = this.db.prepare('UPDATE webhook_deliveries SET lease_owner = ?, lease_until = ? WHERE id = ?');
      for (const row of rows) lease.run(owner, leaseUntil.getTime(), row.id);
      return rows;
    });
    return claim.immediate().map(toDelivery);
  }

  async recordAttempt(deliveryId: string, owner: string, o: AttemptOutcome): Promise<boolean> {
    const changes = this.db
      .prepare(
        `UPDATE webhook_deliveries SET status = ?, attempts = attempts + 1, response_status = ?, error = ?, next_attempt_at = ?, delivered_at = ?, lease_owner = NULL, lease_until = NULL
         WHERE id = ? AND lease_owner = ?`,
      )
      .run(
        o.status,
        o.responseStatus ?? null,
        o.status === 'delivered' ? null : o.error,
        o.status === 'pending' ? o.nextAttemptAt.getTime() : o.at.getTime(),
        o.status === 'delivered' ? o.at.getTime() : null,
        deliveryId,
        owner,
      ).changes;
    return changes === 1;
  }

  async listDeliveries(webhookId: string, limit: number, before?: { createdAt: Date; id: string }): Promise<DeliveryRecord[]> {
    const rows = before
      ? this.db
          .prepare<[string, number, number, string, number], DeliveryRow>(
            'SELECT * FROM webhook_deliveries WHERE webhook_id = ? AND (created_at < ? OR (created_at = ? AND id < ?)) ORDER BY created_at DESC, id DESC LIMIT ?',
          )
          .all(webhookId, before.createdAt.getTime(), before.createdAt.getTime(), before.id, limit)
      : this.db.prepare<[string, number], DeliveryRow>('SELECT * FROM webhook_deliveries WHERE webhook_id = ? ORDER BY created_at DESC, id DESC LIMIT ?').all(webhookId, limit);
    return rows.map(toDelivery);
  }

  async getDelivery(webhookId: string, deliveryId: string): Promise<DeliveryRecord | undefined> {
    const row = this.db.prepare<[string, string], DeliveryRow>('SELECT * FROM webhook_deliveries WHERE webhook_id = ? AND id = ?').get(webhookId, deliveryId);
    return row && toDelivery(row);
  }

  async redeliver(webhookId: string, deliveryId: string, now: Date, giveUpAt: Date): Promise<boolean> {
    return (
      this.db
        .prepare("UPDATE webhook_deliveries SET status = 'pending', next_attempt_at = ?, give_up_at = ? WHERE webhook_id = ? AND id = ?")
        .run(now.getTime(), giveUpAt.getTime(), webhookId, deliveryId).changes === 1
    );
  }


  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

function toWebhook(row: WebhookRow): WebhookRecord {
  return {
    id: row.id,
    networkId: row.network_id,
    url: row.url,
    events: JSON.parse(row.events) as string[],
    ...(row.description !== null && { description: row.description }),
    sealedSecret: row.sealed_secret,
    createdAt: new Date(row.created_at),
    createdAfter: row.created_after,
    status: row.status,
  };
}

function toDelivery(row: DeliveryRow): DeliveryRecord {
  return {
    id: row.id,
    webhookId: row.webhook_id,
    eventType: row.event_type,
    eventId: row.event_id,
    position: row.position,
    ...(row.stream_id !== null && { streamId: row.stream_id }),
    ...(row.revision !== null && { revision: row.revision }),
    ...(row.data !== null && { data: row.data }),
    occurredAt: new Date(row.occurred_at),
    createdAt: new Date(row.created_at),
    giveUpAt: new Date(row.give_up_at),
    status: row.status,
    attempts: row.attempts,
    ...(row.response_status !== null && { responseStatus: row.response_status }),
    ...(row.error !== null && { error: row.error }),
    nextAttemptAt: new Date(row.next_attempt_at),
    ...(row.delivered_at !== null && { deliveredAt: new Date(row.delivered_at) }),
  };
}
