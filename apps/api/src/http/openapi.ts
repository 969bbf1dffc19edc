import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { ProblemResponse } from './problem.schema';

/**
 * The API's OpenAPI document, built from the controllers and DTOs. Served at /api/docs/openapi.json,
 * and the source of the web app's typed client (apps/web/scripts/openapi-schema.ts).
 */
export function openApiDocument(app: INestApplication): OpenAPIObject {
  const info = new DocumentBuilder()
    .setTitle('Solmu API')
    .setDescription('Log network events between members, and read networks, members, interactions and their history.')
    .setVersion('0.1')
    // Any route may meet a database that is down or read models still catching up (problem.filter.ts).
    .addGlobalResponse({
      status: 503,
      description:
        'Try again later: the database cannot be reached (store_unavailable; nothing was saved) or the read models did not catch up in time (read_models_behind). A retry after Retry-After is safe.',
      type: ProblemResponse,
      headers: { 'Retry-After': { description: 'Seconds to wait before trying again', schema: { type: 'integer', minimum: 1 } } },
    })
    .build();
  return SwaggerModule.createDocument(app, info);
}
