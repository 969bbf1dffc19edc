import Database from 'better-sqlite3';
import { closeSync, fsync, mkdirSync, openSync } from 'node:fs';
import { promisify } from 'node:util';
import { dirname } from 'node:path';
import {
  AllSubscription,
  ANY,
  AppendOptions,
  AppendResult,
  ConcurrencyError,
  EventStore,
  ExpectedRevision,
  InvalidAppendError,
  NewEvent,
  Position,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
} from '../../event-store.port';
import { assertAppendable, checkExpectedRevision, retryStartRevision } from '../../append-checks';
import { pollingSubscription } from '../../polling-subscription';
import { migrate } from './migrations';
import { idFromBytes, idToBytes } from './uuid-bytes';

export interface SqliteEventStoreOptions {
  /** File path, or `:memory:`. */
  path: string;
  /** How often subscriptions look for events appended by other processes (ms). */
  pollMs?: number;
  /**
   * Makes the WAL file durable; appends are acknowledged only after it resolves. Defaults to
   * `fsync` on libuv's thread pool. A seam for tests that hold the sync to watch acknowledgement.
   */
  syncWal?: (fd: number) => Promise<void>;
  /**
   * SQLite's own `synchronous` level for a file store (default `NORMAL`: with WAL and our fsync
   * of the WAL before acknowledging, nothing acknowledged is lost). `FULL`/`EXTRA` add SQLite's
   * fsync inside every commit. `OFF` is refused: a commit could then be acknowledged by SQLite
   * with pages SQLite never asked the OS to keep, and a checkpoint could overwrite the database
   * file unsynced.
   */
  synchronous?: SqliteSynchronous;
}

export type SqliteSynchronous = 'OFF' | 'NORMAL' | 'FULL' | 'EXTRA';

/** `PRAGMA synchronous` answers a number: 0 OFF, 1 NORMAL, 2 FULL, 3 EXTRA. */
const SYNCHRONOUS_LEVELS: Record<SqliteSynchronous, number> = { OFF: 0, NORMAL: 1, FULL: 2, EXTRA: 3 };

const fsyncOnPool = promisify(fsync);

interface PendingAppend {
  streamId: string;
  events: readonly NewEvent[];
  expected: ExpectedRevision;
  resolve: (result: AppendResult) => void;
  reject: (error: unknown) => void;
}

interface EventRow {
  position: number;
  revision: number;
  event_id: Buffer;
  type: string;
  data: string;
  metadata: string;
  recorded_at: number;
  stream_id: string;
}

/**
 * The embedded, durable default store: one SQLite file in WAL mode. An append is acknowledged only
 * once the WAL is fsync'd, so it survives `kill -9` or a power cut. The fsync runs on libuv's thread
 * pool rather than inside the commit (`synchronous=NORMAL` plus our own fsync of the WAL file), so
 * the event loop keeps serving requests while the disk catches up; commits made meanwhile share the
 * next fsync.
 *
 * Appends are group-committed: every append requested in the same turn of the event loop joins one
 * `BEGIN IMMEDIATE` transaction and so shares one fsync. Each append inside keeps its own
 * expected-revision check; one that fails is rejected without touching the others, and nothing of
 * it is written because every check runs before its first insert.
 */
export class SqliteEventStore implements EventStore {
  private readonly db: Database.Database;
  private queue: PendingAppend[] = [];
  private flushScheduled = false;
  private closed = false;
  private commits = 0;
  private appends = 0;
  /** The WAL file, fsync'd before commits are acknowledged (file stores only). */
  private readonly walFd?: number;
  private syncing = false;
  /** Committed batches waiting for the next fsync before they are acknowledged. */
  private awaitingSync: Array<(error?: Error) => void> = [];
  /**
   * For each stream, a revision it is known not to exceed, from this connection's own writes and
   * reads. Valid while no other connection has committed (SQLite's data_version says so), it lets a
   * catch-up read of a stream nobody else touched answer without a query: the hot path of every
   * logged interaction.
   */
  private readonly knownRevisions = new Map<string, number>();
  private knownDataVersion = -1;
  private readonly listeners = new Set<() => void>();
  private readonly statements;
  private readonly writeBatch: (batch: PendingAppend[], outcomes: Array<AppendResult | Error>) => void;

  constructor(private readonly options: SqliteEventStoreOptions) {
    // Nothing in memory survives a crash anyway; a file store runs NORMAL unless told otherwise.
    const synchronous = options.path === ':memory:' ? 'FULL' : (options.synchronous ?? 'NORMAL');
    if (!Object.hasOwn(SYNCHRONOUS_LEVELS, synchronous)) throw new Error(`Unknown SQLite synchronous level: ${synchronous}`);
    if (options.path !== ':memory:') mkdirSync(dirname(options.path), { recursive: true });
    this.db = new Database(options.path);
    // Larger pages suit an append-only log of ~400-byte rows (set before the first table exists).
    this.db.pragma('page_size = 16384');
    this.db.pragma('journal_mode = WAL');
    // Durability comes from our own fsync of the WAL before acknowledging (see the class comment).
    this.db.pragma(`synchronous = ${synchronous}`);
    if (options.path !== ':memory:') this.refuseToLoseAcknowledged();
    this.db.pragma('busy_timeout = 5000');
    this.db.pragma('cache_size = -65536');
    migrate(this.db);
    this.statements = {
      stream: this.db.prepare<[string], { stream_no: number; revision: number }>('SELECT stream_no, revision FROM streams WHERE stream_id = ?'),
      insertStream: this.db.prepare<[string, number]>('INSERT INTO streams (stream_id, revision) VALUES (?, ?)'),
      updateStream: this.db.prepare<[number, number]>('UPDATE streams SET revision = ? WHERE stream_no = ?'),
      insertEvent: this.db.prepare<[number, number, Buffer, string, string, string, number]>(
        'INSERT INTO events (stream_no, revision, event_id, type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      idsFrom: this.db.prepare<[number, number, number], { revision: number; position: number; event_id: Buffer }>(
        'SELECT revision, position, event_id FROM events WHERE stream_no = ? AND revision >= ? ORDER BY revision LIMIT ?',
      ),
      revisionOfId: this.db.prepare<[number, Buffer], { revision: number }>('SELECT revision FROM events WHERE stream_no = ? AND event_id = ?'),
      readStream: this.db.prepare<[string, number, number], EventRow>(
        `SELECT e.position, e.revision, e.event_id, e.type, e.data, e.metadata, e.recorded_at, s.stream_id
           FROM streams s JOIN events e ON e.stream_no = s.stream_no
          WHERE s.stream_id = ? AND e.revision >= ? ORDER BY e.revision LIMIT ?`,
      ),
      readAll: this.db.prepare<[number, number], EventRow>(
        `SELECT e.position, e.revision, e.event_id, e.type, e.data, e.metadata, e.recorded_at, s.stream_id
           FROM events e JOIN streams s ON s.stream_no = e.stream_no
          WHERE e.position > ? ORDER BY e.position LIMIT ?`,
      ),
      head: this.db.prepare<[], { head: number | null }>('SELECT max(position) AS head FROM events'),
      dataVersion: this.db.prepare<[], number>('PRAGMA data_version').pluck(),
    };
    const write = this.db.transaction((batch: PendingAppend[], outcomes: Array<AppendResult | Error>) => {
      batch.forEach((append, i) => {
        try {
          outcomes[i] = this.appendOne(append);
        } catch (error) {
          if (error instanceof ConcurrencyError || error instanceof InvalidAppendError) outcomes[i] = error;
          else throw error;
        }
      });
    });
    this.writeBatch = write.immediate.bind(write);
    if (options.path !== ':memory:') {
      // The WAL file exists from the first write on; make sure it does, then hold it open.
      this.db.exec('CREATE TABLE IF NOT EXISTS wal_warmup (x); DROP TABLE wal_warmup;');
      this.walFd = openSync(`${options.path}-wal`, 'r+');
    }
    this.knownDataVersion = this.statements.dataVersion.get()!;
  }

  /**
   * Reads back what SQLite actually runs with (a pragma can be ignored, e.g. on a file system
   * without shared memory for WAL) and refuses to start with a setting that could lose events
   * this store has acknowledged.
   */
  private refuseToLoseAcknowledged(): void {
    const journal = String(this.db.pragma('journal_mode', { simple: true })).toLowerCase();
    const level = Number(this.db.pragma('synchronous', { simple: true }));
    const problems: string[] = [];
    if (journal !== 'wal') problems.push(`journal_mode is ${journal}, not wal (the store fsyncs the WAL before acknowledging)`);
    if (!(level >= SYNCHRONOUS_LEVELS.NORMAL)) problems.push(`synchronous is ${level} (OFF), at least NORMAL (1) is needed`);
    if (problems.length === 0) return;
    this.db.close();
    throw new Error(`Refusing to open the event store ${this.options.path}: it could lose acknowledged events: ${problems.join('; ')}`);
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
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const from = options.fromRevision ?? 0;
    const known = this.knownRevision(streamId);
    if (known !== undefined && from > known) return [];
    const rows = this.statements.readStream.all(streamId, from, options.maxCount ?? -1);
    if (options.maxCount === undefined) this.remember(streamId, rows.length > 0 ? rows[rows.length - 1].revision : from - 1);
    return rows.map(toRecorded);
  }

  private remember(streamId: string, revision: number): void {
    // Bounded: most streams (one per interaction) are written once and never read again.
    if (this.knownRevisions.size >= 10_000) this.knownRevisions.clear();
    this.knownRevisions.set(streamId, revision);
  }

  private knownRevision(streamId: string): number | undefined {
    const version = this.statements.dataVersion.get()!;
    if (version !== this.knownDataVersion) {
      // Another connection (a second process) committed: what we knew may be stale.
      this.knownRevisions.clear();
      this.knownDataVersion = version;
      return undefined;
    }
    return this.knownRevisions.get(streamId);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    return this.statements.readAll.all(options.after ?? 0, options.maxCount ?? -1).map(toRecorded);
  }

  async headPosition(): Promise<Position | undefined> {
    return this.statements.head.get()?.head ?? undefined;
  }

  subscribeToAll(options: SubscribeOptions = {}): AllSubscription {
    return pollingSubscription(
      this,
      options.after,
      (wake) => {
        this.listeners.add(wake);
        return () => this.listeners.delete(wake);
      },
      { pollMs: this.options.pollMs },
    );
  }

  /** How many transactions carried how many appends: shows group commit at work. */
  stats(): { commits: number; appends: number } {
    return { commits: this.commits, appends: this.appends };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.flush();
    this.closed = true;
    if (this.syncing || this.awaitingSync.length > 0) await new Promise<void>((done) => this.whenDurable(() => done()));
    if (this.walFd !== undefined) closeSync(this.walFd);
    this.listeners.forEach((wake) => wake());
    this.listeners.clear();
    this.db.close();
  }

  /** Writes every queued append in one transaction, then settles their promises. */
  private flush(): void {
    this.flushScheduled = false;
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0) return;
    const outcomes: Array<AppendResult | Error> = new Array(batch.length);
    try {
      this.writeBatch(batch, outcomes);
    } catch (error) {
      // The transaction rolled back as a whole: nothing of this batch was written or acknowledged.
      this.knownRevisions.clear();
      batch.forEach((append) => append.reject(error));
      return;
    }
    this.commits += 1;
    this.appends += batch.length;
    this.whenDurable((error) => {
      batch.forEach((append, i) => {
        const outcome = error ?? outcomes[i];
        if (outcome instanceof Error) append.reject(outcome);
        else append.resolve(outcome);
      });
      this.listeners.forEach((wake) => wake());
    });
  }

  /**
   * Calls back once everything committed so far is on disk. One fsync at a time; batches committed
   * while it runs wait for the next one, so a busy store fsyncs as often as the disk allows.
   */
  private whenDurable(done: (error?: Error) => void): void {
    if (this.walFd === undefined) return done();
    this.awaitingSync.push(done);
    if (!this.syncing) this.startSync();
  }

  private startSync(): void {
    const waiting = this.awaitingSync;
    this.awaitingSync = [];
    if (waiting.length === 0 || this.walFd === undefined) return;
    this.syncing = true;
    const settle = (error?: Error) => {
      this.syncing = false;
      waiting.forEach((done) => done(error));
      this.startSync();
    };
    (this.options.syncWal ?? fsyncOnPool)(this.walFd).then(
      () => settle(),
      (error: unknown) => settle(error instanceof Error ? error : new Error(String(error))),
    );
  }

  private appendOne({ streamId, events, expected }: PendingAppend): AppendResult {
    const stream = this.statements.stream.get(streamId);
    const current = stream?.revision ?? -1;
    if (stream) {
      const retried = this.findRetry(stream.stream_no, events, expected);
      if (retried) return retried;
    }
    checkExpectedRevision(streamId, expected, current);

    const streamNo = stream ? stream.stream_no : Number(this.statements.insertStream.run(streamId, -1).lastInsertRowid);
    const recordedAt = Date.now();
    let position = 0;
    let metadataSource: unknown;
    let metadataJson = '';
    events.forEach((event, i) => {
      if (event.metadata !== metadataSource) {
        metadataSource = event.metadata;
        metadataJson = JSON.stringify(event.metadata);
      }
      const { lastInsertRowid } = this.statements.insertEvent.run(
        streamNo,
        current + 1 + i,
        idToBytes(event.id),
        event.type,
        JSON.stringify(event.data),
        metadataJson,
        recordedAt,
      );
      position = Number(lastInsertRowid);
    });
    const nextExpectedRevision = current + events.length;
    this.statements.updateStream.run(nextExpectedRevision, streamNo);
    this.remember(streamId, nextExpectedRevision);
    return { nextExpectedRevision, position };
  }

  /** The original result when these exact events already stand where a retry would put them. */
  private findRetry(streamNo: number, events: readonly NewEvent[], expected: ExpectedRevision): AppendResult | undefined {
    const start = retryStartRevision(expected);
    const from = start === 'search' ? this.statements.revisionOfId.get(streamNo, idToBytes(events[0].id))?.revision : start;
    if (from === undefined) return undefined;
    const stored = this.statements.idsFrom.all(streamNo, from, events.length);
    if (stored.length !== events.length) return undefined;
    if (!stored.every((row, i) => idFromBytes(row.event_id) === events[i].id.toLowerCase())) return undefined;
    const last = stored[stored.length - 1];
    return { nextExpectedRevision: last.revision, position: last.position };
  }
}

function toRecorded(row: EventRow): RecordedEvent {
  return {
    id: idFromBytes(row.event_id),
    streamId: row.stream_id,
    revision: row.revision,
    position: row.position,
    type: row.type,
    data: JSON.parse(row.data),
    metadata: JSON.parse(row.metadata),
    recordedAt: new Date(row.recorded_at),
  };
}
