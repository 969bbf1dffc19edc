/**
 * Child process for the crash test: appends forever through the group-committing SQLite store with
 * 20 concurrent writers, and prints `ack <event id>` only after an append is acknowledged.
 * Stdout to a pipe is synchronous on Linux, so a printed line is an acknowledgement the parent saw.
 */
import { randomUUID } from 'node:crypto';
import { SqliteEventStore } from './sqlite-event-store';

const store = new SqliteEventStore({ path: process.argv[2] });

async function writer(n: number): Promise<never> {
  for (let i = 0; ; i += 1) {
    const events = Array.from({ length: 1 + (i % 3) }, () => ({
      id: randomUUID(),
      type: 'CrashTestEventAppended',
      data: { writer: n, i, padding: 'x'.repeat(200) },
      metadata: { actor: 'crash-test', source: 'system' },
    }));
    await store.append(`crash-${n}-${i % 50}`, events);
    process.stdout.write(events.map((e) => `ack ${e.id}\n`).join(''));
  }
}

process.stdout.write('ready\n');
for (let n = 0; n < 20; n += 1) void writer(n);
