/**
 * HTTP throughput of logging interactions: the built API (`npm run build`) runs as a child process on
 * a fresh SQLite file; autocannon (in this process, so the two share the machine's two cores) posts
 * interactions between random pairs of 100 members over 50 connections. Afterwards the store is
 * opened and every acknowledged (201) interaction must be in it exactly once.
 */
import autocannon from 'autocannon';
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { SqliteEventStore } from '../libs/event-store/src/adapters/sqlite/sqlite-event-store';
import { fmt, report } from './stats';

const root = resolve(__dirname, '..');
const MAIN = join(root, 'dist/apps/api/apps/api/src/main.js');
const CONNECTIONS = 50;
const DURATION_S = 15;
const MEMBERS = 100;

function freePort(): Promise<number> {
  return new Promise((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

async function waitForHealth(url: string): Promise<void> {
  for (let i = 0; i < 100; i += 1) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the API did not start');
}

async function post(url: string, path: string, body: unknown, token?: string): Promise<{ id: string; token?: string }> {
  const response = await fetch(`${url}/api${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as { id: string; token?: string };
}

const ADMIN = { email: 'bench@solmu.test', password: 'benchmark password' };

function stop(child: ChildProcess): Promise<void> {
  return new Promise((done) => {
    child.once('exit', () => done());
    child.kill('SIGTERM');
  });
}

export async function run(): Promise<void> {
  console.log('building the API (nest build api)…');
  execFileSync(join(root, 'node_modules/.bin/nest'), ['build', 'api'], { cwd: root, stdio: 'inherit' });
  const dir = mkdtempSync(join(tmpdir(), 'solmu-http-bench-'));
  const db = join(dir, 'solmu.db');
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    SOLMU_DB: db,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    SOLMU_ADMIN_EMAIL: ADMIN.email,
    SOLMU_ADMIN_PASSWORD: ADMIN.password,
    // One integration token posts everything here; the default per-caller limit would throttle it.
    SOLMU_WRITES_PER_MINUTE: '100000000',
  };
  const server = spawn(process.execPath, [MAIN], { env, stdio: 'inherit' });
  try {
    await waitForHealth(url);
    const admin = (await post(url, '/auth/token', ADMIN)).token!;
    const network = await post(url, '/networks', { name: 'Benchmark network', foundedAt: '2020-01-01T00:00:00Z' }, admin);
    const members: string[] = [];
    for (let i = 0; i < MEMBERS; i += 1) members.push((await post(url, `/networks/${network.id}/members`, { name: `Member ${i}`, joinedAt: '2020-01-02T00:00:00Z' }, admin)).id);
    // The load comes from an integration, as Slack or Teams would post it: an API token.
    const integration = (await post(url, `/networks/${network.id}/tokens`, { name: 'benchmark', scopes: ['interactions:write'] }, admin)).token!;

    let n = 0;
    const acknowledgedIds: string[] = [];
    const result = await autocannon({
      url,
      connections: CONNECTIONS,
      duration: DURATION_S,
      requests: [
        {
          method: 'POST',
          path: `/api/networks/${network.id}/interactions`,
          headers: { 'content-type': 'application/json', authorization: `Bearer ${integration}` },
          setupRequest: (request) => {
            n += 1;
            const a = members[n % MEMBERS];
            const b = members[(n * 7 + 1 + Math.floor(n / MEMBERS)) % MEMBERS];
            const participants = a === b ? [a, members[(n + 1) % MEMBERS]] : [a, b];
            const occurredAt = new Date(Date.UTC(2021, 0, 1) + (n % 1000) * 3_600_000).toISOString();
            return { ...request, body: JSON.stringify({ kind: 'exchanged_information', participants, occurredAt, channel: 'meeting' }) };
          },
          onResponse: (status, body) => {
            if (status === 201) acknowledgedIds.push(JSON.parse(body).id);
          },
        },
      ],
    });
    await stop(server);

    const store = new SqliteEventStore({ path: db });
    const logged = (await store.readAll()).filter((e) => e.type === 'InteractionLogged');
    await store.close();
    const timesStored = new Map<string, number>();
    for (const e of logged) timesStored.set(String(e.data.interactionId), (timesStored.get(String(e.data.interactionId)) ?? 0) + 1);
    const lost = acknowledgedIds.filter((id) => timesStored.get(id) !== 1).length;
    const acknowledged = result['2xx'];
    report(`POST /interactions, ${CONNECTIONS} connections, ${DURATION_S} s`, {
      'req/s': fmt(result.requests.average),
      p50: `${result.latency.p50} ms`,
      p99: `${result.latency.p99} ms`,
      max: `${result.latency.max} ms`,
      '2xx': fmt(acknowledged),
      'non-2xx': fmt(result.non2xx),
      errors: fmt(result.errors + result.timeouts),
    });
    // The store may hold a few more than were acknowledged: requests still in flight when the
    // load generator stopped counting were answered after the window closed.
    report('durability check after shutdown', {
      'answered 201': fmt(acknowledgedIds.length),
      'InteractionLogged in store': fmt(logged.length),
      'acknowledged but not stored exactly once': fmt(lost),
      verdict: lost === 0 && acknowledgedIds.length > 0 ? 'every acknowledged interaction is stored once' : 'LOST OR DUPLICATED EVENTS',
    });
  } finally {
    if (server.exitCode === null) await stop(server);
    rmSync(dir, { recursive: true, force: true });
  }
}
