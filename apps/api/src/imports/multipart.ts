import fastifyMultipart from '@fastify/multipart';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { errorCodes } from 'fastify';

/** The one route that takes files. */
export const IMPORT_ROUTE = /^\/api\/networks\/[^/]+\/imports\/?(\?|$)/;

/**
 * Multipart uploads for imports only, up to SOLMU_IMPORT_LIMIT (one file, a few small fields); every
 * other route answers multipart with 415, as it does any type the API does not take. The file is
 * streamed by busboy under its own size limit, so the JSON body limit does not apply to it.
 */
export async function acceptImportUploads(app: NestFastifyApplication, importLimit: number): Promise<void> {
  await app.register(fastifyMultipart as never, { limits: { fileSize: importLimit, files: 1, fields: 10, fieldSize: 1024, parts: 20 } });
  app.getHttpAdapter().getInstance().addHook('preValidation', async (request) => {
    const type = String(request.headers['content-type'] ?? '');
    if (type.toLowerCase().startsWith('multipart/') && !(request.method === 'POST' && IMPORT_ROUTE.test(request.url))) {
      throw new errorCodes.FST_ERR_CTP_INVALID_MEDIA_TYPE(type);
    }
  });
}
