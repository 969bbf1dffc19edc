import { aNetworkWithMembers, RunningSolmu, startSolmu } from './support/solmu-app';

describe('logging interactions over HTTP', () => {
  let solmu: RunningSolmu;
  let networkId: string;
  let alice: string, bob: string, carol: string;
  const path = () => `/networks/${networkId}/interactions`;
  const eventsOf = async (id: string) => (await solmu.request('GET', `/networks/${id}/events?limit=1000`)).body.events as Array<{ type: string; data: any }>;
  const interactionEvents = async () => (await eventsOf(networkId)).filter((e) => e.type.startsWith('Interaction'));

  beforeAll(async () => {
    solmu = await startSolmu();
    ({ networkId, members: [alice, bob, carol] } = await aNetworkWithMembers(solmu, ['Alice', 'Bob', 'Carol']));
  });
  afterAll(() => solmu.stop());

  it('logs an interaction, answers 201 with its id and records who logged it from where', async () => {
    const answer = await solmu.request('POST', path(), {
      kind: 'co_developed',
      participants: [alice, bob, carol],
      occurredAt: '2024-03-01T10:00:00+02:00',
      initiator: bob,
      channel: 'meeting',
      note: 'Pilot workshop',
    });

    expect(answer.status).toBe(201);
    expect(answer.body).toEqual({
      id: expect.any(String),
      networkId,
      kind: 'co_developed',
      participants: [alice, bob, carol],
      occurredAt: '2024-03-01T08:00:00.000Z',
      initiator: bob,
      channel: 'meeting',
      note: 'Pilot workshop',
      status: 'active',
    });
    const read = await solmu.request('GET', `${path()}/${answer.body.id}`);
    expect(read.body).toMatchObject({ id: answer.body.id, loggedBy: expect.stringMatching(/^account:/), source: 'api' });
  });

  describe('idempotency', () => {
    it('the same key and body give the same answer and one event', async () => {
      const body = { kind: 'discussed', participants: [alice, carol], occurredAt: '2024-04-01T10:00:00Z' };
      const before = (await interactionEvents()).length;

      const first = await solmu.request('POST', path(), body, { 'Idempotency-Key': 'retry-1' });
      const again = await solmu.request('POST', path(), { occurredAt: body.occurredAt, participants: body.participants, kind: body.kind }, { 'Idempotency-Key': 'retry-1' });
      const racing = await Promise.all(Array.from({ length: 5 }, () => solmu.request('POST', path(), body, { 'Idempotency-Key': 'retry-2' })));

      expect(first.status).toBe(201);
      expect(again).toMatchObject({ status: 201, body: first.body });
      expect(new Set(racing.map((r) => r.body.id)).size).toBe(1);
      expect(racing.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
      expect((await interactionEvents()).length).toBe(before + 2);
    });

    it('the same key with another body is a 422 and writes nothing', async () => {
      await solmu.request('POST', path(), { kind: 'discussed', participants: [alice, bob], occurredAt: '2024-04-02T10:00:00Z' }, { 'Idempotency-Key': 'retry-3' });
      const before = (await interactionEvents()).length;

      const other = await solmu.request('POST', path(), { kind: 'acquainted', participants: [alice, bob], occurredAt: '2024-04-02T10:00:00Z' }, { 'Idempotency-Key': 'retry-3' });

      expect(other.status).toBe(422);
      expect(other.body.problems).toEqual([{ field: 'Idempotency-Key', problem: 'was already used with a different request' }]);
      expect((await interactionEvents()).length).toBe(before);
    });
  });

  describe('bad input gets a 4xx naming the field, and writes nothing', () => {
    const valid = () => ({ kind: 'discussed', participants: [alice, bob], occurredAt: '2024-05-01T10:00:00Z' });
    const cases: Array<[string, () => unknown, number, string]> = [
      ['a wrong type', () => ({ ...valid(), participants: 'alice,bob' }), 400, 'participants'],
      ['an unknown kind', () => ({ ...valid(), kind: 'gossiped' }), 400, 'kind'],
      ['a missing date', () => ({ kind: 'discussed', participants: [alice, bob] }), 400, 'occurredAt'],
      ['an unknown field', () => ({ ...valid(), mood: 'happy' }), 400, 'mood'],
      ['a note too long', () => ({ ...valid(), note: 'x'.repeat(1001) }), 400, 'note'],
      ['an unknown participant', () => ({ ...valid(), participants: [alice, '00000000-0000-7000-8000-00000000dead'] }), 422, 'participants[1]'],
      ['a duplicate participant', () => ({ ...valid(), participants: [alice, bob, alice] }), 422, 'participants[2]'],
      ['a future date', () => ({ ...valid(), occurredAt: '2999-01-01T00:00:00Z' }), 422, 'occurredAt'],
      ['a date before the participants joined', () => ({ ...valid(), occurredAt: '2024-01-01T12:00:00Z' }), 422, 'participants[0]'],
      ['an initiator who was not there', () => ({ ...valid(), initiator: carol }), 422, 'initiator'],
      ['malformed JSON', () => '{"kind": "discussed", ', 400, 'body'],
    ];

    it.each(cases)('%s', async (_label, body, status, field) => {
      const before = (await interactionEvents()).length;
      const payload = body();
      const answer = await solmu.request('POST', path(), payload, typeof payload === 'string' ? { 'content-type': 'application/json' } : {});

      expect(answer.status).toBe(status);
      expect(answer.body.problems.map((p: { field: string }) => p.field)).toContain(field);
      expect(answer.body.message).toContain(field);
      expect((await interactionEvents()).length).toBe(before);
    });

    it('a body over the size limit is a 413 naming the body', async () => {
      const answer = await solmu.request('POST', path(), { ...valid(), note: 'x'.repeat(70_000) });
      expect(answer.status).toBe(413);
      expect(answer.body.problems[0].field).toBe('body');
    });

    it('a body that is not JSON is a 415 naming the content type', async () => {
      const answer = await solmu.request('POST', path(), 'kind=discussed', { 'content-type': 'text/plain' });
      expect(answer.status).toBe(415);
      expect(answer.body.problems[0].field).toBe('content-type');
    });

    it('an unknown network is a 404', async () => {
      const answer = await solmu.request('POST', '/networks/00000000-0000-7000-8000-000000000404/interactions', valid());
      expect(answer.status).toBe(404);
    });
  });

  describe('listing', () => {
    let listNetwork: string;
    let a: string, b: string, c: string;
    beforeAll(async () => {
      ({ networkId: listNetwork, members: [a, b, c] } = await aNetworkWithMembers(solmu, ['A', 'B', 'C']));
      const log = (kind: string, participants: string[], day: number) =>
        solmu.request('POST', `/networks/${listNetwork}/interactions`, { kind, participants, occurredAt: `2024-02-${String(day).padStart(2, '0')}T12:00:00Z` });
      for (let day = 1; day <= 9; day += 1) await log(day % 3 === 0 ? 'co_developed' : 'discussed', day % 2 ? [a, b] : [b, c], day);
    });

    it('lists newest first and filters by member, kind and period', async () => {
      const all = await solmu.request('GET', `/networks/${listNetwork}/interactions`);
      const ofA = await solmu.request('GET', `/networks/${listNetwork}/interactions?member=${a}`);
      const coDeveloped = await solmu.request('GET', `/networks/${listNetwork}/interactions?kind=co_developed`);
      const period = await solmu.request('GET', `/networks/${listNetwork}/interactions?from=2024-02-03T00:00:00Z&to=2024-02-06T00:00:00Z`);
      const days = (answer: { body: { interactions: Array<{ occurredAt: string }> } }) => answer.body.interactions.map((i) => Number(i.occurredAt.slice(8, 10)));

      expect(days(all)).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1]);
      expect(days(ofA)).toEqual([9, 7, 5, 3, 1]);
      expect(days(coDeveloped)).toEqual([9, 6, 3]);
      expect(days(period)).toEqual([5, 4, 3]);
    });

    it('pages with an opaque cursor until the end', async () => {
      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await solmu.request('GET', `/networks/${listNetwork}/interactions?limit=4${cursor ? `&cursor=${cursor}` : ''}`);
        seen.push(...page.body.interactions.map((i: { occurredAt: string }) => i.occurredAt.slice(8, 10)));
        cursor = page.body.nextCursor;
        pages += 1;
      } while (cursor);
      expect(pages).toBe(3);
      expect(seen).toEqual(['09', '08', '07', '06', '05', '04', '03', '02', '01']);
    });

    it('refuses a bad limit or a forged cursor, naming the parameter', async () => {
      const limit = await solmu.request('GET', `/networks/${listNetwork}/interactions?limit=0`);
      const cursor = await solmu.request('GET', `/networks/${listNetwork}/interactions?cursor=bm9wZQ`);
      expect([limit.status, limit.body.problems[0].field]).toEqual([400, 'limit']);
      expect([cursor.status, cursor.body.problems[0].field]).toEqual([422, 'cursor']);
    });
  });

  describe('corrections and retractions', () => {
    it('a correction restates the interaction and keeps the original in the history', async () => {
      const logged = await solmu.request('POST', path(), { kind: 'acquainted', participants: [alice, bob], occurredAt: '2024-06-01T10:00:00Z' });

      const corrected = await solmu.request('POST', `${path()}/${logged.body.id}/correct`, {
        kind: 'outlined_goals',
        participants: [alice, bob, carol],
        occurredAt: '2024-06-01T10:00:00Z',
        reason: 'Carol was there too',
      });
      const read = await solmu.request('GET', `${path()}/${logged.body.id}`);
      const history = (await interactionEvents()).filter((e) => e.data.interactionId === logged.body.id);

      expect(corrected.status).toBe(200);
      expect(read.body).toMatchObject({ kind: 'outlined_goals', participants: [alice, bob, carol], correctedAt: expect.any(String) });
      expect(history.map((e) => [e.type, e.data.kind])).toEqual([
        ['InteractionLogged', 'acquainted'],
        ['InteractionCorrected', 'outlined_goals'],
      ]);
    });

    it('a retraction hides the interaction from the list; a second one is a 409', async () => {
      const logged = await solmu.request('POST', path(), { kind: 'discussed', participants: [bob, carol], occurredAt: '2024-06-02T10:00:00Z', note: 'duplicate' });

      const retractions = await Promise.all([1, 2, 3].map(() => solmu.request('POST', `${path()}/${logged.body.id}/retract`, { reason: 'logged twice' })));
      const listed = await solmu.request('GET', `${path()}?member=${carol}&limit=500`);
      const withRetracted = await solmu.request('GET', `${path()}?member=${carol}&limit=500&includeRetracted=true`);

      expect(retractions.map((r) => r.status).sort()).toEqual([200, 409, 409]);
      expect(listed.body.interactions.map((i: { id: string }) => i.id)).not.toContain(logged.body.id);
      expect(withRetracted.body.interactions.find((i: { id: string }) => i.id === logged.body.id)).toMatchObject({ status: 'retracted' });
    });

    it('correcting an unknown interaction is a 404', async () => {
      const answer = await solmu.request('POST', `${path()}/00000000-0000-7000-8000-000000000404/retract`, {});
      expect(answer.status).toBe(404);
    });
  });

  it('many concurrent loggers all get 201 and each interaction is stored once', async () => {
    const before = (await interactionEvents()).length;

    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) => solmu.request('POST', path(), { kind: 'exchanged_information', participants: [alice, bob], occurredAt: `2024-07-01T10:${String(i).padStart(2, '0')}:00Z` })),
    );

    expect(answers.every((a) => a.status === 201)).toBe(true);
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(50);
    expect((await interactionEvents()).length).toBe(before + 50);
  });

  it('keeps everything across a restart on the same file', async () => {
    const before = await solmu.request('GET', `/networks/${networkId}/events?limit=1000`);

    solmu = await solmu.restart();

    const after = await solmu.request('GET', `/networks/${networkId}/events?limit=1000`);
    expect(after.body.events).toEqual(before.body.events);
  });
});
