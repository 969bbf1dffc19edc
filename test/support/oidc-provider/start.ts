import { ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';

/**
 * Starts the test OpenID Provider (`provider.mjs`, a real `oidc-provider` 9.x) in a child
 * process: Jest cannot load the ESM-only library in-process, a child process can.
 */
export interface TestOidcProvider {
  /** `http://127.0.0.1:<port>` */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The registered redirect URI (the first one, if several were given). */
  redirectUri: string;
  /** The child process's id. */
  pid: number;
  /** Ends the child process and waits until it has exited. */
  stop(): Promise<void>;
}

export interface StartOidcProviderOptions {
  clientId?: string;
  clientSecret?: string;
  /** Default `http://127.0.0.1:3000/api/auth/oidc/callback`; nothing needs to listen there. */
  redirectUris?: string[];
  /** Put email and name into the ID token too (default: only in UserInfo, as oidc-provider does). */
  idTokenClaims?: boolean;
  /** Default 15 s. */
  startTimeoutMs?: number;
}

/** The provider's test users (see provider.mjs). */
export const TEST_OIDC_USERS = {
  pauliina: { sub: 'user-pauliina', email: 'pauliina@example.test', emailVerified: true, name: 'Pauliina Pelkonen' },
  ulla: { sub: 'user-ulla', email: 'ulla@example.test', emailVerified: false, name: 'Ulla Unverified' },
} as const;

export async function startOidcProvider(options: StartOidcProviderOptions = {}): Promise<TestOidcProvider> {
  const clientId = options.clientId ?? 'solmu-test';
  const clientSecret = options.clientSecret ?? randomBytes(24).toString('base64url');
  const redirectUris = options.redirectUris ?? ['http://127.0.0.1:3000/api/auth/oidc/callback'];
  // `--name=value`: a random secret may start with a dash, which parseArgs would take for an option.
  const args = [join(__dirname, 'provider.mjs'), `--client-id=${clientId}`, `--client-secret=${clientSecret}`];
  for (const uri of redirectUris) args.push(`--redirect-uri=${uri}`);
  if (options.idTokenClaims) args.push('--id-token-claims');

  const child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, NODE_ENV: 'test' } });
  const issuer = await firstLine(child, options.startTimeoutMs ?? 15_000);

  let exited = child.exitCode !== null;
  const exit = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void exit.then(() => (exited = true));
  return {
    issuer,
    clientId,
    clientSecret,
    redirectUri: redirectUris[0],
    pid: child.pid!,
    async stop() {
      if (exited) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
      await exit;
      clearTimeout(timer);
    },
  };
}

function firstLine(child: ChildProcessWithoutNullStreams, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    const fail = (why: string) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`The test OIDC provider did not start: ${why}\n${stderr}`));
    };
    const timer = setTimeout(() => fail(`no issuer line within ${timeoutMs} ms`), timeoutMs);
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.once('exit', (code) => fail(`exited with ${code}`));
    child.stdout.on('data', function onData(chunk: Buffer) {
      stdout += chunk.toString('utf8');
      const newline = stdout.indexOf('\n');
      if (newline < 0) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      child.stdout.off('data', onData);
      child.stdout.resume();
      resolve(stdout.slice(0, newline).trim());
    });
  });
}

/**
 * Walks an authorization URL through the test provider the way a browser would — manual
 * redirects, carrying the provider's cookies, signing in `loginHint` and consenting — and
 * returns the URL the provider finally redirects to (the relying party's callback, with `code`
 * and `state`, or `error`).
 */
export async function followProviderRedirects(authorizationUrl: string, redirectUri: string, loginHint?: string): Promise<URL> {
  const jar = new Map<string, string>();
  let url = new URL(authorizationUrl);
  for (let hop = 0; hop < 20; hop += 1) {
    if (loginHint && /^\/interaction\//.test(url.pathname)) url.searchParams.set('loginHint', loginHint);
    const response = await fetch(url, {
      redirect: 'manual',
      headers: jar.size > 0 ? { cookie: [...jar].map(([name, value]) => `${name}=${value}`).join('; ') } : {},
    });
    for (const cookie of response.headers.getSetCookie()) remember(jar, cookie);
    await response.arrayBuffer();
    const location = response.headers.get('location');
    if (response.status < 300 || response.status >= 400 || !location) {
      throw new Error(`The provider answered ${response.status} at ${url.pathname} instead of redirecting`);
    }
    const next = new URL(location, url);
    if (next.href.startsWith(redirectUri)) return next;
    url = next;
  }
  throw new Error('Too many redirects');
}

function remember(jar: Map<string, string>, setCookie: string): void {
  const [pair, ...attributes] = setCookie.split(';');
  const eq = pair.indexOf('=');
  const name = pair.slice(0, eq).trim();
  const value = pair.slice(eq + 1).trim();
  const expired = attributes.some((a) => {
    const [key, v] = a.split('=').map((s) => s.trim().toLowerCase());
    return (key === 'max-age' && Number(v) <= 0) || (key === 'expires' && Date.parse(v) < Date.now());
  });
  if (expired || value === '') jar.delete(name);
  else jar.set(name, value);
}
