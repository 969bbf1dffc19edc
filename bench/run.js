#!/usr/bin/env node
/**
 * `npm run bench [-- <name>… [--option]]`: runs the benchmarks and prints their figures. Each benchmark is a
 * TypeScript module in this folder exporting `run(): Promise<void>`; they run one after another in
 * this process (the HTTP benchmark starts the server as a child process).
 */
require('../tools/register-ts.js');
const os = require('node:os');

const BENCHMARKS = {
  store: './event-store.bench.ts',
  http: './http.bench.ts',
  analysis: './analysis-measures.bench.ts',
  pipeline: './analysis-pipeline.bench.ts',
  responsiveness: './responsiveness.bench.ts',
  import: './import.bench.ts',
  web: './web.bench.ts',
};

async function main() {
  // Options (`--quick`) are for the benchmarks themselves, which read process.argv.
  const wanted = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
  const names = wanted.length ? wanted : Object.keys(BENCHMARKS);
  const unknown = names.filter((n) => !BENCHMARKS[n]);
  if (unknown.length) {
    console.error(`Unknown benchmark(s): ${unknown.join(', ')}. Available: ${Object.keys(BENCHMARKS).join(', ')}`);
    process.exit(2);
  }
  console.log(`Solmu benchmarks — ${os.cpus().length} × ${os.cpus()[0].model.trim()}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
  for (const name of names) {
    console.log(`\n== ${name} ==`);
    await require(BENCHMARKS[name]).run();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
