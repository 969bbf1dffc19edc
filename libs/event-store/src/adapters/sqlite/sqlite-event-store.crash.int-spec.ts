import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { SqliteEventStore } from './sqlite-event-store';

const root = resolve(__dirname, '../../../../..');

/** Runs the child until it has acknowledged at least `acks` events, then kills it with SIGKILL. */
function appendUntilKilled(path: string, acks: number): Promise<string[]> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['-r', join(root, 'tools/register-ts.js'), join(__dirname, 'append-until-killed.child.ts'), path], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const acknowledged: string[] = [];
    let pending = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      const lines = (pending + chunk).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) if (line.startsWith('ack ')) acknowledged.push(line.slice(4));
      if (acknowledged.length >= acks && child.exitCode === null && !child.killed) child.kill('SIGKILL');
    });
    child.on('exit', (code, signal) => (signal === 'SIGKILL' ? done(acknowledged) : fail(new Error(`child exited with ${code}`))));
  });
}

describe('SQLite store surviving kill -9', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'solmu-crash-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps every acknowledged event exactly once and opens cleanly after SIGKILL mid-stream', async () => {
    const path = join(dir, 'events.db');

    const acknowledged = await appendUntilKilled(path, 3000);

    const integrity = new Database(path);
    expect(integrity.pragma('integrity_check', { simple: true })).toBe('ok');
    integrity.close();
    const store = new SqliteEventStore({ path });
    const stored = await store.readAll();
    const counts = new Map<string, number>();
    for (const e of stored) counts.set(e.id, (counts.get(e.id) ?? 0) + 1);
    expect(acknowledged.length).toBeGreaterThanOrEqual(3000);
    expect(acknowledged.filter((id) => counts.get(id) !== 1)).toEqual([]);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    const positions = stored.map((e) => e.position);
    expect(positions.every((p, i) => i === 0 || p > positions[i - 1])).toBe(true);
    // The store accepts appends again where it left off.
    const next = await store.append('after-crash', [{ id: '00000000-0000-7000-8000-000000000001', type: 'Reopened', data: {}, metadata: {} }]);
    expect(next.position).toBeGreaterThan(positions[positions.length - 1]);
    await store.close();
  }, 60_000);
});
