import { openMigratedPool, PostgresMigration } from '@solmu/event-store';
import type { Pool, PoolClient } from 'pg';
import type { AttemptOutcome, DeliveryRecord, NewDelivery, ReactorCheckpoint, WebhookRecord, WebhookStatus, WebhookStore } from '../webhook-store.port';

/** Versioned schema of the webhook tables (tracked as store 'webhooks'). Append steps; never edit a shipped one. */
const MIGRATIONS: ReadonlyArray<PostgresMigration> = [
  {
    version: 1,
    description: 'webhooks, their deliveries and the reactor checkpoint',
    sql: `
      CREATE TABLE webhooks (
        id            text PRIMARY KEY,
        network_id    text NOT NULL,
        url           text NOT NULL,
        events        text[] NOT NULL,
        description   text,
        sealed_secret text NOT NULL,
        created_at    timestamptz NOT NULL,
        created_after bigint NOT NULL,
        status        text NOT NULL
      );
      CREATE INDEX webhooks_by_network ON webhooks (network_id, created_at);
      CREATE TABLE webhook_deliveries (
        id              text PRIMARY KEY,
        webhook_id      text NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
        event_type      text NOT NULL,
        event_id        text NOT NULL,
        position        bigint NOT NULL,
        stream_id       text,
        revision        bigint,
        data            text,
        occurred_at     timestamptz NOT NULL,
        created_at      timestamptz NOT NULL,
        give_up_at      timestamptz NOT NULL,
        status          text NOT NULL,
        attempts        integer NOT NULL DEFAULT 0,
        response_status integer,
        error           text,
        next_attempt_at timestamptz NOT NULL,
        delivered_at    timestamptz,
        lease_owner     text,
        lease_until     timestamptz,
        UNIQUE (webhook_id, event_id)
      );
      CREATE INDEX webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at);
      CREATE INDEX webhook_deliveries_log ON webhook_deliveries (webhook_id, created_at, id);
      CREATE TABLE webhook_checkpoint (id integer PRIMARY KEY CHECK (id = 1), position bigint, generation bigint NOT NULL);
      INSERT INTO webhook_checkpoint (id, position, generation) VALUES (1, NULL, 0);
    `,
  },
];

export const LATEST_POSTGRES_WEBHOOKS_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;

interface WebhookRow {
  id: string;
  network_id: string;
  url: string;
  events: string[];
  description: string | null;
  sealed_secret: string;
  created_at: Date;
  created_after: string;
  status: WebhookStatus;
}

interface DeliveryRow {
  id: string;
  webhook_id: string;
  event_type: string;
  event_id: string;
  position: string;
  stream_id: string | null;
  revision: string | null;
  data: string | null;
  occurred_at: Date;
  created_at: Date;
  give_up_at: Date;
  status: DeliveryRecord['status'];
  attempts: number;
  response_status: number | null;
  error: string | null;
  next_attempt_at: Date;
  delivered_at: Date | null;
}

/**
 * Webhooks and their delivery log in the PostgreSQL database every instance shares. Two instances
 * run the reactor and the sender side by side: the checkpoint moves by compare-and-set (an
 * `UPDATE … WHERE position = $from` waits for a concurrent one and then finds nothing to update),
 * deliveries are unique by (webhook, event), and due deliveries are claimed with
 * `FOR UPDATE SKIP LOCKED` and a lease, so each is sent by one instance.
 */
export class PostgresWebhookStore implements WebhookStore {
  private constructor(private readonly pool: Pool) {}

  static async open(options: { connectionString: string; poolSize?: number }): Promise<PostgresWebhookStore> {
    const pool = await openMigratedPool({ connectionString: options.connectionString, max: options.poolSize ?? 4, application_name: 'solmu-webhooks' }, 'webhooks', MIGRATIONS);
    return new PostgresWebhookStore(pool);
  }

  private async rows<Row>(sql: string, values: unknown[] = []): Promise<Row[]> {
    return (await this.pool.query(sql, values)).rows as Row[];
  }

  private async count(sql: string, values: unknown[] = []): Promise<number> {
    return (await this.pool.query(sql, values)).rowCount ?? 0;
  }

  private async inTransaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async createWebhook(w: WebhookRecord): Promise<WebhookRecord> {
    return this.inTransaction(async (client) => {
      // The row lock orders this with a reactor's batch: one commits first, the other sees it.
      const { rows } = await client.query<{ position: string | null }>('UPDATE webhook_checkpoint SET generation = generation + 1 WHERE id = 1 RETURNING position');
      const createdAfter = Math.max(w.createdAfter, rows[0].position === null ? -Infinity : Number(rows[0].position));
      await client.query(
        'INSERT INTO webhooks (id, network_id, url, events, description, sealed_secret, created_at, created_after, status) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)',
        [w.id, w.networkId, w.url, w.events, w.description ?? null, w.sealedSecret, w.createdAt, createdAfter, w.status],
      );
      return { ...w, createdAfter };
    });
  }

  async getWebhook(networkId: string, webhookId: string): Promise<WebhookRecord | undefined> {
    const [row] = await this.rows<WebhookRow>('SELECT * FROM webhooks WHERE network_id = $1 AND id = $2', [networkId, webhookId]);
    return row && toWebhook(row);
  }

  async webhookById(webhookId: string): Promise<WebhookRecord | undefined> {
    const [row] = await this.rows<WebhookRow>('SELECT * FROM webhooks WHERE id = $1', [webhookId]);
    return row && toWebhook(row);
  }

  async listWebhooks(networkId: string): Promise<WebhookRecord[]> {
    return (await this.rows<WebhookRow>('SELECT * FROM webhooks WHERE network_id = $1 ORDER BY created_at, id', [networkId])).map(toWebhook);
  }

  async allWebhooks(): Promise<WebhookRecord[]> {
    return (await this.rows<WebhookRow>('SELECT * FROM webhooks')).map(toWebhook);
  }

  async deleteWebhook(networkId: string, webhookId: string): Promise<boolean> {
    return (await this.count('DELETE FROM webhooks WHERE network_id = $1 AND id = $2', [networkId, webhookId])) === 1;
  }

  async replaceSecret(networkId: string, webhookId: string, sealedSecret: string): Promise<boolean> {
    return (await this.count('UPDATE webhooks SET sealed_secret = $1 WHERE network_id = $2 AND id = $3', [sealedSecret, networkId, webhookId])) === 1;
  }

  async setStatus(webhookId: string, status: WebhookStatus): Promise<void> {
    await this.pool.query('UPDATE webhooks SET status = $1 WHERE id = $2', [status, webhookId]);
  }

  async checkpoint(): Promise<ReactorCheckpoint> {
    const [row] = await this.rows<{ position: string | null; generation: string }>('SELECT position, generation FROM webhook_checkpoint WHERE id = 1');
    return { position: row.position === null ? undefined : Number(row.position), generation: Number(row.generation) };
  }

  async recordBatch(from: ReactorCheckpoint, to: number, deliveries: readonly NewDelivery[]): Promise<boolean> {
    return this.inTransaction(async (client) => {
      const moved = await client.query('UPDATE webhook_checkpoint SET position = $1 WHERE id = 1 AND position IS NOT DISTINCT FROM $2 AND generation = $3', [to, from.position ?? null, from.generation]);
      if (moved.rowCount !== 1) return false;
      await insert(client, deliveries);
      return true;
    });
  }

  async addDeliveries(deliveries: readonly NewDelivery[]): Promise<void> {
    await this.inTransaction((client) => insert(client, deliveries));
  }

  async claimDue(now: Date, owner: string, leaseUntil: Date, limit: number): Promise<DeliveryRecord[]> {
    const rows = await this.rows<DeliveryRow>(
      `UPDATE webhook_deliveries SET lease_owner = $1, lease_until = $2
       WHERE id IN (
         SELECT d.id FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id
         WHERE d.status = 'pending' AND w.status = 'active' AND d.next_attempt_at <= $3 AND (d.lease_until IS NULL OR d.lease_until < $3)
         ORDER BY d.next_attempt_at, d.position LIMIT $4
         FOR UPDATE OF d SKIP LOCKED
       )
       RETURNING *`,
      [owner, leaseUntil, now, limit],
    );
    return rows.map(toDelivery).sort((a, b) => a.nextAttemptAt.getTime() - b.nextAttemptAt.getTime() || a.position - b.position);
  }

  async recordAttempt(deliveryId: string, owner: string, o: AttemptOutcome): Promise<boolean> {
    const changed = await this.count(
      `UPDATE webhook_deliveries SET status = $1, attempts = attempts + 1, response_status = $2, error = $3, next_attempt_at = $4, delivered_at = $5, lease_owner = NULL, lease_until = NULL
       WHERE id = $6 AND lease_owner = $7`,
      [
        o.status,
        o.responseStatus ?? null,
        o.status === 'delivered' ? null : o.error,
        o.status === 'pending' ? o.nextAttemptAt : o.at,
        o.status === 'delivered' ? o.at : null,
        deliveryId,
        owner,
      ],
    );
    return changed === 1;
  }

  async listDeliveries(webhookId: string, limit: number, before?: { createdAt: Date; id: string }): Promise<DeliveryRecord[]> {
    const rows = before
      ? await this.rows<DeliveryRow>('SELECT * FROM webhook_deliveries WHERE webhook_id = $1 AND (created_at, id) < ($2, $3) ORDER BY created_at DESC, id DESC LIMIT $4', [
          webhookId,
          before.createdAt,
          before.id,
          limit,
        ])
      : await this.rows<DeliveryRow>('SELECT * FROM webhook_deliveries WHERE webhook_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2', [webhookId, limit]);
    return rows.map(toDelivery);
  }

  async getDelivery(webhookId: string, deliveryId: string): Promise<DeliveryRecord | undefined> {
    const [row] = await this.rows<DeliveryRow>('SELECT * FROM webhook_deliveries WHERE webhook_id = $1 AND id = $2', [webhookId, deliveryId]);
    return row && toDelivery(row);
  }

  async redeliver(webhookId: string, deliveryId: string, now: Date, giveUpAt: Date): Promise<boolean> {
    return (await this.count("UPDATE webhook_deliveries SET status = 'pending', next_attempt_at = $1, give_up_at = $2 WHERE webhook_id = $3 AND id = $4", [now, giveUpAt, webhookId, deliveryId])) === 1;
  }


  async close(): Promise<void> {
    await this.pool.end();
  }
}

async function insert(client: PoolClient, deliveries: readonly NewDelivery[]): Promise<void> {
  for (const d of deliveries) {
    await client.query(
      `INSERT INTO webhook_deliveries (id, webhook_id, event_type, event_id, position, stream_id, revision, data, occurred_at, created_at, give_up_at, status, next_attempt_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'pending', $10) ON CONFLICT DO NOTHING`,
      [d.id, d.webhookId, d.eventType, d.eventId, d.position, d.streamId ?? null, d.revision ?? null, d.data ?? null, d.occurredAt, d.createdAt, d.giveUpAt],
    );
  }
}

function toWebhook(row: WebhookRow): WebhookRecord {
  return {
    id: row.id,
    networkId: row.network_id,
    url: row.url,
    events: row.events,
    ...(row.description !== null && { description: row.description }),
    sealedSecret: row.sealed_secret,
    createdAt: row.created_at,
    createdAfter: Number(row.created_after),
    status: row.status,
  };
}

function toDelivery(row: DeliveryRow): DeliveryRecord {
  return {
    id: row.id,
    webhookId: row.webhook_id,
    eventType: row.event_type,
    eventId: row.event_id,
    position: Number(row.position),
    ...(row.stream_id !== null && { streamId: row.stream_id }),
    ...(row.revision !== null && { revision: Number(row.revision) }),
    ...(row.data !== null && { data: row.data }),
    occurredAt: row.occurred_at,
    createdAt: row.created_at,
    giveUpAt: row.give_up_at,
    status: row.status,
    attempts: row.attempts,
    ...(row.response_status !== null && { responseStatus: row.response_status }),
    ...(row.error !== null && { error: row.error }),
    nextAttemptAt: row.next_attempt_at,
    ...(row.delivered_at !== null && { deliveredAt: row.delivered_at }),
  };
}
