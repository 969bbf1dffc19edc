import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

/**
 * The API's OpenAPI document, built from the controllers and DTOs. Served at /api/docs/openapi.json,
 * and the source of the web app's typed client (apps/web/scripts/openapi-schema.ts).
 */
export function openApiDocument(app: INestApplication): OpenAPIObject {
  const info = new DocumentBuilder()
    .setTitle('Solmu API')
    .setDescription('Log network events between members, and read networks, members, interactions and their history.')
    .setVersion('0.1')
    .build();
  return SwaggerModule.createDocument(app, info);
}
