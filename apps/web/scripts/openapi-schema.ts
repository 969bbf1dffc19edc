import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../api/src/bootstrap';
import { openApiDocument } from '../../api/src/http/openapi';

/** Where the generated types live; committed, so a change to the API shows up in review. */
export const SCHEMA_FILE = join(__dirname, '..', 'src', 'api', 'schema.d.ts');

const HEADER = '/**\n * Generated from the API\'s OpenAPI document by `npm run web:schema`. Do not edit by hand:\n * a test (apps/web/scripts/openapi-schema.int-spec.ts) fails when it drifts from the API.\n */\n\n';

/**
 * Boots the app on a throw-away SQLite file (without listening), builds its OpenAPI document and
 * turns it into TypeScript types with openapi-typescript.
 */
export async function generateSchemaSource(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'solmu-schema-'));
  const app = await createApp({ env: { SOLMU_DB: join(dir, 'solmu.db'), LOG_LEVEL: 'error', SOLMU_ADMIN_EMAIL: 'schema@solmu.test', SOLMU_ADMIN_PASSWORD: 'schema generator only', SOLMU_ADMIN_NAME: 'Schema' } });
  try {
    await app.init();
    const document = openApiDocument(app);
    // Required lazily: only this script loads openapi-typescript (its dependencies are ES modules,
    // so Jest runs this script in a child process rather than importing it).
    const { default: openapiTS, astToString } = require('openapi-typescript') as typeof import('openapi-typescript');
    const ast = await openapiTS(document as never, { alphabetize: true });
    return HEADER + astToString(ast);
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `--stdout` prints instead of writing (the drift test compares that with the committed file). */
if (require.main === module) {
  generateSchemaSource()
    .then((source) => {
      if (process.argv.includes('--stdout')) return void process.stdout.write(source);
      require('node:fs').writeFileSync(SCHEMA_FILE, source);
      console.log(`Wrote ${SCHEMA_FILE}`);
    })
    .catch((error: Error) => {
      console.error(error);
      process.exit(1);
    });
}
