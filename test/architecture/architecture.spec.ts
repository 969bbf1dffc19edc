import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

/**
 * The rules of the architecture, checked on every test run: the dependency rules in
 * `.dependency-cruiser.js`, the purity of the domain and the analysis, and the type check.
 */
const root = resolve(__dirname, '../..');
const bin = (name: string) => join(root, 'node_modules/.bin', name);

function run(command: string, args: string[]): { ok: boolean; output: string } {
  try {
    return { ok: true, output: execFileSync(command, args, { cwd: root, encoding: 'utf8', stdio: 'pipe' }) };
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    return { ok: false, output: `${stdout}${stderr}` };
  }
}

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourcesUnder(path);
    return name.endsWith('.ts') && !/\.(spec|int-spec|e2e-spec)\.ts$/.test(name) ? [path] : [];
  });
}

describe('architecture', () => {
  it('keeps every dependency rule of .dependency-cruiser.js', () => {
    const { output } = run(bin('depcruise'), ['apps', 'libs', 'test', '--config', '.dependency-cruiser.js', '--output-type', 'json']);
    const violations = (JSON.parse(output).summary.violations as Array<{ rule: { name: string }; from: string; to: string }>).map(
      (v) => `${v.rule.name}: ${v.from} → ${v.to}`,
    );
    expect(violations).toEqual([]);
  });

  it('the domain and the analysis read no clock and no randomness (time and ids come in as arguments)', () => {
    const pure = [join(root, 'libs/network/src/domain'), join(root, 'libs/analysis/src')].flatMap(sourcesUnder);
    const impure = /\bDate\.now\(|new Date\(\)|Math\.random\(|performance\.now\(|crypto\.|randomUUID/;
    const offenders = pure.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .map((line, i) => ({ line, where: `${relative(root, file)}:${i + 1}` }))
        .filter(({ line }) => impure.test(line) && !line.trim().startsWith('*') && !line.trim().startsWith('//'))
        .map(({ where, line }) => `${where}: ${line.trim()}`),
    );
    expect(offenders).toEqual([]);
  });

  it('type-checks', () => {
    const { ok, output } = run(bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']);
    expect(output).toBe('');
    expect(ok).toBe(true);
  }, 120_000);
});
