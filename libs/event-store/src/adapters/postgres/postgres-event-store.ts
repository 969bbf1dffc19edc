import { Pool, PoolClient } from 'pg';
import {
  AllSubscription,
  ANY,
  AppendOptions,
  AppendResult,
  EventStore,
  ExpectedRevision,
  NewEvent,
  Position,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
} from '../../event-store.port';
import { assertAppendable, checkExpectedRevision, retryStartRevision } from '../../append-checks';
import { pollingSubscription } from '../../polling-subscription';
import { PostgresMigration } from './postgres-migrations';
import { openMigratedPool } from './postgres-pool';
import { listenToPostgres, PostgresListener } from './postgres-listener';

export interface PostgresEventStoreOptions {
  /** `postgres://user:password@host:5432/database`. */
  connectionString: string;
  /**
   * How often subscriptions read anyway when no notification arrives (ms). LISTEN/NOTIFY wakes them
   * at once; the poll is the fallback while the listening connection is down.
   */
  pollMs?: number;
  /** Connections for appends and reads. Default 10. */
  poolSize?: number;
  /**
   * How long an append transaction may sit idle before the server ends it (ms, default 30 s). An
   * instance that stalls mid-append (a frozen VM, a stopped process) holds the append lock; this
   * frees it for the other instances, and the stalled append is not acknowledged.
   */
  stalledAppendTimeoutMs?: number;
  /**
   * A seam for tests: runs inside each append transaction after its events are written and before
   * COMMIT, so a test can hold a transaction open and interleave others with it.
   */
  beforeCommit?: () => Promise<void>;
}

/** Key of the advisory lock every append transaction takes ('Solm', 2); migrations use ('Solm', 1). */
const APPEND_LOCK = [0x536f6c6d, 2] as const;
/** The channel commits notify, for live subscriptions in every instance. */
const CHANNEL = 'solmu_events';
/** Unique violation: another writer took this stream revision (or stream id) first. */
const UNIQUE_VIOLATION = '23505';

/**
 * Versioned schema of the event store (see postgres-migrations.ts). Positions come from an identity
 * sequence; streams are numbered so the (stream, revision) key holds small integers, as in SQLite.
 * `data` and `metadata` are `json` (kept as written) rather than `jsonb`: nothing queries inside
 * them, and the store hands back exactly what it was given.
 */
export const POSTGRES_EVENT_STORE_MIGRATIONS: ReadonlyArray<PostgresMigration> = [
  {
    version: 1,
    description: 'streams and events',
    sql: `
      CREATE TABLE streams (
        stream_no bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        stream_id text NOT NULL UNIQUE,
        revision  bigint NOT NULL
      );
      CREATE TABLE events (
        position    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        stream_no   bigint NOT NULL REFERENCES streams (stream_no),
        revision    bigint NOT NULL,
        event_id    uuid NOT NULL,
        type        text NOT NULL,
        data        json NOT NULL,
        metadata    json NOT NULL,
        recorded_at timestamptz NOT NULL,
        CONSTRAINT events_stream_revision UNIQUE (stream_no, revision)
      );
    `,
  },
];

interface PendingAppend {
  streamId: string;
  events: readonly NewEvent[];
  expected: ExpectedRevision;
  resolve: (result: AppendResult) => void;
  reject: (error: unknown) => void;
}

interface EventRow {
  position: string;
  revision: string;
  event_id: string;
  type: string;
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
  recorded_at: Date;
  stream_id: string;
}

const SELECT_EVENT = 'SELECT e.position, e.revision, e.event_id, e.type, e.data, e.metadata, e.recorded_at, s.stream_id';

/**
 * The event store on PostgreSQL, for installations that outgrow one SQLite file or run several
 * Solmu instances against one database.
 *
 * **Global order without gaps.** Positions come from a sequence, and sequence values are handed
 * out before their transactions commit: left alone, a reader could see position 101 committed
 * while 100 is still in flight, move its checkpoint past 100 and never see it. So every append
 * transaction first takes one transaction-level advisory lock: appends (from every instance)
 * commit one at a time, and the lock is released only after the commit is visible. A reader that
 * sees a position therefore sees every smaller one that will ever exist.
 *
 * Serialising costs little because appends are group-committed: the appends requested while a
 * transaction is in flight (any number of callers) all go into the next one, which takes a
 * handful of statements whatever its size (streams read together, events inserted together). Each
 * append keeps its own expected-revision check and is refused alone; the unique
 * `(stream, revision)` key backs the checks should a writer ever bypass the lock.
 *
 * Appends are acknowledged after COMMIT with `synchronous_commit=on` (set on every connection),
 * so an acknowledged event is on the server's disk. Live subscriptions are woken by LISTEN/NOTIFY
 * (the append transaction notifies, so the wake-up is sent only if it commits) and poll as a
 * fallback.
 */
export class PostgresEventStore implements EventStore {
  private queue: PendingAppend[] = [];
  private flushScheduled = false;
  private flushing: Promise<void> | undefined;
  private closed = false;
  private commits = 0;
  private appends = 0;
  private readonly listeners = new Set<() => void>();
  private listener: PostgresListener | undefined;

  private constructor(
    private readonly pool: Pool,
    private readonly options: PostgresEventStoreOptions,
  ) {}

  /** Connects, brings the schema up to date and returns the store. */
  static async open(options: PostgresEventStoreOptions): Promise<PostgresEventStore> {
    const pool = await openMigratedPool(
      {
        connectionString: options.connectionString,
        max: options.poolSize ?? 10,
        application_name: 'solmu',
        // A writer stalled inside an append is cut off, so it cannot hold the append lock from other instances.
        extraOptions: `-c idle_in_transaction_session_timeout=${options.stalledAppendTimeoutMs ?? 30_000}`,
      },
      'event store',
      POSTGRES_EVENT_STORE_MIGRATIONS,
    );
    return new PostgresEventStore(pool, options);
  }

  append(streamId: string, events: readonly NewEvent[], options: AppendOptions = {}): Promise<AppendResult> {
    if (this.closed) return Promise.reject(new Error('The event store is closed'));
    try {
      assertAppendable(streamId, events);
    } catch (error) {
      return Promise.reject(error);
    }
    return new Promise((resolve, reject) => {
      this.queue.push({ streamId, events, expected: options.expectedRevision ?? ANY, resolve, reject });
      this.scheduleFlush();
    });
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const { rows } = await this.pool.query<EventRow>(
      `${SELECT_EVENT} FROM streams s JOIN events e ON e.stream_no = s.stream_no
        WHERE s.stream_id = $1 AND e.revision >= $2 ORDER BY e.revision LIMIT $3`,
      [streamId, options.fromRevision ?? 0, options.maxCount ?? null],
    );
    return rows.map(toRecorded);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const { rows } = await this.pool.query<EventRow>(
      `${SELECT_EVENT} FROM events e JOIN streams s ON s.stream_no = e.stream_no
        WHERE e.position > $1 ORDER BY e.position LIMIT $2`,
      [options.after ?? 0, options.maxCount ?? null],
    );
    return rows.map(toRecorded);
  }

  async headPosition(): Promise<Position | undefined> {
    const { rows } = await this.pool.query<{ head: string | null }>('SELECT max(position) AS head FROM events');
    return rows[0].head === null ? undefined : Number(rows[0].head);
  }

  subscribeToAll(options: SubscribeOptions = {}): AllSubscription {
    return pollingSubscription(
      this,
      options.after,
      (wake) => {
        this.listeners.add(wake);
        this.listen();
        return () => this.listeners.delete(wake);
      },
      { pollMs: this.options.pollMs ?? 1000 },
    );
  }

  /** How many transactions carried how many appends: shows group commit at work. */
  stats(): { commits: number; appends: number } {
    return { commits: this.commits, appends: this.appends };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    // Whatever was accepted before close is still written (and answered).
    while (this.flushing || this.queue.length > 0) await (this.flushing ?? this.flush());
    const listener = this.listener;
    this.listener = undefined;
    await listener?.stop();
    this.listeners.forEach((wake) => wake());
    this.listeners.clear();
    await this.pool.end();
  }

  private scheduleFlush(): void {
    if (this.flushScheduled || this.flushing) return;
    this.flushScheduled = true;
    setImmediate(() => void this.flush());
  }

  /** Writes every queued append in one transaction, then settles their promises. */
  private flush(): Promise<void> {
    this.flushScheduled = false;
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0) return Promise.resolve();
    this.flushing = this.writeBatch(batch)
      .then(
        (outcomes) => {
          this.commits += 1;
          this.appends += batch.length;
          batch.forEach((append, i) => {
            const outcome = outcomes[i];
            if (outcome instanceof Error) append.reject(outcome);
            else append.resolve(outcome);
          });
          this.listeners.forEach((wake) => wake());
        },
        // Rolled back, or the commit's fate is unknown (connection lost): nothing is acknowledged.
        // Appends are idempotent, so the caller may retry them.
        (error: unknown) => batch.forEach((append) => append.reject(error)),
      )
      .finally(() => {
        this.flushing = undefined;
        if (this.queue.length > 0) this.scheduleFlush();
      });
    return this.flushing;
  }

  /**
   * One transaction for the batch. Should the unique (stream, revision) key refuse a write (only a
   * writer that bypassed the append lock could cause it), the whole batch is rolled back and
   * decided again on what is now committed, so each append still gets its own answer.
   */
  private async writeBatch(batch: PendingAppend[]): Promise<Array<AppendResult | Error>> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.writeBatchOnce(batch);
      } catch (error) {
        if ((error as { code?: string }).code !== UNIQUE_VIOLATION || attempt >= 3) throw error;
      }
    }
  }

  private async writeBatchOnce(batch: PendingAppend[]): Promise<Array<AppendResult | Error>> {
    const client = await this.pool.connect();
    let broken: unknown;
    // A connection that dies between statements (server restart, idle-in-transaction timeout)
    // reports it as an 'error' event; unheard, that event would crash the process. The next
    // statement fails with it, which is where it is handled.
    const onError = (error: Error) => (broken = error);
    client.on('error', onError);
    try {
      await client.query('BEGIN');
      // Serialises appends across every instance: see the class comment. Held until COMMIT.
      await client.query('SELECT pg_advisory_xact_lock($1, $2)', [...APPEND_LOCK]);
      const outcomes: Array<AppendResult | Error> = new Array(batch.length);
      // Rounds of appends to distinct streams, in order: within a round each stream's state is
      // read once and all its writes go out in a few statements, whatever the round's size.
      for (let i = 0; i < batch.length; ) {
        const round: number[] = [];
        const streams = new Set<string>();
        for (; i < batch.length && !streams.has(batch[i].streamId); i += 1) {
          streams.add(batch[i].streamId);
          round.push(i);
        }
        await this.writeRound(client, round.map((index) => batch[index]), (k, outcome) => (outcomes[round[k]] = outcome));
      }
      if (outcomes.some((o) => !(o instanceof Error))) await client.query(`NOTIFY ${CHANNEL}`);
      await this.options.beforeCommit?.();
      await client.query('COMMIT');
      return outcomes;
    } catch (error) {
      broken = error;
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.off('error', onError);
      // A connection that saw an error is not trusted again: the pool opens a fresh one.
      client.release(broken === undefined ? undefined : true);
    }
  }

  /** Decides and writes appends to distinct streams: read their streams, check, insert, update. */
  private async writeRound(client: PoolClient, appends: PendingAppend[], settle: (k: number, outcome: AppendResult | Error) => void): Promise<void> {
    const { rows } = await client.query<{ stream_id: string; stream_no: string; revision: string }>(
      'SELECT stream_id, stream_no, revision FROM streams WHERE stream_id = ANY($1::text[]) FOR UPDATE',
      [appends.map((a) => a.streamId)],
    );
    const known = new Map(rows.map((row) => [row.stream_id, row]));
    const writes: Array<{ k: number; append: PendingAppend; current: number; streamNo?: string }> = [];
    for (const [k, append] of appends.entries()) {
      const stream = known.get(append.streamId);
      const current = stream ? Number(stream.revision) : -1;
      const retried = stream && (await this.findRetry(client, stream.stream_no, current, append.events, append.expected));
      if (retried) {
        settle(k, retried);
        continue;
      }
      try {
        checkExpectedRevision(append.streamId, append.expected, current);
      } catch (error) {
        settle(k, error as Error);
        continue;
      }
      writes.push({ k, append, current, streamNo: stream?.stream_no });
    }
    if (writes.length === 0) return;

    const fresh = writes.filter((w) => w.streamNo === undefined);
    if (fresh.length > 0) {
      const created = await client.query<{ stream_id: string; stream_no: string }>(
        'INSERT INTO streams (stream_id, revision) SELECT * FROM unnest($1::text[], $2::bigint[]) RETURNING stream_id, stream_no',
        [fresh.map((w) => w.append.streamId), fresh.map((w) => w.current + w.append.events.length)],
      );
      const numbers = new Map(created.rows.map((row) => [row.stream_id, row.stream_no]));
      for (const w of fresh) w.streamNo = numbers.get(w.append.streamId);
    }
    const rowsOf = (pick: (w: (typeof writes)[number], e: NewEvent, i: number) => unknown) => writes.flatMap((w) => w.append.events.map((e, i) => pick(w, e, i)));
    const inserted = await client.query<{ position: string; stream_no: string }>(
      `INSERT INTO events (stream_no, revision, event_id, type, data, metadata, recorded_at)
       SELECT e.stream_no, e.revision, e.id, e.type, e.data, e.metadata, $7
         FROM unnest($1::bigint[], $2::bigint[], $3::uuid[], $4::text[], $5::json[], $6::json[])
              WITH ORDINALITY AS e (stream_no, revision, id, type, data, metadata, ord)
        ORDER BY e.ord
       RETURNING position, stream_no`,
      [
        rowsOf((w) => w.streamNo),
        rowsOf((w, _, i) => w.current + 1 + i),
        rowsOf((_, e) => e.id),
        rowsOf((_, e) => e.type),
        rowsOf((_, e) => JSON.stringify(e.data)),
        rowsOf((_, e) => JSON.stringify(e.metadata)),
        new Date(),
      ],
    );
    const existing = writes.filter((w) => !fresh.includes(w));
    if (existing.length > 0) {
      await client.query(
        'UPDATE streams s SET revision = u.revision FROM unnest($1::bigint[], $2::bigint[]) AS u (stream_no, revision) WHERE s.stream_no = u.stream_no',
        [existing.map((w) => w.streamNo), existing.map((w) => w.current + w.append.events.length)],
      );
    }
    const lastPosition = new Map<string, number>();
    for (const row of inserted.rows) lastPosition.set(row.stream_no, Math.max(lastPosition.get(row.stream_no) ?? 0, Number(row.position)));
    for (const w of writes) settle(w.k, { nextExpectedRevision: w.current + w.append.events.length, position: lastPosition.get(w.streamNo!)! });
  }

  /** The original result when these exact events already stand where a retry would put them. */
  private async findRetry(
    client: PoolClient,
    streamNo: string,
    current: number,
    events: readonly NewEvent[],
    expected: ExpectedRevision,
  ): Promise<AppendResult | undefined> {
    const start = retryStartRevision(expected);
    // The usual case, appending right after the current revision, cannot be a retry: no query.
    if (start !== 'search' && start > current) return undefined;
    const from =
      start === 'search'
        ? (await client.query<{ revision: string }>('SELECT revision FROM events WHERE stream_no = $1 AND event_id = $2', [streamNo, events[0].id])).rows[0]
            ?.revision
        : start;
    if (from === undefined) return undefined;
    const { rows } = await client.query<{ revision: string; position: string; event_id: string }>(
      'SELECT revision, position, event_id FROM events WHERE stream_no = $1 AND revision >= $2 ORDER BY revision LIMIT $3',
      [streamNo, from, events.length],
    );
    if (rows.length !== events.length) return undefined;
    if (!rows.every((row, i) => row.event_id === events[i].id.toLowerCase())) return undefined;
    const last = rows[rows.length - 1];
    return { nextExpectedRevision: Number(last.revision), position: Number(last.position) };
  }

  /**
   * Keeps one connection LISTENing while anyone subscribes. If it drops, subscriptions keep
   * polling; when it listens again everyone is woken, in case a notification was lost.
   */
  private listen(): void {
    if (this.listener || this.closed || this.listeners.size === 0) return;
    const wakeAll = () => this.listeners.forEach((wake) => wake());
    this.listener = listenToPostgres({
      connectionString: this.options.connectionString,
      channel: CHANNEL,
      applicationName: 'solmu-listen',
      onNotification: wakeAll,
      // Anything committed between the subscription's last read and LISTEN taking effect.
      onListening: wakeAll,
      onLost: () => undefined,
    });
  }
}

function toRecorded(row: EventRow): RecordedEvent {
  return {
    id: row.event_id,
    streamId: row.stream_id,
    revision: Number(row.revision),
    position: Number(row.position),
    type: row.type,
    data: row.data,
    metadata: row.metadata,
    recordedAt: row.recorded_at,
  };
}
