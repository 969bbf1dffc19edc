/**
 * The architecture's rules, checked by a tool rather than by review (after Sairyss's
 * domain-driven-hexagon). Run with `npm run deps:validate`; `test/architecture/` runs it in Jest.
 * Arrows point inward: apps → libs; the domain and the analysis know no framework or database.
 */
/** Packages are matched by their resolved path under node_modules. */
const pkg = (name) => `(^|node_modules/)${name}(/|$)`;
const FRAMEWORKS_AND_IO = [
  pkg('@nestjs/[^/]+'),
  pkg('class-validator'),
  pkg('class-transformer'),
  pkg('@eventstore/[^/]+'),
  pkg('better-sqlite3'),
  pkg('pg'),
  pkg('pg-[^/]+'),
  pkg('fastify'),
  pkg('@fastify/[^/]+'),
  '^(node:)?(fs|net|http|https|child_process|dgram|worker_threads)$',
];

module.exports = {
  forbidden: [
    {
      name: 'web-app-is-thin',
      comment: 'The web app calls the API through its generated client; it holds no business rule of the libraries.',
      severity: 'error',
      from: { path: '^apps/web/src/' },
      to: { path: '^(libs|apps/api)/' },
    },
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
    {
      name: 'libs-never-import-apps',
      comment: 'Libraries hold the substance; apps are thin driving adapters around them.',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'apps-use-lib-indexes',
      comment: 'Apps import a library only through its public face (@solmu/<lib>), never its insides.',
      severity: 'error',
      from: { path: '^apps/' },
      to: { path: '^libs/[^/]+/src/', pathNot: ['^libs/[^/]+/src/(index|published)\\.ts$'] },
    },
    {
      name: 'libs-use-other-lib-indexes',
      comment: 'A library reaches another only through its index (or the published language of network).',
      severity: 'error',
      from: { path: '^libs/([^/]+)/' },
      to: { path: '^libs/', pathNot: ['^libs/$1/', '^libs/[^/]+/src/(index|published)\\.ts$', '^libs/[^/]+/src/testing/index\\.ts$'] },
    },
    {
      name: 'kernel-imports-nothing',
      comment: 'The shared kernel stays tiny and dependency-free (uuid for ids is its one exception).',
      severity: 'error',
      from: { path: '^libs/kernel/' },
      to: { pathNot: ['^libs/kernel/', pkg('uuid')] },
    },
    {
      name: 'domain-and-analysis-are-framework-free',
      comment: 'The network domain and the analysis are pure TypeScript: no Nest, validation, database or I/O.',
      severity: 'error',
      from: { path: ['^libs/network/src/domain/', '^libs/network/src/published\\.ts$', '^libs/analysis/'], pathNot: ['\\.spec\\.ts$', '/src/testing/'] },
      to: { path: FRAMEWORKS_AND_IO, dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'domain-and-analysis-import-no-app-layers',
      comment: 'The domain does not know the application layer, projections or the event store.',
      severity: 'error',
      from: { path: ['^libs/network/src/domain/', '^libs/analysis/'], pathNot: '\\.spec\\.ts$' },
      to: { path: ['^libs/network/src/application/', '^libs/network/src/index\\.ts$', '^libs/projections/', '^libs/event-store/', '^libs/config/'] },
    },
    {
      name: 'integrations-core-is-framework-free',
      comment: 'Signatures, the chat grammar, the manifest and the integration decider are pure TypeScript (node:crypto allowed): no Nest, no I/O, no application layer.',
      severity: 'error',
      from: { path: '^libs/integrations/src/(core|slack|teams|imports)/', pathNot: '\\.spec\\.ts$' },
      to: { path: [...FRAMEWORKS_AND_IO, '^libs/integrations/src/application/', '^libs/(event-store|projections|privacy|config|identity)/', '^libs/network/src/(index|application/)'] },
    },
    {
      name: 'write-side-knows-no-read-side',
      comment: 'network publishes events; it imports neither the analysis nor the projections.',
      severity: 'error',
      from: { path: '^libs/network/' },
      to: { path: ['^libs/analysis/', '^libs/projections/'] },
    },
    {
      name: 'only-the-esdb-adapter-imports-its-client',
      severity: 'error',
      from: { pathNot: '^libs/event-store/src/adapters/esdb/' },
      to: { path: pkg('@eventstore/[^/]+') },
    },
    {
      name: 'only-the-sqlite-adapter-imports-better-sqlite3',
      comment: 'SQLite is reached only through adapters: the event store, the key store, the identity store and the webhook store.',
      severity: 'error',
      from: { pathNot: ['^libs/event-store/src/adapters/sqlite/', '^libs/privacy/src/adapters/sqlite-', '^libs/identity/src/adapters/sqlite-', '^libs/webhooks/src/adapters/sqlite-'] },
      to: { path: pkg('better-sqlite3') },
    },
    {
      name: 'only-the-postgres-adapters-import-pg',
      comment: 'PostgreSQL is reached only through adapters (events, keys, identity, webhooks) and the test harness that starts a server.',
      severity: 'error',
      from: {
        pathNot: [
          '^libs/event-store/src/adapters/postgres/',
          '^libs/privacy/src/adapters/postgres-',
          '^libs/identity/src/adapters/postgres-',
          '^libs/webhooks/src/adapters/postgres-',
          '^libs/testing/src/postgres/',
          '\\.(int-spec|e2e-spec)\\.ts$',
        ],
      },
      to: { path: [pkg('pg'), pkg('pg-[^/]+')] },
    },
    {
      name: 'testing-only-in-tests',
      comment: 'The testing library (mothers, specifications, contract suites) is for tests only.',
      severity: 'error',
      from: { pathNot: ['\\.(spec|int-spec|e2e-spec)\\.ts$', '^test/', '^libs/testing/', '^libs/[^/]+/src/testing/', '\\.child\\.ts$'] },
      to: { path: ['^libs/testing/', '^libs/[^/]+/src/testing/'] },
    },
    {
      name: 'http-stays-in-the-api-app',
      comment: 'HTTP (Fastify, HTTP exceptions, swagger) belongs to apps/api; libraries raise domain errors.',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: [pkg('fastify'), pkg('@fastify/[^/]+'), pkg('@nestjs/swagger'), pkg('@nestjs/platform-[^/]+')] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^dist/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
