import { aNetworkWithMembers, RunningSolmu, startSolmu } from './support/solmu-app';

describe('a network’s raw history over HTTP', () => {
  let solmu: RunningSolmu;
  beforeAll(async () => (solmu = await startSolmu()));
  afterAll(() => solmu.stop());

  it('pages through every event of one network in order, and only that network', async () => {
    const { networkId, members } = await aNetworkWithMembers(solmu, ['A', 'B', 'C', 'D']);
    const other = await aNetworkWithMembers(solmu, ['X', 'Y']);
    await solmu.request('POST', `/networks/${networkId}/interactions`, { kind: 'discussed', participants: members.slice(0, 2), occurredAt: '2024-02-01T00:00:00Z' });
    await solmu.request('POST', `/networks/${other.networkId}/interactions`, { kind: 'discussed', participants: other.members, occurredAt: '2024-02-01T00:00:00Z' });

    const types: string[] = [];
    const positions: number[] = [];
    let after: number | undefined;
    for (;;) {
      const page = await solmu.request('GET', `/networks/${networkId}/events?limit=2${after === undefined ? '' : `&after=${after}`}`);
      types.push(...page.body.events.map((e: { type: string }) => e.type));
      positions.push(...page.body.events.map((e: { position: number }) => e.position));
      if (page.body.nextAfter === undefined) break;
      after = page.body.nextAfter;
    }

    // The founder (the administrator) joins as the first coordinator, then the four members.
    expect(types).toEqual(['NetworkFounded', 'MemberJoined', 'MemberJoined', 'MemberJoined', 'MemberJoined', 'MemberJoined', 'InteractionLogged']);
    expect(positions).toEqual([...positions].sort((x, y) => x - y));
  });

  it('carries type, data, metadata, record time, revision and position on each event', async () => {
    const { networkId } = await aNetworkWithMembers(solmu, []);
    const { body } = await solmu.request('GET', `/networks/${networkId}/events`);
    expect(body.events[0]).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      streamId: `network-${networkId}`,
      revision: 0,
      position: expect.any(Number),
      type: 'NetworkFounded',
      // v2 of NetworkFounded carries the network's time zone.
      data: { networkId, name: 'E2E network', foundedAt: '2024-01-01T00:00:00.000Z', timeZone: 'UTC' },
      metadata: { actor: expect.stringMatching(/^account:[0-9a-f-]{36}$/), source: 'api', correlationId: expect.any(String), causationId: expect.any(String), schemaVersion: 2 },
      recordedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
  });

  it('uses the X-Request-Id header as the correlation id', async () => {
    const founded = await solmu.request('POST', '/networks', { name: 'Correlated' }, { 'x-request-id': 'trace-123' });
    const { body } = await solmu.request('GET', `/networks/${founded.body.id}/events`);
    expect(body.events[0].metadata.correlationId).toBe('trace-123');
  });
});

describe('interventions over HTTP', () => {
  let solmu: RunningSolmu;
  beforeAll(async () => (solmu = await startSolmu()));
  afterAll(() => solmu.stop());

  it('records a coordinator’s intervention and lists them oldest first', async () => {
    const { networkId } = await aNetworkWithMembers(solmu, ['A', 'B']);

    const later = await solmu.request('POST', `/networks/${networkId}/interventions`, { kind: 'matchmaking', title: 'Speed networking', occurredAt: '2024-06-01T08:00:00Z' });
    await solmu.request('POST', `/networks/${networkId}/interventions`, { kind: 'workshop', title: 'Shared goals', occurredAt: '2024-03-01T08:00:00Z' });
    const bad = await solmu.request('POST', `/networks/${networkId}/interventions`, { kind: 'party', title: 'x', occurredAt: '2024-03-01T08:00:00Z' });
    const listed = await solmu.request('GET', `/networks/${networkId}/interventions`);

    expect(later.status).toBe(201);
    expect(bad.status).toBe(400);
    expect(bad.body.problems[0].field).toBe('kind');
    expect(listed.body.map((i: { title: string }) => i.title)).toEqual(['Shared goals', 'Speed networking']);
  });
});
