/**
 * Builds the web app once before the browser tests (Jest globalSetup of the `browser` project), so
 * they run what `npm start` would serve. Vite takes about two seconds here.
 */
const { spawnSync } = require('node:child_process');
const { join } = require('node:path');

module.exports = function buildWebApp() {
  const root = join(__dirname, '..', '..', '..');
  const started = Date.now();
  const result = spawnSync(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', join(root, 'apps', 'web', 'vite.config.mts'), '--logLevel', 'warn'], {
    cwd: root,
    encoding: 'utf8',
    // Jest sets NODE_ENV=test, which would build Preact's development bundle.
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (result.status !== 0) throw new Error(`building the web app failed:\n${result.stdout}\n${result.stderr}`);
  if (process.env.SOLMU_BROWSER_DEBUG) console.log(`web app built in ${Date.now() - started} ms`);
};
