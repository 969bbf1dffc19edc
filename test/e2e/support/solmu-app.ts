import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createApp } from '../../../apps/api/src/bootstrap';

/**
 * Boots the real API on a fresh SQLite file in a temp directory, listening on a free port, and
 * gives tests a small HTTP client. Refuses any store outside the temp directory, so a test can
 * never touch a real database (after DDH's jestGlobalSetup guard).
 */
export interface RunningSolmu {
  url: string;
  dbPath: string;
  app: NestFastifyApplication;
  request(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Answer>;
  stop(): Promise<void>;
  /** Stops the app and starts it again on the same file. */
  restart(): Promise<RunningSolmu>;
}

export interface Answer {
  status: number;
  body: any;
  headers: Headers;
}

export async function startSolmu(options: { dir?: string; env?: Record<string, string> } = {}): Promise<RunningSolmu> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'solmu-e2e-'));
  const dbPath = join(dir, 'solmu.db');
  if (!resolve(dbPath).startsWith(resolve(tmpdir()))) throw new Error(`refusing to run e2e tests on ${dbPath}: not a temp file`);
  const app = await createApp({ env: { SOLMU_DB: dbPath, LOG_LEVEL: 'error', ...options.env } });
  await app.listen(0, '127.0.0.1');
  const url = await app.getUrl();

  const running: RunningSolmu = {
    url,
    dbPath,
    app,
    async request(method, path, body, headers = {}) {
      const response = await fetch(`${url}/api${path}`, {
        method,
        headers: { ...(body !== undefined && typeof body !== 'string' && { 'content-type': 'application/json' }), ...headers },
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      });
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        // not JSON (e.g. the docs page); keep the text
      }
      return { status: response.status, body: parsed, headers: response.headers };
    },
    async stop() {
      await app.close();
      if (!options.dir) rmSync(dir, { recursive: true, force: true });
    },
    async restart() {
      await app.close();
      return startSolmu({ ...options, dir });
    },
  };
  return running;
}

/** Founds a network with members and returns their ids (members joined on 2024-01-02). */
export async function aNetworkWithMembers(solmu: RunningSolmu, names: string[]): Promise<{ networkId: string; members: string[] }> {
  const network = await solmu.request('POST', '/networks', { name: 'E2E network', foundedAt: '2024-01-01T00:00:00Z' });
  const members: string[] = [];
  for (const name of names) {
    const member = await solmu.request('POST', `/networks/${network.body.id}/members`, { name, joinedAt: '2024-01-02T00:00:00Z' });
    members.push(member.body.id);
  }
  return { networkId: network.body.id, members };
}
