import { BadRequestException } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { problem } from './problem';

/**
 * No request body of ours nests deeper than a few levels; past this, a body is an attack on the
 * recursive code behind the parser (class-transformer overflows its stack at a few thousand).
 */
export const MAX_BODY_DEPTH = 32;

/**
 * Whether JSON text nests arrays and objects deeper than `max`. Counts brackets outside strings in
 * one pass over the text, before anything parses it, so the cost is the body's length and no stack.
 */
export function nestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i += 1; // a backslash escapes the next character, a quote included
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      depth += 1;
      if (depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) depth -= 1;
  }
  return false;
}

/**
 * The API's only body parser: JSON, within the body limit. Every other media type (forms, text) is
 * left without a parser, so Fastify answers 415. An empty JSON body means "no fields" (many clients
 * send `Content-Type: application/json` on every request, bodiless POSTs included); a body nested
 * deeper than MAX_BODY_DEPTH is a 400 naming `body`; the rest is Fastify's own parser, which also
 * refuses `__proto__` and `constructor.prototype` keys.
 */
export function useJsonBodiesOnly(app: NestFastifyApplication, bodyLimit: number): void {
  const fastify = app.getHttpAdapter().getInstance();
  for (const type of ['application/json', 'text/plain', 'application/x-www-form-urlencoded']) {
    if (fastify.hasContentTypeParser(type)) fastify.removeContentTypeParser(type);
  }
  const parse = fastify.getDefaultJsonParser('error', 'error');
  fastify.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit }, (request, body, done) => {
    const text = body as string;
    if (text.trim() === '') return done(null, {});
    if (nestsDeeperThan(text, MAX_BODY_DEPTH)) {
      return done(new BadRequestException(problem(400, 'invalid_request', [{ field: 'body', problem: `nests deeper than ${MAX_BODY_DEPTH} levels` }])), undefined);
    }
    parse(request, text, done);
  });
}
