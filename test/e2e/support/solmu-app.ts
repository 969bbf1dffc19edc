import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
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
  dir: string;
  app: NestFastifyApplication;
  /** The administrator's bearer token, sent by `request` unless another Authorization is given. */
  adminToken: string;
  /** As the administrator (who becomes coordinator of the networks they found). */
  request(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Answer>;
  /** Without credentials, or with the given bearer token. */
  requestAs(token: string | undefined, method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Answer>;
  stop(): Promise<void>;
  /** Stops the app and starts it again on the same file. */
  restart(): Promise<RunningSolmu>;
}

export interface Answer {
  status: number;
  body: any;
  headers: Headers;
}

/** A free TCP port on loopback (for tests that must know the app's URL before it starts). */
export function freePort(): Promise<number> {
  return new Promise((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

export const ADMIN = { email: 'admin@solmu.test', password: 'correct horse battery', name: 'Ada Admin' };

export async function startSolmu(options: { dir?: string; env?: Record<string, string>; port?: number; withoutAdmin?: boolean; demo?: boolean; webRoot?: string } = {}): Promise<RunningSolmu> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'solmu-e2e-'));
  const dbPath = join(dir, 'solmu.db');
  if (!resolve(dbPath).startsWith(resolve(tmpdir()))) throw new Error(`refusing to run e2e tests on ${dbPath}: not a temp file`);
  const databaseUrl = options.env?.SOLMU_DATABASE_URL;
  if (databaseUrl !== undefined && !new URL(databaseUrl).pathname.startsWith('/solmu_test_')) {
    throw new Error(`refusing to run e2e tests on ${new URL(databaseUrl).pathname}: not a database the tests created (solmu_test_*)`);
  }
  const app = await createApp({
    demo: options.demo,
    webRoot: options.webRoot,
    env: {
      SOLMU_DB: dbPath,
      LOG_LEVEL: 'error',
      ...(!options.withoutAdmin && { SOLMU_ADMIN_EMAIL: ADMIN.email, SOLMU_ADMIN_PASSWORD: ADMIN.password, SOLMU_ADMIN_NAME: ADMIN.name }),
      ...options.env,
    },
  });
  await app.listen(options.port ?? 0, '127.0.0.1');
  const url = await app.getUrl();

  const send = async (token: string | undefined, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> => {
    {
      const response = await fetch(`${url}/api${path}`, {
        method,
        headers: {
          ...(token && { authorization: `Bearer ${token}` }),
          ...(body !== undefined && typeof body !== 'string' && { 'content-type': 'application/json' }),
          ...headers,
        },
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
    }
  };
  const signIn = options.withoutAdmin ? undefined : await send(undefined, 'POST', '/auth/token', { email: ADMIN.email, password: ADMIN.password });
  if (signIn && signIn.status !== 201) throw new Error(`could not sign in as the administrator: ${JSON.stringify(signIn.body)}`);
  const adminToken: string = signIn?.body.token ?? '';

  const running: RunningSolmu = {
    url,
    dbPath,
    dir,
    app,
    adminToken,
    request: (method, path, body, headers) => send(adminToken, method, path, body, headers),
    requestAs: send,
    async stop() {
      await app.close();
      if (!options.dir) rmSync(dir, { recursive: true, force: true });
    },
    async restart() {
      await app.close();
      return startSolmu({ ...options, demo: false, dir });
    },
  };
  return running;
}

/** Registers an account (through the identity service, as sign-up is not open) and returns a bearer token for it. */
export async function aPerson(solmu: RunningSolmu, email: string, name = email.split('@')[0]): Promise<{ accountId: string; token: string }> {
  const { Accounts } = await import('@solmu/identity');
  const account = await solmu.app.get(Accounts).register({ email, displayName: name, password: 'a long enough password' });
  const signIn = await solmu.requestAs(undefined, 'POST', '/auth/token', { email, password: 'a long enough password' });
  return { accountId: account.id, token: signIn.body.token };
}

/** Invites a member record and accepts the invitation as the person: their account becomes the member. */
export async function linkPerson(solmu: RunningSolmu, networkId: string, memberId: string, token: string): Promise<void> {
  const invitation = await solmu.request('POST', `/networks/${networkId}/members/${memberId}/invitations`);
  const accepted = await solmu.requestAs(token, 'POST', '/invitations/accept', { token: invitation.body.token });
  if (accepted.status !== 201) throw new Error(`invitation not accepted: ${JSON.stringify(accepted.body)}`);
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
