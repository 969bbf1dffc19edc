import { Client } from 'pg';

export interface PostgresListenerOptions {
  connectionString: string;
  channel: string;
  /** Shown in pg_stat_activity (and found there by the tests that cut the connection). */
  applicationName: string;
  /** A notification on the channel, with its payload ('' when none was sent). */
  onNotification(payload: string): void;
  /**
   * LISTEN took effect, first or again after a drop: anything notified while nobody listened was
   * missed, so callers catch up here (read again, forget what they cached).
   */
  onListening(): void;
  /** The connection dropped (or could not be made): notifications are not heard until onListening. */
  onLost(): void;
  /** Wait before connecting again. Default 1 s. */
  retryMs?: number;
}

export interface PostgresListener {
  /** True while LISTEN is in effect on a live connection. */
  readonly listening: boolean;
  stop(): Promise<void>;
}

/**
 * One connection LISTENing on a channel for as long as it is wanted, connecting again after a
 * drop. Notifications are best effort (one sent while the connection was down is gone), so the
 * owners use them to be quicker, never as the only way to learn something: the event store's
 * subscriptions keep polling, and the API token cache stops trusting itself while not listening.
 */
export function listenToPostgres(options: PostgresListenerOptions): PostgresListener {
  let client: Client | undefined;
  let listening = false;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;

  const connect = () => {
    const attempt = new Client({ connectionString: options.connectionString, application_name: options.applicationName });
    client = attempt;
    let lost = false;
    const retry = () => {
      if (lost) return;
      lost = true;
      listening = false;
      attempt.end().catch(() => undefined);
      if (stopped) return;
      options.onLost();
      timer = setTimeout(connect, options.retryMs ?? 1000);
      timer.unref();
    };
    attempt.on('notification', (message) => options.onNotification(message.payload ?? ''));
    attempt.on('error', retry);
    attempt.on('end', retry);
    attempt
      .connect()
      .then(() => attempt.query(`LISTEN ${options.channel}`))
      .then(
        () => {
          if (stopped || lost) return;
          listening = true;
          options.onListening();
        },
        retry,
      );
  };
  connect();

  return {
    get listening() {
      return listening;
    },
    async stop() {
      stopped = true;
      listening = false;
      clearTimeout(timer);
      await client?.end().catch(() => undefined);
    },
  };
}
