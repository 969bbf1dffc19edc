import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const root = join(__dirname, '..', '..', '..');

/**
 * The web app's client is typed by apps/web/src/api/schema.d.ts. This regenerates it from the app's
 * OpenAPI document (the same script as `npm run web:schema`, in a child process) and fails when the
 * committed file differs, so the web app and the API cannot drift apart silently.
 */
it('the committed web API schema matches the OpenAPI document of the app', async () => {
  const { stdout } = await promisify(execFile)(process.execPath, ['-r', './tools/register-ts.js', 'apps/web/scripts/openapi-schema.ts', '--stdout'], { cwd: root, maxBuffer: 16 * 1024 * 1024 });
  const committed = readFileSync(join(root, 'apps/web/src/api/schema.d.ts'), 'utf8');
  if (stdout !== committed) throw new Error('apps/web/src/api/schema.d.ts is out of date with the API: run `npm run web:schema` and commit the result.');
}, 60_000);
