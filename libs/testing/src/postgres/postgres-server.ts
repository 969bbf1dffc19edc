import { spawnSync, SpawnSyncReturns } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A throwaway PostgreSQL server for the test run: `initdb` into a temp directory, `pg_ctl start` on
 * a free loopback port, and everything removed by {@link ThrowawayPostgres.stop}. It starts in well
 * under a second. When the process runs as root the server runs as `postgres` (PostgreSQL refuses
 * root), which must then own the directory.
 *
 * It never skips: with no server binaries it throws, naming what to install, because a test run
 * that silently skips the PostgreSQL suites would report green for a store nobody tested.
 */
export interface ThrowawayPostgres {
  /** Superuser URL of the `postgres` database, for creating the databases tests use. */
  url: string;
  dir: string;
  /** Stops the server and removes it with its data. */
  stop(): void;
  /**
   * For fault tests: stops the server abruptly (`pg_ctl stop -m immediate`: every connection cut,
   * no checkpoint, crash recovery at the next start), keeping its data and port.
   */
  halt(): void;
  /** Starts a halted server again on the same data and port (after crash recovery). */
  resume(): void;
}

/** Where initdb and pg_ctl are: on PATH, else the newest /usr/lib/postgresql/<version>/bin (Debian, Ubuntu). */
export function findPostgresBinaries(path = process.env.PATH ?? '', versionsRoot = '/usr/lib/postgresql'): string {
  for (const dir of path.split(':')) {
    if (dir && existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'))) return dir;
  }
  const versions = existsSync(versionsRoot) ? readdirSync(versionsRoot).filter((v) => existsSync(join(versionsRoot, v, 'bin', 'initdb'))) : [];
  versions.sort((a, b) => Number(b) - Number(a));
  if (versions.length > 0) return join(versionsRoot, versions[0], 'bin');
  throw new Error(
    'PostgreSQL server binaries (initdb, pg_ctl) were not found on PATH or in /usr/lib/postgresql/*/bin. ' +
      'Install them (Debian/Ubuntu: apt-get install -y postgresql) or point SOLMU_TEST_DATABASE_URL at a test server. ' +
      'The PostgreSQL tests do not skip.',
  );
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer()
      .once('error', fail)
      .listen(0, '127.0.0.1', () => {
        const { port } = server.address() as { port: number };
        server.close(() => done(port));
      });
  });
}

const isRoot = () => process.getuid?.() === 0;

/** Runs a server binary, as `postgres` when we are root. */
function run(bin: string, command: string, args: string[]): SpawnSyncReturns<string> {
  const file = join(bin, command);
  const result = isRoot()
    ? spawnSync('runuser', ['-u', 'postgres', '--', file, ...args], { encoding: 'utf8' })
    : spawnSync(file, args, { encoding: 'utf8' });
  if (result.error) throw result.error;
  return result;
}

function must(result: SpawnSyncReturns<string>, what: string): void {
  if (result.status !== 0) throw new Error(`${what} failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
}

/** The uid and gid of the `postgres` user, which runs the server when we are root. */
function postgresUser(): { uid: number; gid: number } {
  const id = (flag: string) => spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' });
  const [uid, gid] = [id('-u'), id('-g')];
  if (uid.status !== 0 || gid.status !== 0) {
    throw new Error('Running as root, the throwaway PostgreSQL server needs a `postgres` user to run as (the postgresql package creates it).');
  }
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

export interface ThrowawayPostgresOptions {
  /**
   * Default false: these databases live for one test run, and a killed server process still
   * loses nothing (its writes are in the OS page cache); only a machine crash would, and then the
   * run is lost anyway. Benchmarks turn it on, to measure what production pays.
   */
  fsync?: boolean;
}

export async function startThrowawayPostgres({ fsync = false }: ThrowawayPostgresOptions = {}): Promise<ThrowawayPostgres> {
  const bin = findPostgresBinaries();
  const dir = mkdtempSync(join(tmpdir(), 'solmu-pg-'));
  if (isRoot()) {
    const { uid, gid } = postgresUser();
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  const port = await freePort();
  let started = false;
  const stop = () => {
    if (started) run(bin, 'pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
    started = false;
    rmSync(dir, { recursive: true, force: true });
  };
  const settings = [
    `-p ${port}`,
    '-c listen_addresses=127.0.0.1',
    `-c unix_socket_directories=${dir}`,
    `-c fsync=${fsync ? 'on' : 'off'}`,
    '-c max_connections=300',
    '-c shared_buffers=32MB',
  ].join(' ');
  const start = () => {
    must(run(bin, 'pg_ctl', ['-D', data, '-w', '-t', '30', '-l', join(dir, 'server.log'), '-o', settings, 'start']), 'pg_ctl start');
    started = true;
  };
  const halt = () => {
    if (!started) return;
    must(run(bin, 'pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']), 'pg_ctl stop -m immediate');
    started = false;
  };
  try {
    must(run(bin, 'initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-locale', '--no-sync']), 'initdb');
    start();
  } catch (error) {
    stop();
    throw error;
  }
  return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, dir, stop, halt, resume: start };
}
