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
    return { ok: true, output: execFileSync(command, args, { cwd: root, encoding: 'utf8', stdio: 'pipe', maxBuffer: 256 * 1024 * 1024 }) };
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

interface Cruise {
  modules: Array<{ source: string; dependencies: Array<{ resolved: string }> }>;
  summary: { violations: Array<{ rule: { name: string }; from: string; to: string }> };
}

/** One dependency-cruiser run over the whole tree with the project's config, shared by the checks below. */
let cruised: Cruise | undefined;
function cruise(): Cruise {
  cruised ??= JSON.parse(run(bin('depcruise'), ['apps', 'libs', 'test', '--config', '.dependency-cruiser.js', '--output-type', 'json']).output) as Cruise;
  return cruised;
}

/** Test code: specs of every tier, test-only folders, and the child processes tests start. */
const isTestCode = (path: string): boolean => /\.(spec|int-spec|e2e-spec)\.ts$|\/src\/testing\/|\.child\.ts$/.test(path);

/**
 * The boundaries table of docs/architecture.md, as library → the libraries its "may import" column
 * names. A library is named by its folder under libs/ as a whole word; anything else in the cell
 * (packages, remarks in parentheses) is prose.
 */
function documentedBoundaries(libraries: string[]): Map<string, Set<string>> {
  const doc = readFileSync(join(root, 'docs/architecture.md'), 'utf8');
  const section = doc.slice(doc.indexOf('## Boundaries'), doc.indexOf('\n## ', doc.indexOf('## Boundaries') + 1));
  const table = new Map<string, Set<string>>();
  for (const line of section.split('\n')) {
    const cells = line.split('|').map((cell) => cell.trim());
    const row = /^`([a-z-]+)`$/.exec(cells[1] ?? '');
    if (row === null) continue;
    const mayImport = cells[3] ?? '';
    table.set(row[1], new Set(libraries.filter((lib) => lib !== row[1] && new RegExp(`(^|[^\\w-])${lib}($|[^\\w-])`).test(mayImport))));
  }
  return table;
}

describe('architecture', () => {
  it('keeps every dependency rule of .dependency-cruiser.js', () => {
    const violations = cruise().summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`);
    expect(violations).toEqual([]);
  });

  it('docs/architecture.md lists every library, and what each imports is what the cruise finds', () => {
    const libraries = readdirSync(join(root, 'libs')).filter((name) => statSync(join(root, 'libs', name)).isDirectory()).sort();
    const actual = new Map(libraries.map((lib) => [lib, new Set<string>()]));
    for (const module of cruise().modules) {
      const from = /^libs\/([^/]+)\//.exec(module.source)?.[1];
      if (from === undefined || isTestCode(module.source)) continue;
      for (const dependency of module.dependencies) {
        const to = /^libs\/([^/]+)\//.exec(dependency.resolved)?.[1];
        if (to !== undefined && to !== from) actual.get(from)!.add(to);
      }
    }
    const sorted = (table: Map<string, Set<string>>) => Object.fromEntries([...table].sort(([a], [b]) => a.localeCompare(b)).map(([lib, deps]) => [lib, [...deps].sort()]));

    expect(sorted(documentedBoundaries(libraries))).toEqual(sorted(actual));
  });

  it('the domain, the analysis and the integrations core read no clock and no randomness (time and ids come in as arguments)', () => {
    const pure = ['libs/network/src/domain', 'libs/analysis/src', 'libs/integrations/src/core', 'libs/integrations/src/slack', 'libs/integrations/src/teams', 'libs/integrations/src/imports']
      .map((dir) => join(root, dir))
      .flatMap(sourcesUnder);
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

  it('type-checks the web app (browser code, its own compiler settings)', () => {
    const { ok, output } = run(bin('tsc'), ['-p', 'apps/web/tsconfig.json']);
    expect(output).toBe('');
    expect(ok).toBe(true);
  }, 120_000);
});
