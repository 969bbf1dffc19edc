import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { errorCodes } from 'fastify';
import { Readable } from 'node:stream';

/**
 * Slack and Teams sign the exact bytes they send, so their routes need the raw body, whatever
 * parses JSON for the rest of the API and whether or not form bodies are accepted elsewhere.
 *
 * - A `preParsing` hook, only on `/api/integrations/slack/…` and `/api/integrations/teams/…`, reads
 *   the body (up to the body limit), keeps it as `request.rawBody`, and hands the same bytes on to
 *   whichever content-type parser runs next (Fastify's or Nest's JSON parser).
 * - Slack's slash commands and interactivity are `application/x-www-form-urlencoded`. Their parser
 *   returns the raw Buffer untouched: the Slack adapter parses it with URLSearchParams only after
 *   the signature is verified. Every other route answers a form body with 415, as for any type the
 *   API does not take. Registered through Nest's `useBodyParser`, which also stops Nest from adding
 *   its own global form parser at start-up.
 */
export type RawBodyRequest = { rawBody?: Buffer };

const SIGNED_ROUTES = /^\/api\/integrations\/(slack|teams)\//;

export function keepRawBodiesForIntegrations(app: NestFastifyApplication, bodyLimit: number): void {
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('preParsing', async (request, _reply, payload) => {
    if (!SIGNED_ROUTES.test(request.url)) return payload;
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of payload) {
      size += (chunk as Buffer).length;
      // Fastify's own errors, so the API answers them like any other 413 or 415.
      if (size > bodyLimit) throw new errorCodes.FST_ERR_CTP_BODY_TOO_LARGE();
      chunks.push(chunk as Buffer);
    }
    const raw = Buffer.concat(chunks);
    (request as unknown as RawBodyRequest).rawBody = raw;
    const again = Readable.from([raw]) as Readable & { receivedEncodedLength?: number };
    again.receivedEncodedLength = raw.length;
    return again;
  });
  app.useBodyParser('application/x-www-form-urlencoded', { bodyLimit }, (request, body, done) => {
    if (/^\/api\/integrations\/slack\//.test(request.url)) return done(null, body);
    done(new errorCodes.FST_ERR_CTP_INVALID_MEDIA_TYPE(String(request.headers['content-type'])), undefined);
  });
}
