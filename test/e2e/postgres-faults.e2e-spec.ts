import { createTestDatabase, startThrowawayPostgres, TestDatabase, ThrowawayPostgres } from '@solmu/testing';
import { Client } from 'pg';
import { ADMIN, Answer } from './support/solmu-app';
import { SolmuProcess, startSolmuProcess } from './support/solmu-process';

/**
 * Faults on PostgreSQL, end to end: Solmu killed with SIGKILL while clients stream interactions,
 * and the database stopped with `pg_ctl stop -m immediate` under the same stream and started again.
 * Clients send every interaction with an Idempotency-Key and retry what was not acknowledged with
 * the same key, as a well-behaved client does. What must hold: every acknowledged interaction is in
 * the store exactly once (read directly) and in the read models (through the API), retries never
 * duplicate, and while the database is down the answer is 503 with Retry-After, never a 500.
 */

const env = (url: string) => ({ SOLMU_DATABASE_URL: url, SOLMU_ADMIN_EMAIL: ADMIN.email, SOLMU_ADMIN_PASSWORD: ADMIN.password, SOLMU_ADMIN_NAME: ADMIN.name });
const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));

interface Sent {
  key: string;
  body: Record<string, unknown>;
  /** The interaction id of the answer, once one was acknowledged (201 or 200). */
  id?: string;
}

/** Every status the clients saw, with whether a 503 carried Retry-After. */
class Seen {
  readonly statuses = new Map<string, number>();
  readonly without503RetryAfter: string[] = [];
  note(what: string, answer: Answer | 'no answer'): void {
    const label = `${what} ${answer === 'no answer' ? answer : answer.status}`;
    this.statuses.set(label, (this.statuses.get(label) ?? 0) + 1);
    if (answer !== 'no answer' && answer.status === 503 && !/^\d+$/.test(answer.headers.get('retry-after') ?? '')) this.without503RetryAfter.push(label);
  }
  count(predicate: (label: string) => boolean): number {
    return [...this.statuses].filter(([label]) => predicate(label)).reduce((n, [, c]) => n + c, 0);
  }
  /** Labels whose status is neither a success nor 503 (a request that got no answer is not one). */
  unexpected(): string[] {
    return [...this.statuses.keys()].filter((label) => !/ (200|201|503|no answer)$/.test(label));
  }
}

async function signIn(instance: SolmuProcess): Promise<string> {
  const answer = await instance.requestAs(undefined, 'POST', '/auth/token', { email: ADMIN.email, password: ADMIN.password });
  if (answer.status !== 201) throw new Error(`sign-in failed: ${answer.status} ${JSON.stringify(answer.body)}\n${instance.output()}`);
  return answer.body.token;
}

async function aNetwork(instance: SolmuProcess, token: string): Promise<{ networkId: string; members: string[] }> {
  const network = await instance.requestAs(token, 'POST', '/networks', { name: 'Faults', foundedAt: '2024-01-01T00:00:00Z' });
  expect(network.status).toBe(201);
  const members: string[] = [];
  for (const name of ['Aino', 'Eino', 'Ilona', 'Oona', 'Ukko']) {
    const member = await instance.requestAs(token, 'POST', `/networks/${network.body.id}/members`, { name, joinedAt: '2024-01-02T00:00:00Z' });
    expect(member.status).toBe(201);
    members.push(member.body.id);
  }
  return { networkId: network.body.id, members };
}

function interaction(members: string[], writer: number, i: number): Record<string, unknown> {
  const a = (writer + i) % members.length;
  const b = (a + 1 + (i % (members.length - 1))) % members.length;
  const day = String(1 + (i % 28)).padStart(2, '0');
  // The note is personal data: each write also goes through the key store in the same database.
  return { kind: 'co_developed', participants: [members[a], members[b]], occurredAt: `2024-03-${day}T10:00:00Z`, note: `Writer ${writer}, item ${i}` };
}

/** Sends one interaction; an answer 200/201 acknowledges it. */
async function send(instance: SolmuProcess, token: string, networkId: string, sent: Sent, seen: Seen): Promise<boolean> {
  let answer: Answer;
  try {
    answer = await instance.requestAs(token, 'POST', `/networks/${networkId}/interactions`, sent.body, { 'Idempotency-Key': sent.key });
  } catch {
    seen.note('write', 'no answer');
    return false;
  }
  seen.note('write', answer);
  if (answer.status !== 200 && answer.status !== 201) return false;
  if (sent.id !== undefined && sent.id !== answer.body.id) throw new Error(`key ${sent.key} answered ${answer.body.id}, earlier ${sent.id}`);
  sent.id = answer.body.id;
  return true;
}

/** Every interaction the API lists for the network, following the cursor. */
async function listedIds(instance: SolmuProcess, token: string, networkId: string): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await instance.requestAs(token, 'GET', `/networks/${networkId}/interactions?limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(page.status).toBe(200);
    ids.push(...page.body.interactions.map((i: { id: string }) => i.id));
    cursor = page.body.nextCursor;
  } while (cursor);
  return ids;
}

/** How many InteractionLogged events the store holds per interaction id, read straight from PostgreSQL. */
async function storedCounts(url: string): Promise<Map<string, number>> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string; n: number }>(
      `SELECT data->>'interactionId' AS id, count(*)::int AS n FROM events WHERE type = 'InteractionLogged' GROUP BY 1`,
    );
    return new Map(rows.map((row) => [row.id, row.n]));
  } finally {
    await client.end();
  }
}

const countOf = (ids: string[]) => ids.reduce((m, id) => m.set(id, (m.get(id) ?? 0) + 1), new Map<string, number>());

describe('Solmu on PostgreSQL under faults', () => {
  describe('killed with SIGKILL while clients stream interactions', () => {
    let db: TestDatabase;
    let solmu: SolmuProcess | undefined;

    beforeAll(async () => (db = await createTestDatabase('crash')));
    afterAll(async () => {
      await solmu?.stop();
      await db?.drop();
    });

    it('keeps every acknowledged interaction exactly once, and retries with the same key land on it', async () => {
      solmu = await startSolmuProcess(env(db.url));
      const token = await signIn(solmu);
      const { networkId, members } = await aNetwork(solmu, token);
      const seen = new Seen();
      const sent: Sent[] = [];
      let killed = false;
      const acked = () => sent.filter((s) => s.id !== undefined).length;

      // Eight clients write until the process dies under them; the kill comes while they have requests in flight.
      const running = solmu;
      const writers = Array.from({ length: 8 }, async (_, w) => {
        for (let i = 0; !killed; i += 1) {
          const item: Sent = { key: `crash-${w}-${i}`, body: interaction(members, w, i) };
          sent.push(item);
          await send(running, token, networkId, item, seen);
        }
      });
      while (acked() < 200) await pause(10);
      killed = true;
      await running.kill();
      await Promise.all(writers);
      const acknowledged = sent.filter((s) => s.id !== undefined);
      const unacknowledged = sent.filter((s) => s.id === undefined);
      // Some requests were in flight at the kill: their clients never heard back.
      expect(unacknowledged.length).toBeGreaterThan(0);
      expect(seen.unexpected()).toEqual([]);

      // Nothing acknowledged was lost, nothing is there twice: straight from the store…
      const afterCrash = await storedCounts(db.url);
      expect(acknowledged.filter((s) => afterCrash.get(s.id!) !== 1).map((s) => s.key)).toEqual([]);
      expect([...afterCrash.values()].every((n) => n === 1)).toBe(true);

      // …and after a restart the clients retry everything with the same keys.
      solmu = await startSolmuProcess(env(db.url));
      const again = solmu;
      const firstIds = new Map(acknowledged.map((s) => [s.key, s.id]));
      for (const item of sent) expect(await send(again, token, networkId, item, seen)).toBe(true);
      // An acknowledged request retried gets its first answer; an unacknowledged one is written once.
      expect(acknowledged.filter((s) => s.id !== firstIds.get(s.key)).map((s) => s.key)).toEqual([]);
      expect(seen.unexpected()).toEqual([]);

      const stored = await storedCounts(db.url);
      const ids = sent.map((s) => s.id!);
      expect(new Set(ids).size).toBe(sent.length);
      expect(ids.filter((id) => stored.get(id) !== 1)).toEqual([]);
      expect(stored.size).toBe(sent.length);
      const listed = countOf(await listedIds(again, token, networkId));
      expect(ids.filter((id) => listed.get(id) !== 1)).toEqual([]);
      expect(listed.size).toBe(sent.length);
    }, 180_000);
  });

  describe('the database stopped with pg_ctl stop -m immediate and started again, two instances', () => {
    let server: ThrowawayPostgres;
    let url: string;
    let a: SolmuProcess | undefined;
    let b: SolmuProcess | undefined;

    beforeAll(async () => {
      // A server of its own: stopping the one the other suites share would fail them.
      server = await startThrowawayPostgres({ fsync: true });
      const admin = new Client({ connectionString: server.url });
      await admin.connect();
      await admin.query('CREATE DATABASE solmu_test_outage');
      await admin.end();
      url = server.url.replace(/\/postgres$/, '/solmu_test_outage');
    });
    afterAll(async () => {
      await Promise.all([a?.stop(), b?.stop()]);
      server?.stop();
    });

    it('answers 503 with Retry-After while it is down, reconnects by itself, and loses or repeats nothing', async () => {
      a = await startSolmuProcess(env(url));
      b = await startSolmuProcess(env(url));
      const instances = [a, b];
      const token = await signIn(a);
      const { networkId, members } = await aNetwork(a, token);
      const seen = new Seen();
      const sent: Sent[] = [];
      let phase: 'before' | 'down' | 'back' | 'done' = 'before';
      // A function, so TypeScript does not narrow `phase` inside the loops that other code changes it under.
      const over = () => phase === 'done';
      const ackedIn = { before: 0, down: 0, back: [0, 0] };

      // Six writers, three per instance. A write that is not acknowledged is sent again with the
      // same key (after the 503's Retry-After, shortened here) until it is.
      const writers = Array.from({ length: 6 }, async (_, w) => {
        const on = w % 2;
        for (let i = 0; !over(); i += 1) {
          const item: Sent = { key: `outage-${w}-${i}`, body: interaction(members, w, i) };
          sent.push(item);
          let acked = await send(instances[on], token, networkId, item, seen);
          while (!acked && !over()) {
            await pause(100);
            acked = await send(instances[on], token, networkId, item, seen);
          }
          if (!acked) break;
          if (phase === 'back') ackedIn.back[on] += 1;
          else if (phase === 'before') ackedIn.before += 1;
          else ackedIn.down += 1;
        }
      });
      // Readers on both instances: the interaction list and readiness, labelled by phase.
      const readers = instances.map(async (instance) => {
        while (!over()) {
          for (const [what, path] of [
            ['read', `/networks/${networkId}/interactions?limit=5`],
            ['health', '/health'],
          ]) {
            const label = `${what} ${phase}`;
            try {
              seen.note(label, await instance.requestAs(token, 'GET', path));
            } catch {
              seen.note(label, 'no answer');
            }
          }
          await pause(50);
        }
      });

      while (ackedIn.before < 60) await pause(10);
      server.halt();
      phase = 'down';
      await pause(3000);
      server.resume();
      phase = 'back';
      // Both instances take writes again by themselves, with nobody restarting them.
      const deadline = Date.now() + 60_000;
      while ((ackedIn.back[0] < 40 || ackedIn.back[1] < 40) && Date.now() < deadline && instances.every((i) => i.alive())) await pause(20);
      phase = 'done';
      await Promise.all([...writers, ...readers]);
      const outputs = () => instances.map((instance, i) => `--- instance ${i}:\n${instance.output()}`).join('\n');
      // Neither process went away (an unheard 'error' from a dropped pool connection would end it).
      if (!instances.every((i) => i.alive())) throw new Error(`an instance died:\n${outputs()}`);
      expect(ackedIn.back.every((n) => n >= 40)).toBe(true);

      // While the database was down: writes, reads and readiness all answered 503 with Retry-After; never a 500.
      expect(seen.unexpected()).toEqual([]);
      // Neither process went away: every request got an answer.
      expect(seen.count((label) => label.endsWith('no answer'))).toBe(0);
      expect(seen.without503RetryAfter).toEqual([]);
      expect(seen.count((label) => label === 'write 503')).toBeGreaterThan(0);
      expect(seen.count((label) => label === 'read down 503')).toBeGreaterThan(0);
      expect(seen.count((label) => label === 'health down 503')).toBeGreaterThan(0);
      expect(seen.count((label) => label === 'read down 200' || label === 'health down 200')).toBe(0);
      expect(seen.count((label) => label === 'health back 200')).toBeGreaterThan(0);
      expect(outputs()).not.toMatch(/Unhandled|uncaught|ERROR \[HTTP\]/i);

      // Every acknowledged interaction exactly once in the store, and nothing else (retries never duplicate)…
      const stored = await storedCounts(url);
      const ids = sent.map((s) => s.id!);
      expect(ids.filter((id) => id === undefined || stored.get(id) !== 1)).toEqual([]);
      expect(stored.size).toBe(sent.length);
      // …and in both instances' read models: each one's subscription resumed from its position,
      // so neither missed what it or the other instance wrote around the outage.
      for (const instance of instances) {
        const listed = countOf(await listedIds(instance, token, networkId));
        expect(ids.filter((id) => listed.get(id) !== 1)).toEqual([]);
        expect(listed.size).toBe(sent.length);
      }
    }, 240_000);
  });
});
