/**
 * Three test tiers picked by file suffix (see README "Tests"):
 *   unit  — *.spec.ts beside the code, pure and fast;
 *   int   — *.int-spec.ts against real adapters (SQLite files, PostgreSQL, child processes);
 *   e2e   — test/e2e/*.e2e-spec.ts against the running app over HTTP;
 *   browser — test/browser/*.browser-spec.ts: headless Chromium (playwright-core) on the web app,
 *             built once by the project's globalSetup, served by the real app on a real SQLite file.
 * The int and e2e tiers share one throwaway PostgreSQL server started by their global set-up
 * (or the one SOLMU_TEST_DATABASE_URL names); each suite makes its own database on it.
 * SWC transpiles (with decorator metadata for Nest); `npm run typecheck` is a test of its own.
 */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

const shared = {
  transform: { '^.+\\.(t|j)s$': swc },
  // A few dependencies ship only ES modules (Node 20 can require them; Jest cannot): compile those.
  transformIgnorePatterns: ['/node_modules/(?!(content-disposition|openid-client|oauth4webapi|jose)/)'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: {
    '^@solmu/([^/]+)/(.+)$': '<rootDir>/libs/$1/src/$2',
    '^@solmu/([^/]+)$': '<rootDir>/libs/$1/src',
  },
  testEnvironment: 'node',
};

const withPostgres = {
  globalSetup: '<rootDir>/libs/testing/src/postgres/jest-global-setup.ts',
  globalTeardown: '<rootDir>/libs/testing/src/postgres/jest-global-teardown.ts',
};

module.exports = {
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,test}/**/*.spec.ts'] },
    { ...shared, ...withPostgres, displayName: 'int', testMatch: ['<rootDir>/{apps,libs,test}/**/*.int-spec.ts'] },
    { ...shared, ...withPostgres, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'] },
    {
      ...shared,
      displayName: 'browser',
      testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'],
      globalSetup: '<rootDir>/test/browser/support/build-web-app.js',
      // testTimeout is not a per-project option; this file sets it for the browser tests only.
      setupFilesAfterEnv: ['<rootDir>/test/browser/support/timeout.ts'],
    },
  ],
};
