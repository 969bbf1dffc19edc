import { LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import fastifyCookie from '@fastify/cookie';
import { Logger } from '@nestjs/common';
import { loadEnvironment, SolmuConfig } from '@solmu/config';
import { FirstRun, setupLink } from '@solmu/identity';
import { randomUUID } from 'node:crypto';
import { AppModule, AppOptions } from './app.module';
import { DemoLoader } from './demo/demo-loader';
import { badUrlProblem } from './http/bad-url';
import { openApiDocument } from './http/openapi';
import { ProblemFilter } from './http/problem.filter';
import { useJsonBodiesOnly } from './http/json-body';
import { headersFor } from './http/security-headers';
import { TextRulePipe } from './http/text-rule.pipe';
import { SETUP_PAGE } from './pages/setup.page';
import { serveWebApp } from './web/web-app';
import { requestValidationPipe } from './http/validation';
import { keepRawBodiesForIntegrations } from './integrations/raw-body';
import { acceptImportUploads } from './imports/multipart';

const LEVELS: LogLevel[] = ['error', 'warn', 'log', 'debug', 'verbose'];

/**
 * Builds the HTTP application (used by main.ts and by the e2e tests, so both run the same app):
 * Fastify with a body limit, request ids, validation, the problem filter and OpenAPI at /api/docs.
 */
export async function createApp(options: AppOptions = {}): Promise<NestFastifyApplication> {
  const config = new SolmuConfig(loadEnvironment(options.env ?? process.env));
  const adapter = new FastifyAdapter({
    bodyLimit: config.bodyLimit,
    genReqId: (request: { headers: Record<string, string | string[] | undefined> }) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,100}$/.test(given) ? given : randomUUID();
    },
    // A path Fastify's router cannot decode never reaches Nest's filter: answer in our shape here.
    frameworkErrors: (error: Error & { code?: string }, _request: unknown, reply: { code(status: number): { header(name: string, value: string): { send(body: never): unknown } } }) =>
      void reply.code(400).header('content-type', 'application/json; charset=utf-8').send(badUrlProblem(error) as never),
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(options), adapter, {
    logger: LEVELS.slice(0, LEVELS.indexOf(config.logLevel) + 1),
    // Nest's own parsers would add form bodies; json-body.ts registers the one parser we want.
    bodyParser: false,
  });
  useJsonBodiesOnly(app, config.bodyLimit);
  // The plugin's types name a different copy of Fastify than Nest's adapter; the runtime is the same.
  await app.register(fastifyCookie as never);
  app.getHttpAdapter().getInstance().addHook('onRequest', (request, reply, done) => {
    void reply.headers(headersFor(request.url));
    done();
  });
  app.setGlobalPrefix('api');
  // The first-run set-up page, outside the API (and outside its authentication): plain files.
  const fastify = app.getHttpAdapter().getInstance();
  for (const [path, type, body] of SETUP_PAGE) fastify.get(path, (_request, reply) => void reply.type(type).send(body));
  if ((await serveWebApp(app, options.webRoot)) === 'not_built') new Logger('Solmu').warn('The web app is not built (dist/web): `npm run build` builds it.');
  app.useGlobalPipes(new TextRulePipe(), requestValidationPipe());
  app.useGlobalFilters(new ProblemFilter());
  app.enableShutdownHooks();
  // Slack and Teams sign raw bytes: their routes keep them (and only Slack's routes take form bodies).
  keepRawBodiesForIntegrations(app, config.bodyLimit);
  await acceptImportUploads(app, config.importLimit);
  SwaggerModule.setup('api/docs', app, () => openApiDocument(app), { jsonDocumentUrl: 'api/docs/openapi.json' });
  await announceFirstRun(app, config);
  await offerDemo(app, options.demo ?? false);
  return app;
}

/** An empty store offers the demo network; `npm start -- --demo` (or `npm run demo`) loads it. */
async function offerDemo(app: NestFastifyApplication, wanted: boolean): Promise<void> {
  const demo = app.get(DemoLoader);
  const logger = new Logger('Solmu');
  if (!(await demo.isStoreEmpty())) {
    if (wanted) logger.warn('The store already holds data, so the demo network was not loaded.');
    return;
  }
  if (!wanted) {
    logger.log('The store is empty. To explore Solmu with a simulated 18-month network, start it with `npm start -- --demo`.');
    return;
  }
  await app.init();
  const networkId = await demo.load();
  logger.log(`Demo network ready: /api/networks/${networkId}/timeline?interval=month&window=sliding:180`);
}

/** The first administrator comes from the environment, or from a one-time link printed here. */
async function announceFirstRun(app: NestFastifyApplication, config: SolmuConfig): Promise<void> {
  const outcome = await app.get(FirstRun).ensure(config.firstAdministrator);
  const logger = new Logger('Solmu');
  if (outcome.kind === 'admin_created') logger.log(`Created the first administrator, ${outcome.account.email}`);
  if (outcome.kind === 'setup_required') {
    // A one-time secret: shown on the console of whoever started Solmu, to create the first administrator.
    logger.warn(`No administrator yet. Open this one-time link to create one: ${setupLink(config.publicUrl, outcome.setupToken)}`);
  }
}
