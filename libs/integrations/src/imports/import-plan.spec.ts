import { importTemplate, planImport, readCsv, readNetworkMap, readWorkbook, formatOf, KnownMember } from './index';

const known: KnownMember[] = [
  { id: 'm-aino', name: 'Aino Virtanen', email: 'aino@example.org' },
  { id: 'm-eero1', name: 'Eero Koski', email: 'eero@example.org' },
  { id: 'm-eero2', name: 'Eero Koski', email: 'eero.k@example.org' },
  { id: 'm-liisa', name: 'Liisa Laine' },
];
const csv = (text: string) => readCsv(Buffer.from(text, 'utf8'));

describe('reading CSV', () => {
  it('reads Finnish Excel: a BOM, ; separators and quoted cells', () => {
    const sheet = csv('\uFEFFlaji;päivämäärä;osallistujat;muistiinpano\r\nkeskusteltiin;30.6.2024;Aino Virtanen|Liisa Laine;"Hanke; vaihe 2"\r\n');
    expect(sheet.rows).toEqual([
      ['laji', 'päivämäärä', 'osallistujat', 'muistiinpano'],
      ['keskusteltiin', '30.6.2024', 'Aino Virtanen|Liisa Laine', 'Hanke; vaihe 2'],
    ]);
  });

  it('reads , separated English files', () => {
    expect(csv('kind,date,participants\nmet,2024-06-30,Liisa Laine\n').rows[1]).toEqual(['met', '2024-06-30', 'Liisa Laine']);
  });
});

describe('planning an interactions import', () => {
  it('maps Finnish headers, Finnish kind words and D.M.YYYY dates to the API fields', () => {
    const plan = planImport([csv('\uFEFFlaji;päivämäärä;osallistujat;muistiinpano\nvaihdettiin tietoa;30.6.2024;Aino Virtanen|liisa laine;Hanke\n')], known);
    expect(plan.problems).toEqual([]);
    expect(plan.interactions).toEqual([
      expect.objectContaining({ row: 2, kind: 'exchanged_information', occurredAt: '2024-06-30', participants: [{ memberId: 'm-aino' }, { memberId: 'm-liisa' }], note: 'Hanke' }),
    ]);
  });

  it('accepts the API names, English words and date-times', () => {
    const plan = planImport([csv('kind,date,participants\nco_developed,2024-06-30T14:00,aino@example.org|Liisa Laine\nmet,2024-06-30 09:30,Liisa Laine|aino@example.org\n')], known);
    expect(plan.problems).toEqual([]);
    expect(plan.interactions.map((i) => [i.kind, i.occurredAt])).toEqual([
      ['co_developed', '2024-06-30T14:00'],
      ['acquainted', '2024-06-30T09:30'],
    ]);
  });

  it('reports problems by row and by the column as the file names it', () => {
    const plan = planImport([csv('laji;päivämäärä;osallistujat\nhiihdettiin;2024-02-30;Eero Koski|Nobody\n')], known);
    expect(plan.interactions).toEqual([]);
    expect(plan.problems).toEqual([
      { row: 2, column: 'laji', problem: expect.stringContaining('"hiihdettiin" is not a kind of interaction') },
      { row: 2, column: 'päivämäärä', problem: 'is not a day of the calendar: 2024-02-30' },
      { row: 2, column: 'osallistujat', problem: '"Eero Koski" matches 2 members; write their email instead' },
      { row: 2, column: 'osallistujat', problem: '"Nobody" is not a member of the network or of this file' },
    ]);
  });

  it('names missing and unknown columns on the header row', () => {
    const plan = planImport([csv('kind;participants;colour\nmet;Liisa Laine;red\n')], known);
    expect(plan.problems).toEqual([
      { row: 1, column: 'colour', problem: expect.stringContaining('is not a column') },
      { row: 1, column: 'date', problem: 'is missing (in Finnish: päivämäärä)' },
    ]);
  });
});

describe('planning a members import', () => {
  it('creates new people, recognises existing ones by email or unique name, and lets interactions name new people', async () => {
    const members = csv('nimi;sähköposti;organisaatio;tyyppi;liittyi\nUusi Ihminen;uusi@example.org;Yhdistys;association;1.2.2024\nAino V;AINO@example.org;;;\nLiisa Laine;;;;\n');
    const interactions = csv('kind;date;participants\nmet;2024-03-01;Uusi Ihminen|Liisa Laine\n');
    const plan = planImport([interactions, members], known);
    expect(plan.problems).toEqual([]);
    expect(plan.members).toEqual([
      { row: 2, profile: { name: 'Uusi Ihminen', email: 'uusi@example.org', organisation: 'Yhdistys', type: 'association', joinedAt: '2024-02-01' } },
      { row: 3, profile: { name: 'Aino V', email: 'AINO@example.org' }, existingId: 'm-aino' },
      { row: 4, profile: { name: 'Liisa Laine' }, existingId: 'm-liisa' },
    ]);
    expect(plan.interactions[0].participants).toEqual([{ newMemberRow: 2 }, { memberId: 'm-liisa' }]);
  });

  it('reports a repeated person within the file', () => {
    const plan = planImport([csv('name,email\nA,a@example.org\nB,a@example.org\n')], []);
    expect(plan.problems).toEqual([{ row: 3, column: 'email', problem: 'repeats row 2' }]);
  });
});

describe('XLSX', () => {
  it('reads every sheet, dates as ISO', async () => {
    const writeXlsx = (await import('write-excel-file/node')).default;
    const bytes = await writeXlsx([
      { sheet: 'Jäsenet', data: [[{ value: 'nimi' }], [{ value: 'Uusi' }]] },
      { sheet: 'Tapahtumat', data: [[{ value: 'laji' }, { value: 'päivämäärä' }, { value: 'osallistujat' }], [{ value: 'met' }, { value: new Date(Date.UTC(2024, 5, 30)), format: 'yyyy-mm-dd' }, { value: 'Uusi|Liisa Laine' }]] },
    ]).toBuffer();
    expect(formatOf(bytes)).toBe('xlsx');
    const plan = planImport(await readWorkbook(bytes), known);
    expect(plan.problems).toEqual([]);
    expect(plan.interactions[0]).toMatchObject({ sheet: 'Tapahtumat', occurredAt: '2024-06-30', participants: [{ newMemberRow: 2, sheet: 'Jäsenet' }, { memberId: 'm-liisa' }] });
  });
});

describe('network maps', () => {
  it('reads GEXF nodes as members and edges as acquaintances on the given day', () => {
    const gexf = `<?xml version="1.0"?><gexf xmlns="http://gexf.net/1.3" version="1.3"><graph defaultedgetype="undirected">
      <nodes><node id="0" label="Aino Virtanen"/><node id="1" label="Uusi"/></nodes><edges><edge id="e" source="0" target="1"/></edges></graph></gexf>`;
    expect(formatOf(Buffer.from(gexf))).toBe('gexf');
    const sheets = readNetworkMap(Buffer.from(gexf), 'gexf', '2020-01-01');
    if ('problem' in sheets) throw new Error(sheets.problem);
    const plan = planImport(sheets, known);
    expect(plan.problems).toEqual([]);
    expect(plan.members.map((m) => [m.profile.name, m.existingId])).toEqual([['Aino Virtanen', 'm-aino'], ['Uusi', undefined]]);
    expect(plan.interactions).toEqual([expect.objectContaining({ kind: 'acquainted', occurredAt: '2020-01-01', participants: [{ memberId: 'm-aino' }, { newMemberRow: 3, sheet: 'nodes' }] })]);
  });

  it('reads GraphML labels from their key', () => {
    const graphml = `<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><key id="d0" for="node" attr.name="label" attr.type="string"/>
      <graph edgedefault="undirected"><node id="a"><data key="d0">Liisa Laine</data></node><node id="b"><data key="d0">Uusi</data></node><edge source="a" target="b"/></graph></graphml>`;
    const sheets = readNetworkMap(Buffer.from(graphml), 'graphml', '2020-01-01');
    if ('problem' in sheets) throw new Error(sheets.problem);
    expect(sheets[1].rows[1]).toEqual(['acquainted', '2020-01-01', 'Liisa Laine|Uusi']);
  });

  it('refuses XML that is not well formed', () => {
    expect(readNetworkMap(Buffer.from('<gexf><graph><nodes><node id="a" label="x"/></nodes></gexf>'), 'gexf', '2020-01-01')).toEqual({ problem: expect.stringMatching(/^is not well-formed XML: .*line 1/) });
    expect(readNetworkMap(Buffer.from('<gexf version="1.3"></gexf>'), 'gexf', '2020-01-01')).toEqual({ problem: 'has no <graph> inside <gexf>' });
  });
});

describe('templates', () => {
  it('round-trip: each template plans without problems once its people exist', () => {
    for (const lang of ['fi', 'en'] as const) {
      const people = [...known.slice(0, 1), { id: 'x', name: 'Eero', email: 'eero@example.org' }];
      const plan = planImport([csv(importTemplate('members', lang)), csv(importTemplate('interactions', lang))], people);
      expect(plan.problems).toEqual([]);
      expect(plan.interactions).toHaveLength(1);
    }
  });
});
