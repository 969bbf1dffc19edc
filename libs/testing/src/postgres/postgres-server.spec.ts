import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findPostgresBinaries } from './postgres-server';

describe('finding the PostgreSQL server binaries for the tests', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'solmu-pgbin-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const fakeBinaries = (bin: string) => {
    mkdirSync(bin, { recursive: true });
    for (const name of ['initdb', 'pg_ctl']) writeFileSync(join(bin, name), '');
  };

  it('fails loudly, naming what to install, when there are none (the PostgreSQL suites never skip)', () => {
    expect(() => findPostgresBinaries('/nowhere:/else', join(dir, 'postgresql'))).toThrow(/apt-get install -y postgresql.*SOLMU_TEST_DATABASE_URL.*do not skip/);
  });

  it('takes them from PATH first, else the newest /usr/lib/postgresql/<version>/bin', () => {
    const root = join(dir, 'postgresql');
    fakeBinaries(join(root, '9', 'bin'));
    fakeBinaries(join(root, '15', 'bin'));
    expect(findPostgresBinaries('/nowhere', root)).toBe(join(root, '15', 'bin'));
    fakeBinaries(join(dir, 'path-bin'));
    expect(findPostgresBinaries(`/nowhere:${join(dir, 'path-bin')}`, root)).toBe(join(dir, 'path-bin'));
  });
});
