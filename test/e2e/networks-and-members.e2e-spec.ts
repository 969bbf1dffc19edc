import { RunningSolmu, startSolmu } from './support/solmu-app';

describe('networks and members over HTTP', () => {
  let solmu: RunningSolmu;
  beforeAll(async () => (solmu = await startSolmu()));
  afterAll(() => solmu.stop());

  it('founds a network, lists it and reads it back', async () => {
    const founded = await solmu.request('POST', '/networks', { name: 'Kasvu', description: 'Regional growth', foundedAt: '2024-01-01T00:00:00Z' });

    const listed = await solmu.request('GET', '/networks');
    const read = await solmu.request('GET', `/networks/${founded.body.id}`);

    expect(founded.status).toBe(201);
    expect(founded.body).toEqual({ id: expect.any(String), name: 'Kasvu', description: 'Regional growth', foundedAt: '2024-01-01T00:00:00.000Z', timeZone: 'UTC', coordinatorMemberId: expect.any(String) });
    expect(listed.body.map((n: { id: string }) => n.id)).toContain(founded.body.id);
    // Whoever founds a network becomes its first coordinator.
    expect(read.body).toMatchObject({ id: founded.body.id, name: 'Kasvu', members: 1, activeMembers: 1, settings: { membersSeeNetwork: true } });
  });

  it('answers 404 for a network that does not exist', async () => {
    const answer = await solmu.request('GET', '/networks/00000000-0000-7000-8000-000000000000');
    expect(answer.status).toBe(404);
    expect(answer.body.code).toBe('network_not_found');
  });

  it('refuses a network without a name, or with unknown fields, naming them', async () => {
    const answer = await solmu.request('POST', '/networks', { name: '', colour: 'blue' });
    expect(answer.status).toBe(400);
    expect(answer.body.problems.map((p: { field: string }) => p.field).sort()).toEqual(['colour', 'name']);
  });

  it('members join, change their profile and leave', async () => {
    const { body: network } = await solmu.request('POST', '/networks', { name: 'Members', foundedAt: '2024-01-01T00:00:00Z' });
    const joined = await solmu.request('POST', `/networks/${network.id}/members`, {
      name: 'Aino',
      organisation: 'Posintra',
      type: 'incubator',
      role: 'coordinator',
      joinedAt: '2024-01-05T00:00:00Z',
    });
    const changed = await solmu.request('PATCH', `/networks/${network.id}/members/${joined.body.id}`, { organisation: 'Kasvu Oy', type: 'company' });
    const left = await solmu.request('POST', `/networks/${network.id}/members/${joined.body.id}/leave`, { leftAt: '2024-06-01T00:00:00Z' });
    const leftAgain = await solmu.request('POST', `/networks/${network.id}/members/${joined.body.id}/leave`, {});
    const members = await solmu.request('GET', `/networks/${network.id}/members`);

    expect(joined.status).toBe(201);
    expect(changed.body).toMatchObject({ organisation: 'Kasvu Oy', type: 'company', role: 'coordinator' });
    expect(left.status).toBe(200);
    expect(leftAgain.status).toBe(409);
    expect(members.body.find((m: { id: string }) => m.id === joined.body.id)).toEqual({
      id: joined.body.id,
      networkId: network.id,
      name: 'Aino',
      organisation: 'Kasvu Oy',
      type: 'company',
      role: 'coordinator',
      joinedAt: '2024-01-05T00:00:00.000Z',
      leftAt: '2024-06-01T00:00:00.000Z',
      hasAccount: false,
    });
  });

  it('refuses bad member input with the field named, and writes nothing', async () => {
    const { body: network } = await solmu.request('POST', '/networks', { name: 'Strict', foundedAt: '2024-01-01T00:00:00Z' });

    const badType = await solmu.request('POST', `/networks/${network.id}/members`, { name: 'X', type: 'pirate' });
    const beforeFounding = await solmu.request('POST', `/networks/${network.id}/members`, { name: 'X', joinedAt: '2023-01-01T00:00:00Z' });
    const badDate = await solmu.request('POST', `/networks/${network.id}/members`, { name: 'X', joinedAt: 'yesterday' });
    const events = await solmu.request('GET', `/networks/${network.id}/events`);

    expect([badType.status, beforeFounding.status, badDate.status]).toEqual([400, 422, 400]);
    expect([badType.body.problems[0].field, beforeFounding.body.problems[0].field, badDate.body.problems[0].field]).toEqual(['type', 'joinedAt', 'joinedAt']);
    expect(events.body.events.map((e: { type: string }) => e.type)).toEqual(['NetworkFounded', 'MemberJoined']);
  });

  it('concurrent joins all land: conflicts on the network stream are retried', async () => {
    const { body: network } = await solmu.request('POST', '/networks', { name: 'Busy', foundedAt: '2024-01-01T00:00:00Z' });

    const answers = await Promise.all(Array.from({ length: 25 }, (_, i) => solmu.request('POST', `/networks/${network.id}/members`, { name: `M${i}` })));

    expect(answers.map((a) => a.status)).toEqual(Array(25).fill(201));
    const members = await solmu.request('GET', `/networks/${network.id}/members`);
    expect(members.body).toHaveLength(26); // the founder and 25 joiners
    const events = await solmu.request('GET', `/networks/${network.id}/events`);
    expect(events.body.events.map((e: { revision: number }) => e.revision)).toEqual(Array.from({ length: 27 }, (_, i) => i));
  });

  it('serves health and the OpenAPI description', async () => {
    const health = await solmu.request('GET', '/health');
    const openApi = await solmu.request('GET', '/docs/openapi.json');
    const docsPage = await solmu.request('GET', '/docs');

    expect(health.body).toMatchObject({ status: 'ok', store: 'sqlite' });
    expect(Object.keys(openApi.body.paths)).toEqual(expect.arrayContaining(['/api/networks', '/api/networks/{networkId}/interactions', '/api/networks/{networkId}/events']));
    expect(docsPage.status).toBe(200);
    expect(String(docsPage.body)).toContain('swagger');
  });

  it('documents on every route the 503 with Retry-After that a database outage or lagging read models give', async () => {
    const openApi = (await solmu.request('GET', '/docs/openapi.json')).body as {
      paths: Record<string, Record<string, { responses: Record<string, { headers?: Record<string, unknown>; content?: Record<string, { schema: { $ref?: string } }> }> }>>;
      components: { schemas: Record<string, { properties: Record<string, unknown> }> };
    };
    const operations = Object.entries(openApi.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, operation]) => ({ route: `${method} ${path}`, unavailable: operation.responses['503'] })));
    expect(operations.length).toBeGreaterThan(20);
    expect(operations.filter((o) => !o.unavailable?.headers?.['Retry-After']).map((o) => o.route)).toEqual([]);
    const schema = operations[0].unavailable.content!['application/json'].schema.$ref!.split('/').pop()!;
    expect(Object.keys(openApi.components.schemas[schema].properties).sort()).toEqual(['code', 'error', 'message', 'problems', 'statusCode']);
  });
});
