import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Answer, freePort } from './solmu-app';

/**
 * Runs Solmu as a separate process (`node -r tools/register-ts.js apps/api/src/main.ts`, the
 * TypeScript sources, nothing built), so tests can run several instances that share nothing but
 * their database: no module state, no in-process lock, no cache is common to two of them.
 */
export interface SolmuProcess {
  url: string;
  /** The last lines the process wrote, for failure messages. */
  output(): string;
  requestAs(token: string | undefined, method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Answer>;
  /** Whether the process is still running (a crash shows here, and in `output()`). */
  alive(): boolean;
  stop(): Promise<void>;
  /** `kill -9`: no shutdown hook, no flush, whatever was in flight is lost. */
  kill(): Promise<void>;
}

const root = resolve(__dirname, '../../..');

export async function startSolmuProcess(env: Record<string, string>, readyWithinMs = 45_000): Promise<SolmuProcess> {
  const databaseUrl = env.SOLMU_DATABASE_URL;
  if (databaseUrl === undefined || !new URL(databaseUrl).pathname.startsWith('/solmu_test_')) {
    throw new Error(`refusing to start instances on ${databaseUrl}: not a database the tests created (solmu_test_*)`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'solmu-instance-'));
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['--single-threaded-gc', '-r', join(root, 'tools/register-ts.js'), join(root, 'apps/api/src/main.ts')], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', SOLMU_DB: join(dir, 'solmu.db'), HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn', SOLMU_ANALYSIS_WORKERS: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  let running = true;
  void exited.then(() => (running = false));

  const url = `http://127.0.0.1:${port}`;
  const send = async (token: string | undefined, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> => {
    const response = await fetch(`${url}/api${path}`, {
      method,
      headers: {
        ...(token && { authorization: `Bearer ${token}` }),
        ...(body !== undefined && { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON; keep the text
    }
    return { status: response.status, body: parsed, headers: response.headers };
  };

  const stop = async () => {
    if (running) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
  };

  const kill = async () => {
    if (running) {
      child.kill('SIGKILL');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };

  const deadline = Date.now() + readyWithinMs;
  for (;;) {
    if (!running) {
      await stop();
      throw new Error(`the instance exited before it was ready:\n${output}`);
    }
    const health = await send(undefined, 'GET', '/health').catch(() => undefined);
    if (health?.status === 200) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the instance was not ready within ${readyWithinMs} ms:\n${output}`);
    }
    await new Promise((done) => setTimeout(done, 200));
  }
  return { url, output: () => output, requestAs: send, alive: () => running, stop, kill };
}
