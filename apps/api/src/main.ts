import { Logger } from '@nestjs/common';
import { SolmuConfig } from '@solmu/config';
import { createApp } from './bootstrap';

/** Starts Solmu's HTTP API on the configured store (the SQLite file by default). */
async function main(): Promise<void> {
  const app = await createApp({ demo: process.argv.includes('--demo') });
  const config = app.get(SolmuConfig);
  await app.listen(config.port, config.host);
  const logger = new Logger('Solmu');
  logger.log(`Event store: ${config.describeStore()}`);
  logger.log(`Listening on ${await app.getUrl()} — the web app at /, the API under /api, OpenAPI docs at /api/docs`);
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
