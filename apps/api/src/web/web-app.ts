import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';

/**
 * The web app (apps/web, built by Vite into dist/web) served by the API process on the same port.
 * Files are listed once at start, so a request never touches the disk to learn whether a file
 * exists. A GET outside /api that is not a file and accepts HTML gets index.html (the app routes
 * in the browser); anything else falls through to the API's JSON 404.
 */
export async function serveWebApp(app: NestFastifyApplication, root = defaultWebRoot()): Promise<'served' | 'not_built'> {
  if (!existsSync(join(root, 'index.html'))) return 'not_built';
  const files = new Set(listFiles(root).map((file) => '/' + relative(root, file).split(sep).join('/')));
  // Only the reply.sendFile decorator: our route below decides what is served.
  await app.register(fastifyStatic as never, { root, serve: false });
  const fastify = app.getHttpAdapter().getInstance();
  fastify.get('/*', (request, plainReply) => {
    // @fastify/static decorates the reply; its types name another copy of Fastify than Nest's.
    const reply = plainReply as typeof plainReply & { sendFile(path: string, options: { maxAge: number | string; immutable?: boolean }): unknown };
    const path = decodedPath(request.url);
    if (path === undefined || path === '/api' || path.startsWith('/api/')) return reply.callNotFound();
    // Vite names built assets by their content hash, so they never change under the same name.
    if (files.has(path) && path !== '/index.html') {
      return reply.sendFile(path.slice(1), path.startsWith('/assets/') ? { maxAge: '365d', immutable: true } : { maxAge: 0 });
    }
    if (!String(request.headers.accept ?? '').includes('text/html')) return reply.callNotFound();
    void reply.type('text/html; charset=utf-8');
    return reply.sendFile('index.html', { maxAge: 0, immutable: false });
  });
  return 'served';
}

function decodedPath(url: string): string | undefined {
  try {
    return decodeURIComponent(url.split('?')[0]);
  } catch {
    return undefined;
  }
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? listFiles(join(dir, entry.name)) : entry.isFile() ? [join(dir, entry.name)] : []));
}

/** dist/web beside the project's package.json, found from here whether running from source or from dist. */
export function defaultWebRoot(from = __dirname): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return join(dir, 'dist', 'web');
}
