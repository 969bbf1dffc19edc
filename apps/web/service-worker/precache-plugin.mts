import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

/**
 * Writes /sw.js at build time from service-worker/sw.js with the app shell filled in: index.html,
 * the entry chunk and what it imports statically (with their CSS), and the files of public/. Lazily
 * loaded pages (picture, timeline) are left out: a phone that only logs never downloads them.
 */
export function serviceWorker(webRoot: string): Plugin {
  return {
    name: 'solmu-service-worker',
    apply: 'build',
    generateBundle(_options, output) {
      const bundle = output as unknown as OutputBundle;
      const shell = ['/index.html', ...shellFiles(bundle).map((file) => '/' + file), ...readdirSync(join(webRoot, 'public')).map((file) => '/' + file)].sort();
      const version = createHash('sha256').update(shell.join('\n')).digest('hex').slice(0, 12);
      const source = readFileSync(join(webRoot, 'service-worker', 'sw.js'), 'utf8')
        .replace('self.__SOLMU_SHELL__', JSON.stringify(shell))
        .replace('self.__SOLMU_VERSION__', JSON.stringify(version));
      this.emitFile({ type: 'asset', fileName: 'sw.js', source });
    },
  };
}

/** As much of Vite's output bundle as is read here (Vite 8 bundles with Rolldown). */
interface OutputChunk {
  type: 'chunk';
  fileName: string;
  isEntry: boolean;
  imports: string[];
  viteMetadata?: { importedCss: Set<string> };
}
type OutputBundle = Record<string, OutputChunk | { type: 'asset'; fileName: string }>;

/** The entry chunks, their static imports (transitively), and the CSS Vite attached to them. */
function shellFiles(bundle: OutputBundle): string[] {
  const chunks = Object.values(bundle).filter((item): item is OutputChunk => item.type === 'chunk');
  const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  const seen = new Set<string>();
  const files = new Set<string>();
  const visit = (chunk: OutputChunk) => {
    if (seen.has(chunk.fileName)) return;
    seen.add(chunk.fileName);
    files.add(chunk.fileName);
    const css = chunk.viteMetadata?.importedCss ?? new Set<string>();
    for (const file of css) files.add(file);
    for (const imported of chunk.imports) {
      const next = byName.get(imported);
      if (next) visit(next);
    }
  };
  for (const chunk of chunks) if (chunk.isEntry) visit(chunk);
  return [...files];
}
