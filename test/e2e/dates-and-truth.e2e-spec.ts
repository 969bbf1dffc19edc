import { davis, womanId } from '../fixtures/davis-southern-women';
import { aNetworkWithMembers, RunningSolmu, startSolmu } from './support/solmu-app';

/** The Davis Southern Women network through the API: founded 1 September 1935, one interaction per social event. */
async function davisNetwork(solmu: RunningSolmu): Promise<string> {
  const network = await solmu.request('POST', '/networks', { name: 'Southern Women', foundedAt: davis.foundedAt, timeZone: 'UTC' });
  const ids = new Map<string, string>();
  for (const name of davis.women) {
    const member = await solmu.request('POST', `/networks/${network.body.id}/members`, { name, joinedAt: davis.foundedAt });
    ids.set(womanId(name), member.body.id);
  }
  for (const event of davis.events) {
    const logged = await solmu.request('POST', `/networks/${network.body.id}/interactions`, {
      kind: 'discussed',
      participants: event.attendees.map((name) => ids.get(womanId(name))),
      occurredAt: `${event.date}T12:00:00Z`,
    });
    if (logged.status !== 201) throw new Error(JSON.stringify(logged.body));
  }
  return network.body.id;
}

describe('dates, zones and the truth of the analysis', () => {
  let solmu: RunningSolmu;
  let davisId: string;
  beforeAll(async () => {
    solmu = await startSolmu();
    davisId = await davisNetwork(solmu);
  }, 60_000);
  afterAll(() => solmu.stop());

  it.each(['2024-W23', '2024-060', '20240601T100000Z', '2024-06-01T10:00:00,5Z', '1799-12-31', '2024-02-30', 'yesterday'])(
    'refuses from=%s with a 400 naming the field, on every route that takes dates',
    async (value) => {
      const q = encodeURIComponent(value);
      const answers = [
        [await solmu.request('GET', `/networks/${davisId}/interactions?from=${q}`), 'from'],
        [await solmu.request('GET', `/networks/${davisId}/interactions?to=${q}`), 'to'],
        [await solmu.request('GET', `/networks/${davisId}/timeline?from=${q}`), 'from'],
        [await solmu.request('GET', `/networks/${davisId}/graph?at=${q}`), 'at'],
        [await solmu.request('GET', `/networks/${davisId}/tips?at=${q}`), 'at'],
        [await solmu.request('POST', '/networks', { name: 'X', foundedAt: value }), 'foundedAt'],
        [await solmu.request('POST', `/networks/${davisId}/members`, { name: 'Y', joinedAt: value }), 'joinedAt'],
        [await solmu.request('POST', `/networks/${davisId}/interventions`, { kind: 'event', title: 'Z', occurredAt: value }), 'occurredAt'],
      ] as const;
      for (const [answer, field] of answers) {
        expect([answer.status, answer.body.code, answer.body.problems[0].field]).toEqual([400, 'invalid_date', field]);
      }
    },
  );

  it('reads a date alone as the end of that day for `at` and echoes the instant used', async () => {
    // E5 took place on 25 February 1936 (at noon): "the network on 25 February" includes it.
    const dated = await solmu.request('GET', `/networks/${davisId}/graph?at=1936-02-25`);
    const morning = await solmu.request('GET', `/networks/${davisId}/graph?at=1936-02-25T00:00:00Z`);
    expect(dated.status).toBe(200);
    expect([dated.body.at, dated.body.timeZone]).toEqual(['1936-02-25T23:59:59.999Z', 'UTC']);
    expect(dated.body.measures.ties).toBeGreaterThan(morning.body.measures.ties);
    const tips = await solmu.request('GET', `/networks/${davisId}/tips?at=1936-02-25`);
    expect(tips.body.at).toBe('1936-02-25T23:59:59.999Z');
  });

  it('gives a month the same phase whatever `from` is asked', async () => {
    const phaseOfMay = async (from: string) => {
      const { body } = await solmu.request('GET', `/networks/${davisId}/timeline?interval=month&from=${from}&to=1936-08-31`);
      return body.buckets.find((b: { label: string }) => b.label === '1936-05').phase;
    };
    const fromFounding = await phaseOfMay('1935-09-01');
    expect(fromFounding.name).toBe('deepening');
    expect(await phaseOfMay('1936-05-01')).toEqual(fromFounding);
    expect(await phaseOfMay('1936-02-01')).toEqual(fromFounding);
  });

  it('runs the timeline up to now by default, choosing an interval that fits a 1935 history, and says so', async () => {
    const before = Date.now();
    const chosen = await solmu.request('GET', `/networks/${davisId}/timeline`);
    expect(chosen.status).toBe(200);
    expect([chosen.body.interval, chosen.body.intervalSource, chosen.body.timeZone, chosen.body.from]).toEqual(['year', 'default', 'UTC', '1935-09-01T00:00:00.000Z']);
    expect(Date.parse(chosen.body.to)).toBeGreaterThanOrEqual(before - 1000);
    expect(Date.parse(chosen.body.to)).toBeLessThanOrEqual(Date.now() + 1000);
    expect(chosen.body.buckets.at(-1).label).toBe(String(new Date().getUTCFullYear()));
    // A network founded in 1900: a monthly default would be 1,500 buckets; the default still answers.
    const old = await solmu.request('POST', '/networks', { name: 'Old', foundedAt: '1900-01-01' });
    const century = await solmu.request('GET', `/networks/${old.body.id}/timeline`);
    expect([century.status, century.body.interval, century.body.buckets[0].label]).toEqual([200, 'year', '1900']);
    // Asked for weeks over ninety years, the request is refused and says what to narrow.
    const weekly = await solmu.request('GET', `/networks/${davisId}/timeline?interval=week`);
    expect([weekly.status, weekly.body.code]).toEqual([422, 'too_many_buckets']);
    // Months over the events' year: the default picks months.
    const season = await solmu.request('GET', `/networks/${davisId}/timeline?to=1936-08-31`);
    expect([season.body.interval, season.body.intervalSource, season.body.buckets.length]).toEqual(['month', 'default', 12]);
  });

  it.each(['sliding:0', 'decay:-1', 'decay:0', 'sliding:x', 'forever'])('refuses window=%s as invalid_tie_window on `window`', async (window) => {
    for (const path of ['graph', 'timeline', 'tips', 'export?format=graphml&']) {
      const sep = path.includes('?') ? '' : '?';
      const answer = await solmu.request('GET', `/networks/${davisId}/${path}${sep}window=${encodeURIComponent(window)}`);
      expect([answer.status, answer.body.code, answer.body.problems[0].field]).toEqual([400, 'invalid_tie_window', 'window']);
      expect(answer.body.message).not.toMatch(/window: window/);
    }
  });

  it('bounds depth weights to 0–1000, naming the kind', async () => {
    for (const weight of [1e308, 1001, -1]) {
      const answer = await solmu.request('PATCH', `/networks/${davisId}/settings`, { depthWeights: { discussed: weight } });
      expect([answer.status, answer.body.code, answer.body.problems[0].field]).toEqual([400, 'invalid_depth_weight', 'depthWeights.discussed']);
    }
    const ok = await solmu.request('PATCH', `/networks/${davisId}/settings`, { depthWeights: { discussed: 1000 } });
    expect(ok.status).toBe(200);
    const graph = await solmu.request('GET', `/networks/${davisId}/graph`);
    expect(graph.body.ties.every((t: { strength: number }) => Number.isFinite(t.strength))).toBe(true);
    await solmu.request('PATCH', `/networks/${davisId}/settings`, { depthWeights: { discussed: 2 } });
  });

  it('reads offset-less dates in the network’s zone and draws its months at that zone’s midnights', async () => {
    const network = await solmu.request('POST', '/networks', { name: 'Helsinki', foundedAt: '2024-05-01', timeZone: 'Europe/Helsinki' });
    expect([network.body.foundedAt, network.body.timeZone]).toEqual(['2024-04-30T21:00:00.000Z', 'Europe/Helsinki']);
    const id = network.body.id;
    const a = (await solmu.request('POST', `/networks/${id}/members`, { name: 'A', joinedAt: '2024-05-01' })).body.id;
    const b = (await solmu.request('POST', `/networks/${id}/members`, { name: 'B', joinedAt: '2024-05-01' })).body.id;
    // 00:30 on 1 June in Helsinki is still 31 May in UTC.
    const logged = await solmu.request('POST', `/networks/${id}/interactions`, { kind: 'discussed', participants: [a, b], occurredAt: '2024-06-01T00:30:00' });
    expect(logged.body.occurredAt).toBe('2024-05-31T21:30:00.000Z');

    const june = await solmu.request('GET', `/networks/${id}/interactions?from=2024-06-01&to=2024-06-30`);
    const may = await solmu.request('GET', `/networks/${id}/interactions?from=2024-05-01&to=2024-05-31`);
    expect([june.body.interactions.length, may.body.interactions.length]).toEqual([1, 0]);

    const timeline = await solmu.request('GET', `/networks/${id}/timeline?interval=month&to=2024-06-30`);
    expect(timeline.body.timeZone).toBe('Europe/Helsinki');
    expect(timeline.body.buckets.map((x: { label: string; start: string; events: number }) => [x.label, x.start, x.events])).toEqual([
      ['2024-05', '2024-04-30T21:00:00.000Z', 0],
      ['2024-06', '2024-05-31T21:00:00.000Z', 1],
    ]);
    const graph = await solmu.request('GET', `/networks/${id}/graph?at=2024-06-01`);
    expect([graph.body.at, graph.body.timeZone, graph.body.measures.ties]).toEqual(['2024-06-01T20:59:59.999Z', 'Europe/Helsinki', 1]);
  });

  it('changes a network’s zone through its settings, refusing one Intl does not know', async () => {
    const { networkId } = await aNetworkWithMembers(solmu, ['P']);
    const before = await solmu.request('GET', `/networks/${networkId}`);
    const bad = await solmu.request('PATCH', `/networks/${networkId}/settings`, { timeZone: 'Mars/Olympus' });
    const changed = await solmu.request('PATCH', `/networks/${networkId}/settings`, { timeZone: 'America/New_York' });
    const joined = await solmu.request('POST', `/networks/${networkId}/members`, { name: 'Q', joinedAt: '2024-03-01T09:00:00' });
    expect(before.body.settings.timeZone).toBe('UTC');
    expect([bad.status, bad.body.code, bad.body.problems[0].field]).toEqual([400, 'invalid_time_zone', 'timeZone']);
    expect([changed.status, changed.body.timeZone]).toEqual([200, 'America/New_York']);
    expect(joined.body.joinedAt).toBe('2024-03-01T14:00:00.000Z');
  });
});

describe('the installation’s zone', () => {
  let solmu: RunningSolmu;
  beforeAll(async () => (solmu = await startSolmu({ env: { SOLMU_TIME_ZONE: 'Europe/Helsinki' } })));
  afterAll(() => solmu.stop());

  it('is the zone of networks founded without one', async () => {
    const network = await solmu.request('POST', '/networks', { name: 'Default zone', foundedAt: '2024-01-01T00:00:00' });
    expect([network.body.timeZone, network.body.foundedAt]).toEqual(['Europe/Helsinki', '2023-12-31T22:00:00.000Z']);
  });
});
