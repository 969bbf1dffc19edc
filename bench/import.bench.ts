/**
 * Import rate: a 100,000-row interactions CSV (`--quick`: 10,000) between 200 members, in Finnish
 * (`;`, BOM, D.M.YYYY, Finnish kind words), sent over HTTP to the API running in this process on a
 * fresh SQLite file. Prints rows/s for the dry run (read, plan, every row through the deciders, report)
 * and for the commit as a background job, polled until done (every row through LogInteraction with its
 * idempotency key), then commits the same file again, which must add
 * no event.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../apps/api/src/bootstrap';
import { EVENT_STORE, EventStore } from '../libs/event-store/src';
import { fmt } from './stats';

const MEMBERS = 200;
const KINDS = ['tutustuttiin', 'keskusteltiin', 'vaihdettiin tietoa', 'met', 'discussed', 'co_developed'];
const ADMIN = { email: 'bench@solmu.test', password: 'a long enough bench password' };

export async function run(): Promise<void> {
  const rows = process.argv.includes('--quick') ? 10_000 : 100_000;
  const dir = mkdtempSync(join(tmpdir(), 'solmu-import-bench-'));
  const app = await createApp({
    env: { SOLMU_DB: join(dir, 'solmu.db'), LOG_LEVEL: 'warn', SOLMU_ADMIN_EMAIL: ADMIN.email, SOLMU_ADMIN_PASSWORD: ADMIN.password, SOLMU_ADMIN_NAME: 'Bench' },
  });
  await app.listen(0, '127.0.0.1');
  const url = `${await app.getUrl()}/api`;
  try {
    const token = ((await (await fetch(`${url}/auth/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) })).json()) as { token: string }).token;
    const json = async (method: string, path: string, body: unknown): Promise<any> =>
      (await fetch(`${url}${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) })).json();
    const network = await json('POST', '/networks', { name: 'Import bench', foundedAt: '2020-01-01' });
    const names = Array.from({ length: MEMBERS }, (_, i) => `Jäsen ${i + 1}`);
    const members = `\uFEFFnimi;liittyi\r\n${names.map((n) => `${n};1.1.2020`).join('\r\n')}\r\n`;
    await upload(url, token, network.id, '?commit=true', members);

    const lines = ['\uFEFFlaji;päivämäärä;osallistujat;muistiinpano'];
    for (let i = 0; i < rows; i += 1) {
      const a = i % MEMBERS;
      const b = (a + 1 + ((i * 7) % (MEMBERS - 1))) % MEMBERS;
      const day = new Date(Date.UTC(2021, 0, 1) + (i % 1000) * 86_400_000);
      lines.push(`${KINDS[i % KINDS.length]};${day.getUTCDate()}.${day.getUTCMonth() + 1}.${day.getUTCFullYear()};${names[a]}|${names[b]};rivi ${i + 2}`);
    }
    const file = `${lines.join('\r\n')}\r\n`;
    console.log(`${fmt(rows)} rows, ${fmt(Buffer.byteLength(file) / 1024 / 1024)} MB`);

    const store = app.get<EventStore>(EVENT_STORE);
    // Commits run as background jobs (what a large file calls for; one HTTP request would outlast client time-outs).
    for (const [label, query] of [['dry run', ''], ['commit', '?commit=true&background=true'], ['commit again (no new events)', '?commit=true&background=true']] as const) {
      const before = (await store.headPosition())?.toString();
      const started = performance.now();
      const report = await finished(url, token, network.id, await upload(url, token, network.id, query, file));
      const seconds = (performance.now() - started) / 1000;
      if (report.problems?.length) throw new Error(`the bench file has problems: ${JSON.stringify(report.problems.slice(0, 3))}`);
      const after = (await store.headPosition())?.toString();
      console.log(`${label.padEnd(30)} ${fmt(rows / seconds).padStart(8)} rows/s  (${seconds.toFixed(1)} s${label.includes('again') ? `, store head ${before === after ? 'unchanged' : `MOVED ${before} → ${after}`}` : ''})`);
    }
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The report, once a background job has ended. */
async function finished(url: string, token: string, networkId: string, report: any): Promise<any> {
  if (!report.job) return report;
  for (;;) {
    const job = (await (await fetch(`${url}/networks/${networkId}/imports/jobs/${report.job.id}`, { headers: { authorization: `Bearer ${token}` } })).json()) as any;
    if (job.status !== 'running') {
      if (job.status !== 'done') throw new Error(`the import job ended ${job.status}: ${JSON.stringify(job.report?.problems?.slice(0, 3))}`);
      return job.report;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function upload(url: string, token: string, networkId: string, query: string, text: string) {
  const form = new FormData();
  form.append('file', new Blob([text]), 'import.csv');
  const response = await fetch(`${url}/networks/${networkId}/imports${query}`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  const body = (await response.json()) as any;
  if (!response.ok) throw new Error(`import answered ${response.status}: ${JSON.stringify(body)}`);
  return body;
}
