/**
 * No request stalls the server: while deliberately heavy analysis runs (weekly timelines of three
 * years and 20,000 interactions, and dynamic GEXF exports), /api/health and a
 * member's logging still answer at once, because the analysis runs on worker threads. With the
 * analysis on the main thread each ping here waited for all of it (seconds).
 */
import { EVENT_STORE, EventStore } from '@solmu/event-store';
import { v7 as uuid } from 'uuid';
import { aNetworkWithMembers, RunningSolmu, startSolmu } from './support/solmu-app';

const MEMBERS = 150;
const INTERACTIONS = 20_000;
const KINDS = ['acquainted', 'discussed', 'exchanged_information', 'explored_collaboration', 'co_developed'];

describe('responsiveness under analysis load', () => {
  let solmu: RunningSolmu;
  let networkId: string;
  let members: string[];

  beforeAll(async () => {
    solmu = await startSolmu();
    ({ networkId, members } = await aNetworkWithMembers(solmu, Array.from({ length: MEMBERS }, (_, i) => `Member ${i}`)));
    // Three years of interactions, written straight to the store (logging 20,000 through HTTP would
    // take minutes); the projections read them as they read any event.
    const store = solmu.app.get<EventStore>(EVENT_STORE);
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let batch = 0; batch < INTERACTIONS / 1000; batch++) {
      const events = Array.from({ length: 1000 }, (_, i) => {
        const a = Math.floor(random() * MEMBERS);
        const b = (a + 1 + Math.floor(random() * 12)) % MEMBERS;
        const day = Math.floor(((batch * 1000 + i) / INTERACTIONS) * 1095);
        return {
          id: uuid(),
          type: 'InteractionLogged',
          data: { networkId, interactionId: uuid(), kind: KINDS[Math.floor(random() * KINDS.length)], participants: [members[a], members[b]], occurredAt: new Date(Date.UTC(2024, 0, 3 + day, 10)).toISOString() },
          metadata: { actor: 'account:seed' },
        };
      });
      await store.append(`interaction-seed-${batch}`, events);
    }
  }, 120_000);
  afterAll(() => solmu.stop());

  it('answers /api/health and logs an interaction quickly while heavy analysis runs', async () => {
    const finished: number[] = [];
    const heavyStarted = performance.now();
    const heavy = ['cumulative', 'sliding:30', 'decay:14'].flatMap((window) => [
      solmu.request('GET', `/networks/${networkId}/timeline?interval=week&window=${window}`),
      solmu.request('GET', `/networks/${networkId}/export?format=gexf&window=${window}`),
    ]).map((request) =>
      request.then((answer) => {
        finished.push(performance.now());
        return answer;
      }),
    );
    // Let the heavy requests reach the analysis before measuring.
    await new Promise((resolve) => setTimeout(resolve, 100));

    const pings: number[] = [];
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      const health = await solmu.requestAs(undefined, 'GET', '/health');
      pings.push(performance.now() - started);
      expect(health.status).toBe(200);
    }
    const started = performance.now();
    const logged = await solmu.request('POST', `/networks/${networkId}/interactions`, { kind: 'discussed', participants: members.slice(0, 2), occurredAt: new Date().toISOString() });
    const logging = performance.now() - started;
    const measuredUntil = performance.now();

    const answers = await Promise.all(heavy);
    const heavyMs = performance.now() - heavyStarted;
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
    // The pings and the logging happened while the analysis was still busy: the test measured something.
    expect(Math.max(...finished)).toBeGreaterThan(measuredUntil);
    expect(heavyMs).toBeGreaterThan(1000);
    expect(logged.status).toBe(201);
    expect(Math.max(...pings)).toBeLessThan(200);
    expect(logging).toBeLessThan(200);
  }, 120_000);

  it('exports a network founded in 1900 (over 45,000 days) as GEXF at once, and names a bad interval', async () => {
    const old = await solmu.request('POST', '/networks', { name: 'Since 1900', foundedAt: '1900-01-01T00:00:00Z' });
    const ids: string[] = [];
    for (const name of ['Aino', 'Bo']) ids.push((await solmu.request('POST', `/networks/${old.body.id}/members`, { name, joinedAt: '1900-01-01T00:00:00Z' })).body.id);
    await solmu.request('POST', `/networks/${old.body.id}/interactions`, { kind: 'discussed', participants: ids, occurredAt: '1935-06-01T10:00:00Z' });
    for (const interval of ['', '&interval=week', '&interval=month']) {
      const started = performance.now();
      const gexf = await solmu.request('GET', `/networks/${old.body.id}/export?format=gexf&window=sliding:30${interval}`);
      expect(gexf.status).toBe(200);
      expect(performance.now() - started).toBeLessThan(2000);
      expect(gexf.body).toMatch(/<graph[^>]*start="1900-01-01"/);
      expect(gexf.body).toContain('<spell start="1935-06-01" end="1935-06-30"/>');
    }
    const bad = await solmu.request('GET', `/networks/${old.body.id}/export?format=gexf&interval=year`);
    expect(bad.status).toBe(400);
    expect(bad.body.problems[0].field).toBe('interval');
  });
});
