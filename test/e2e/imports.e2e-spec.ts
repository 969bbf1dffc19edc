import { EVENT_STORE, EventStore } from '@solmu/event-store';
import writeXlsx from 'write-excel-file/node';
import { aNetworkWithMembers, aPerson, RunningSolmu, startSolmu } from './support/solmu-app';

/** Imports over HTTP: multipart upload, the dry-run report, commit, idempotent re-runs, XLSX and GEXF. */
describe('imports (e2e)', () => {
  let solmu: RunningSolmu;
  beforeAll(async () => {
    solmu = await startSolmu({ env: { SOLMU_IMPORT_LIMIT: '65536' } });
  });
  afterAll(() => solmu.stop());

  const head = async () => (await solmu.app.get<EventStore>(EVENT_STORE).headPosition())?.toString();

  async function upload(networkId: string, query: string, bytes: Buffer | string, filename = 'import.csv', token = solmu.adminToken, field = 'file') {
    const form = new FormData();
    form.append(field, new Blob([bytes]), filename);
    const response = await fetch(`${solmu.url}/api/networks/${networkId}/imports${query}`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
    return { status: response.status, body: (await response.json()) as any };
  }

  const FINNISH = '\uFEFFnimi;sähköposti;organisaatio;tyyppi;liittyi\r\nUusi Ihminen;uusi@example.org;Yhdistys;association;2.1.2024\r\n';
  const INTERACTIONS = 'laji;päivämäärä;osallistujat;muistiinpano\r\nkeskusteltiin;30.6.2024;Aino|Eero;"Hanke; vaihe 2"\r\nmet;2024-07-01T10:00;Aino|Eero|Liisa\r\n';

  it('a dry run writes nothing and reports problems by row and column', async () => {
    const { networkId } = await aNetworkWithMembers(solmu, ['Aino', 'Eero', 'Liisa', 'Liisa']);
    const before = await head();
    const answer = await upload(networkId, '', 'laji;päivämäärä;osallistujat\r\nkeskusteltiin;30.6.2024;Aino|Eero\r\nhiihdettiin;2024-02-30;Aino|Liisa\r\n');
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ format: 'csv', committed: false, rows: 2, interactions: { log: 1 } });
    expect(answer.body.problems).toEqual([
      { row: 3, column: 'laji', problem: expect.stringContaining('"hiihdettiin" is not a kind of interaction') },
      { row: 3, column: 'päivämäärä', problem: 'is not a day of the calendar: 2024-02-30' },
      { row: 3, column: 'osallistujat', problem: '"Liisa" matches 2 members; write their email instead' },
    ]);
    // Asking to commit a file with problems writes nothing either.
    expect((await upload(networkId, '?commit=true', 'laji;päivämäärä;osallistujat\r\nhiihdettiin;2024-06-30;Aino|Eero\r\n')).body.committed).toBe(false);
    expect(await head()).toBe(before);
  });

  it('commit writes through the API commands; the same file committed twice creates nothing new', async () => {
    const { networkId } = await aNetworkWithMembers(solmu, ['Aino', 'Eero', 'Liisa']);
    const dry = await upload(networkId, '', FINNISH);
    expect(dry.body).toMatchObject({ committed: false, problems: [], members: { create: 1, existing: 0 } });
    const members = await upload(networkId, '?commit=true', FINNISH);
    expect(members.body).toMatchObject({ committed: true, result: { membersCreated: 1 } });
    const first = await upload(networkId, '?commit=true', INTERACTIONS);
    expect(first.body).toMatchObject({ committed: true, problems: [], result: { interactionsLogged: 2, interactionsAlreadyImported: 0 } });
    const listed = await solmu.request('GET', `/networks/${networkId}/interactions`);
    const items = listed.body.interactions;
    expect(items).toHaveLength(2);
    expect(items.map((i: { kind: string }) => i.kind).sort()).toEqual(['acquainted', 'discussed']);
    expect(items.find((i: { kind: string }) => i.kind === 'discussed').note).toBe('Hanke; vaihe 2');

    const afterFirst = await head();
    const again = await upload(networkId, '?commit=true', INTERACTIONS);
    const membersAgain = await upload(networkId, '?commit=true', FINNISH);
    expect(again.status).toBe(200);
    // Nothing new: both rows are reported as written by the first run, not as logged again.
    expect(again.body).toMatchObject({ committed: true, interactions: { log: 2 }, result: { interactionsLogged: 0, interactionsAlreadyImported: 2 } });
    expect(membersAgain.body).toMatchObject({ members: { create: 0, existing: 1 }, result: { membersCreated: 0 } });
    expect(await head()).toBe(afterFirst);
    const relisted = await solmu.request('GET', `/networks/${networkId}/interactions`);
    expect(relisted.body.interactions).toHaveLength(2);
  });

  it('commits in the background with a job to poll', async () => {
    const { networkId } = await aNetworkWithMembers(solmu, ['Aino', 'Eero']);
    const file = `kind,date,participants\n${Array.from({ length: 300 }, (_, i) => `met,2024-06-${String((i % 28) + 1).padStart(2, '0')},Aino|Eero`).join('\n')}\n`;
    const started = await upload(networkId, '?commit=true&background=true', file);
    expect(started.body).toMatchObject({ committed: false, rows: 300, job: { status: 'running', total: 300 } });
    let job: any;
    for (let i = 0; i < 200; i += 1) {
      job = (await solmu.request('GET', `/networks/${networkId}/imports/jobs/${started.body.job.id}`)).body;
      if (job.status !== 'running') break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(job).toMatchObject({ status: 'done', done: 300, total: 300, report: { committed: true, result: { interactionsLogged: 300 } } });
    const listed = await solmu.request('GET', `/networks/${networkId}/interactions?limit=500`);
    expect(listed.body.interactions).toHaveLength(300);
    const other = await aNetworkWithMembers(solmu, ['X']);
    expect((await solmu.request('GET', `/networks/${other.networkId}/imports/jobs/${started.body.job.id}`)).status).toBe(404);
  });

  it('reads XLSX workbooks with a members sheet and an interactions sheet', async () => {
    const { networkId } = await aNetworkWithMembers(solmu, ['Aino']);
    const bytes = await writeXlsx([
      { sheet: 'Jäsenet', data: [[{ value: 'name' }, { value: 'joinedAt' }], [{ value: 'Eero' }, { value: new Date(Date.UTC(2024, 0, 3)), format: 'yyyy-mm-dd' }]] },
      { sheet: 'Vuorovaikutus', data: [[{ value: 'kind' }, { value: 'date' }, { value: 'participants' }], [{ value: 'shared' }, { value: new Date(Date.UTC(2024, 5, 30)), format: 'yyyy-mm-dd' }, { value: 'Aino|Eero' }]] },
    ]).toBuffer();
    const answer = await upload(networkId, '?commit=true', bytes, 'records.xlsx');
    expect(answer.body).toMatchObject({ format: 'xlsx', committed: true, problems: [], result: { membersCreated: 1, interactionsLogged: 1 } });
    const listed = await solmu.request('GET', `/networks/${networkId}/interactions`);
    expect((listed.body.interactions)[0]).toMatchObject({ kind: 'exchanged_information' });
  });

  it('imports a GEXF network map: nodes as members, edges as acquaintances on the chosen day', async () => {
    const { networkId } = await aNetworkWithMembers(solmu, ['Aino']);
    const gexf = `<?xml version="1.0" encoding="UTF-8"?><gexf xmlns="http://gexf.net/1.3" version="1.3"><graph defaultedgetype="undirected">
      <nodes><node id="n0" label="Aino"/><node id="n1" label="Kumu Person"/><node id="n2" label="Gephi Person"/></nodes>
      <edges><edge id="0" source="n0" target="n1"/><edge id="1" source="n1" target="n2"/></edges></graph></gexf>`;
    expect((await upload(networkId, '?commit=true', gexf, 'map.gexf')).body.problems).toEqual([{ field: 'date', problem: expect.stringContaining('required') }]);
    const answer = await upload(networkId, '?commit=true&date=2024-03-01', gexf, 'map.gexf');
    expect(answer.body.problems).toEqual([]);
    expect(answer.body).toMatchObject({ format: 'gexf', committed: true, result: { membersCreated: 2, interactionsLogged: 2 } });
    const listed = await solmu.request('GET', `/networks/${networkId}/interactions`);
    const items = listed.body.interactions;
    expect(items.map((i: { kind: string; occurredAt: string }) => [i.kind, i.occurredAt.slice(0, 10)])).toEqual([
      ['acquainted', '2024-03-01'],
      ['acquainted', '2024-03-01'],
    ]);
  });

  it('answers bad uploads with 4xx naming the field, and only coordinators import', async () => {
    const { networkId } = await aNetworkWithMembers(solmu, ['Aino', 'Eero']);
    const noFile = await solmu.request('POST', `/networks/${networkId}/imports`, { file: 'x' });
    expect([noFile.status, noFile.body.problems[0].field]).toEqual([422, 'file']);
    const wrongField = await upload(networkId, '', 'kind,date,participants\n', 'a.csv', solmu.adminToken, 'upload');
    expect([wrongField.status, wrongField.body.problems[0].field]).toEqual([422, 'file']);
    const tooLarge = await upload(networkId, '', `kind,date,participants\n${'met,2024-01-05,Aino|Eero\n'.repeat(4000)}`);
    expect(tooLarge.status).toBe(413);
    const badCommit = await upload(networkId, '?commit=yes', 'kind,date,participants\n');
    expect([badCommit.status, badCommit.body.problems[0].field]).toEqual([422, 'commit']);
    const stranger = await aPerson(solmu, 'stranger@solmu.test');
    expect((await upload(networkId, '', 'kind,date,participants\n', 'a.csv', stranger.token)).status).toBe(404);
    // Multipart is for imports only.
    const form = new FormData();
    form.append('name', 'X');
    const elsewhere = await fetch(`${solmu.url}/api/networks/${networkId}/members`, { method: 'POST', headers: { authorization: `Bearer ${solmu.adminToken}` }, body: form });
    expect(elsewhere.status).toBe(415);
  });

  it('offers templates in Finnish and English that import cleanly', async () => {
    const { networkId } = await aNetworkWithMembers(solmu, ['Eero']);
    const fi = await fetch(`${solmu.url}/api/networks/${networkId}/imports/templates/members.fi.csv`, { headers: { authorization: `Bearer ${solmu.adminToken}` } });
    expect(fi.headers.get('content-type')).toContain('text/csv');
    const text = await fi.text();
    expect(text.split('\r\n')[0]).toBe('nimi;sähköposti;organisaatio;tyyppi;liittyi');
    const en = await fetch(`${solmu.url}/api/networks/${networkId}/imports/templates/interactions.en.csv`, { headers: { authorization: `Bearer ${solmu.adminToken}` } });
    expect((await en.text()).split('\r\n')[0]).toBe('kind,date,participants,note,channel');
    expect((await upload(networkId, '', text)).body).toMatchObject({ problems: [], members: { create: 1 } });
    expect((await solmu.request('GET', `/networks/${networkId}/imports/templates/members.sv.csv`)).status).toBe(404);
  });
});

describe('imports (e2e): the dry run runs the domain rules', () => {
  let solmu: RunningSolmu;
  beforeAll(async () => {
    solmu = await startSolmu();
  });
  afterAll(() => solmu.stop());

  it('reports what only the deciders know (membership on the day, dates in the future) without writing', async () => {
    const { networkId } = await aNetworkWithMembers(solmu, ['Aino', 'Eero']);
    const before = await solmu.app.get<EventStore>(EVENT_STORE).headPosition();
    const form = new FormData();
    form.append('file', new Blob(['kind;date;participants\nmet;2023-06-30;Aino|Eero\nmet;2999-01-01;Aino|Eero\n']), 'a.csv');
    const answer = await fetch(`${solmu.url}/api/networks/${networkId}/imports?commit=true`, { method: 'POST', headers: { authorization: `Bearer ${solmu.adminToken}` }, body: form });
    const body = (await answer.json()) as any;
    expect(body.committed).toBe(false);
    expect(body.problems).toEqual([
      { row: 2, column: 'participants', problem: expect.stringMatching(/^member "Aino" joined on 2024-01-02.*, after the interaction occurred$/) },
      { row: 2, column: 'participants', problem: expect.stringMatching(/^member "Eero" joined on/) },
      { row: 3, column: 'date', problem: expect.stringContaining('future') },
    ]);
    expect(await solmu.app.get<EventStore>(EVENT_STORE).headPosition()).toEqual(before);
  });

  it('checks new members by the JoinNetwork rules, and interactions against them', async () => {
    const { networkId } = await aNetworkWithMembers(solmu, ['Aino']);
    const workbook = await writeXlsx([
      { sheet: 'members', data: [[{ value: 'name' }, { value: 'email' }, { value: 'joinedAt' }], [{ value: 'Myöhäinen' }, { value: 'late@example.org' }, { value: '2025-01-01' }], [{ value: 'Bad Email' }, { value: 'not-an-email' }, { value: '' }]] },
      { sheet: 'interactions', data: [[{ value: 'kind' }, { value: 'date' }, { value: 'participants' }], [{ value: 'met' }, { value: '2024-06-30' }, { value: 'Aino|Myöhäinen' }]] },
    ]).toBuffer();
    const form = new FormData();
    form.append('file', new Blob([workbook]), 'a.xlsx');
    const body = (await (await fetch(`${solmu.url}/api/networks/${networkId}/imports`, { method: 'POST', headers: { authorization: `Bearer ${solmu.adminToken}` }, body: form })).json()) as any;
    expect(body.problems).toEqual([
      { sheet: 'interactions', row: 2, column: 'participants', problem: expect.stringMatching(/^member "Myöhäinen" joined on 2025-01-01/) },
      { sheet: 'members', row: 3, column: 'email', problem: expect.any(String) },
    ]);
    // Bad Email's row has a problem: it is not counted among the members the import would add.
    expect(body).toMatchObject({ rows: 3, rowsWithProblems: 2, members: { create: 1, existing: 0 }, interactions: { log: 0 } });
  });
});
