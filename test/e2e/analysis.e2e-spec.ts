import { expectSameUpToRounding } from '@solmu/testing';
import { aNetworkWithMembers, aPerson, linkPerson, RunningSolmu, startSolmu } from './support/solmu-app';

describe('the network picture, its development and tips, on the demo network', () => {
  let solmu: RunningSolmu;
  let networkId: string;
  beforeAll(async () => {
    solmu = await startSolmu({ demo: true });
    networkId = (await solmu.request('GET', '/networks')).body.find((n: { name: string }) => n.name.startsWith('Hiidenmaan')).id;
  }, 120_000);
  afterAll(() => solmu.stop());

  it('the demo, logged through the same commands, goes founding → deepening → settling while density rises and centralisation falls', async () => {
    const { body, status } = await solmu.request('GET', `/networks/${networkId}/timeline?interval=month&window=sliding:180`);
    const phases: string[] = body.buckets.map((b: { phase: { name: string } }) => b.phase.name).filter((p: string) => p !== 'dormant');
    const order = ['founding', 'deepening', 'settling'];
    const firstQuarter = body.buckets.slice(0, 3);
    const lastQuarter = body.buckets.slice(-3);
    const mean = (buckets: Array<{ measures: Record<string, number> }>, key: string) => buckets.reduce((sum, b) => sum + b.measures[key], 0) / buckets.length;

    expect(status).toBe(200);
    expect([...new Set(phases)]).toEqual(order);
    expect(phases.every((p, i) => i === 0 || order.indexOf(p) >= order.indexOf(phases[i - 1]))).toBe(true);
    expect(mean(lastQuarter, 'density')).toBeGreaterThan(mean(firstQuarter, 'density'));
    expect(mean(lastQuarter, 'degreeCentralization')).toBeLessThan(mean(firstQuarter, 'degreeCentralization'));
    for (const key of ['density', 'degreeCentralization', 'betweennessCentralization', 'averageClustering', 'transitivity', 'structuralHoles', 'meanConstraint', 'components', 'isolates']) {
      expect(Object.keys(body.buckets[0].measures)).toContain(key);
    }
    const settled = body.buckets.at(-1).phase;
    expect(settled.evidence[0]).toEqual(expect.objectContaining({ measure: expect.any(String), en: expect.any(String), fi: expect.any(String) }));
  });

  it('draws the graph at any date; earlier dates have fewer members and ties', async () => {
    const now = await solmu.request('GET', `/networks/${networkId}/graph`);
    const timeline = await solmu.request('GET', `/networks/${networkId}/timeline?interval=quarter`);
    const early = await solmu.request('GET', `/networks/${networkId}/graph?at=${timeline.body.buckets[1].end}`);

    expect(now.body.nodes.length).toBe(now.body.measures.members);
    expect(now.body.ties.length).toBe(now.body.measures.ties);
    expect(early.body.nodes.length).toBeLessThan(now.body.nodes.length);
    expect(early.body.ties.length).toBeLessThan(now.body.ties.length);
    const tie = now.body.ties[0];
    expect(tie).toEqual(expect.objectContaining({ a: expect.any(String), b: expect.any(String), deepestKind: expect.any(String), interactionIds: expect.any(Array) }));
    expect(now.body.nodes[0].measures).toEqual(expect.objectContaining({ degree: expect.any(Number), betweenness: expect.any(Number), constraint: expect.anything() }));
  });

  it('without provenance (?provenance=false) the same picture, minus each tie’s interaction ids; a bad value names the field', async () => {
    const at = '2025-06-30';
    const full = await solmu.request('GET', `/networks/${networkId}/graph?at=${at}`);
    const lean = await solmu.request('GET', `/networks/${networkId}/graph?at=${at}&provenance=false`);
    expect(lean.status).toBe(200);
    expect(lean.body.ties.length).toBeGreaterThan(0);
    expect(lean.body.ties.every((tie: object) => !('interactionIds' in tie))).toBe(true);
    expect(lean.body).toEqual({ ...full.body, ties: full.body.ties.map(({ interactionIds: _ids, ...tie }: { interactionIds: string[] }) => tie) });
    const bad = await solmu.request('GET', `/networks/${networkId}/graph?provenance=no`);
    expect([bad.status, bad.body.problems[0].field]).toEqual([400, 'provenance']);
  });

  it('the picture at every slider stop in one answer: the last stop is /graph now, any stop is /graph at its date', async () => {
    const { body, status } = await solmu.request('GET', `/networks/${networkId}/graph/steps?interval=month`);
    expect(status).toBe(200);
    expect(body.frames.map((f: { at: string }) => f.at)).toEqual(body.steps);
    expect(body.steps.length).toBeGreaterThan(6);
    const now = (await solmu.request('GET', `/networks/${networkId}/graph`)).body;
    expectSamePicture(decodeFrame(body, body.frames.length - 1), now);
    for (const k of [0, Math.floor(body.frames.length / 2)]) {
      const at = (await solmu.request('GET', `/networks/${networkId}/graph?at=${body.steps[k]}`)).body;
      expect(at.at).toBe(body.steps[k]);
      expectSamePicture(decodeFrame(body, k), at);
    }
    const weekly = await solmu.request('GET', `/networks/${networkId}/graph/steps?interval=week&window=sliding:90`);
    expect([weekly.status, weekly.body.window, weekly.body.steps.length]).toEqual([200, 'sliding:90', expect.any(Number)]);
    expect(weekly.body.steps.length).toBeGreaterThan(body.steps.length * 4);
    const bad = await solmu.request('GET', `/networks/${networkId}/graph/steps?interval=day`);
    expect([bad.status, bad.body.problems[0].field]).toEqual([400, 'interval']);
  });

  it('a bad window or date names the field', async () => {
    const window = await solmu.request('GET', `/networks/${networkId}/graph?window=forever`);
    const date = await solmu.request('GET', `/networks/${networkId}/graph?at=yesterday`);
    expect([window.status, window.body.problems[0].field]).toEqual([400, 'window']);
    expect([date.status, date.body.problems[0].field]).toEqual([400, 'at']);
  });

  it('a member’s own network lists their contacts closest first, and one tie’s history', async () => {
    const graph = (await solmu.request('GET', `/networks/${networkId}/graph`)).body;
    const hub = graph.nodes.reduce((best: { id: string; measures: { degree: number } }, n: { id: string; measures: { degree: number } }) => (n.measures.degree > best.measures.degree ? n : best));
    const ego = await solmu.request('GET', `/networks/${networkId}/members/${hub.id}/ego`);
    const ladder = ['acquainted', 'discussed', 'exchanged_information', 'explored_collaboration', 'outlined_goals', 'co_developed', 'evaluated_learning'];
    const depths = ego.body.alters.map((a: { tie: { deepestKind: string } }) => ladder.indexOf(a.tie.deepestKind));
    const tie = await solmu.request('GET', `/networks/${networkId}/ties/${hub.id}/${ego.body.alters[0].id}`);

    expect(ego.body.alters).toHaveLength(hub.measures.degree);
    expect(depths).toEqual([...depths].sort((x, y) => y - x));
    expect(tie.body.interactions.length).toBe(ego.body.alters[0].tie.interactions);
  });

  it('gives explained tips of several kinds in English and Finnish while the network is young', async () => {
    const timeline = await solmu.request('GET', `/networks/${networkId}/timeline?interval=quarter`);
    const { body } = await solmu.request('GET', `/networks/${networkId}/tips?window=sliding:365&at=${timeline.body.buckets[1].at}`);
    const kinds = new Set(body.tips.map((t: { kind: string }) => t.kind));
    expect(kinds.size).toBeGreaterThanOrEqual(3);
    for (const tip of body.tips) expect(tip).toEqual(expect.objectContaining({ members: expect.any(Array), evidence: expect.objectContaining({ en: expect.any(String), fi: expect.any(String) }), action: expect.objectContaining({ en: expect.any(String), fi: expect.any(String) }) }));
  });

  it('exports GraphML, CSV and a dynamic GEXF that Gephi’s timeline can play', async () => {
    const fetchText = async (format: string) => {
      const response = await fetch(`${solmu.url}/api/networks/${networkId}/export?format=${format}`, { headers: { authorization: `Bearer ${solmu.adminToken}` } });
      return { type: response.headers.get('content-type'), text: await response.text() };
    };
    const graphml = await fetchText('graphml');
    const nodes = await fetchText('nodes.csv');
    const gexf = await fetchText('gexf');
    expect(graphml.type).toContain('graphml');
    expect(graphml.text).toContain('<graphml');
    expect(nodes.text.split('\n')[0]).toMatch(/^Id,Label,/); // Gephi's column names
    expect(gexf.text).toMatch(/<graph[^>]*mode="dynamic"/);
    expect(gexf.text).toContain('<spells>');
  });

  it('the live picture, updated interaction by interaction, equals the picture drawn afresh at the same instant, and so do its tips', async () => {
    const graph = (await solmu.request('GET', `/networks/${networkId}/graph`)).body;
    const tied = new Set(graph.ties.map((t: { a: string; b: string }) => `${t.a}|${t.b}`));
    const ids: string[] = graph.nodes.map((n: { id: string }) => n.id);
    const existing = graph.ties[0];
    const [x, y] = ids.flatMap((p) => ids.map((q) => [p, q])).find(([p, q]) => p < q && !tied.has(`${p}|${q}`) && !tied.has(`${q}|${p}`))!;
    const log = (participants: string[]) =>
      solmu.request('POST', `/networks/${networkId}/interactions`, { kind: 'exchanged_information', participants, occurredAt: new Date(Date.now() - 60_000).toISOString() });

    for (const participants of [[existing.a, existing.b], [x, y]]) {
      expect((await log(participants)).status).toBe(201);
      const live = (await solmu.request('GET', `/networks/${networkId}/graph`)).body;
      const fresh = (await solmu.request('GET', `/networks/${networkId}/graph?at=${live.at}`)).body;
      const liveTips = (await solmu.request('GET', `/networks/${networkId}/tips`)).body;
      const freshTips = (await solmu.request('GET', `/networks/${networkId}/tips?at=${live.at}`)).body;

      expect(live.accuracy).toEqual({ betweenness: 'exact', sources: graph.nodes.length });
      expectSameUpToRounding(live.measures, fresh.measures);
      expectSameUpToRounding(live.nodes, fresh.nodes);
      expectSameUpToRounding(liveTips.tips, freshTips.tips);
    }
    const last = (await solmu.request('GET', `/networks/${networkId}/graph`)).body;
    expect(last.measures.ties).toBe(graph.measures.ties + 1);
  });
});

describe('live analysis and rebuilds', () => {
  let solmu: RunningSolmu;
  beforeAll(async () => (solmu = await startSolmu()));
  afterAll(() => solmu.stop());

  it('a new interaction shows in the live graph at once, and a rebuild from the log gives the same picture', async () => {
    const { networkId, members } = await aNetworkWithMembers(solmu, ['A', 'B', 'C', 'D']);
    const [a, b, c, d] = members;
    await solmu.request('POST', `/networks/${networkId}/interactions`, { kind: 'discussed', participants: [a, b, c], occurredAt: '2024-02-01T00:00:00Z' });
    const before = await solmu.request('GET', `/networks/${networkId}/graph`);

    await solmu.request('POST', `/networks/${networkId}/interactions`, { kind: 'co_developed', participants: [c, d], occurredAt: '2024-03-01T00:00:00Z' });
    const after = await solmu.request('GET', `/networks/${networkId}/graph`);
    const pinned = await solmu.request('GET', `/networks/${networkId}/graph?at=2024-06-01T00:00:00Z&window=decay:60`);
    solmu = await solmu.restart();
    const rebuilt = await solmu.request('GET', `/networks/${networkId}/graph?at=2024-06-01T00:00:00Z&window=decay:60`);

    expect(before.body.measures.ties).toBe(3);
    expect(after.body.measures.ties).toBe(4);
    expect(after.body.ties.find((t: { a: string; b: string }) => [t.a, t.b].sort().join() === [c, d].sort().join())).toMatchObject({ deepestKind: 'co_developed' });
    expect(rebuilt.body).toEqual(pinned.body);
  });

  it('a network’s own depth weights set its ties’ strength, and bad weights name the kind', async () => {
    const { networkId, members } = await aNetworkWithMembers(solmu, ['P', 'Q']);
    await solmu.request('POST', `/networks/${networkId}/interactions`, { kind: 'exchanged_information', participants: members, occurredAt: '2024-02-01T00:00:00Z' });
    const strength = async () => (await solmu.request('GET', `/networks/${networkId}/graph`)).body.ties[0].strength;
    const before = await strength();

    const changed = await solmu.request('PATCH', `/networks/${networkId}/settings`, { depthWeights: { exchanged_information: 10 } });
    const after = await strength();
    const bad = await solmu.request('PATCH', `/networks/${networkId}/settings`, { depthWeights: { exchanged_information: -1 } });

    expect(changed.body).toEqual({ membersSeeNetwork: true, timeZone: 'UTC', depthWeights: { exchanged_information: 10 } });
    expect(before).toBe(3); // the default weight of exchanged_information (docs/metrics.md)
    expect(after).toBe(10);
    expect([bad.status, bad.body.problems[0].field]).toEqual([400, 'depthWeights.exchanged_information']);
  });

  it('members see the picture when the settings allow, and tips only about themselves', async () => {
    const { networkId, members } = await aNetworkWithMembers(solmu, ['Hub', 'X', 'Y', 'Z']);
    const person = await aPerson(solmu, 'x@analysis.test');
    await linkPerson(solmu, networkId, members[1], person.token);
    for (const other of [members[1], members[2], members[3]]) {
      await solmu.request('POST', `/networks/${networkId}/interactions`, { kind: 'acquainted', participants: [members[0], other], occurredAt: '2024-02-01T00:00:00Z' });
    }

    const tips = await solmu.requestAs(person.token, 'GET', `/networks/${networkId}/tips`);
    const ownEgo = await solmu.requestAs(person.token, 'GET', `/networks/${networkId}/members/${members[1]}/ego`);
    await solmu.request('PATCH', `/networks/${networkId}/settings`, { membersSeeNetwork: false });
    const closedGraph = await solmu.requestAs(person.token, 'GET', `/networks/${networkId}/graph`);
    const othersEgo = await solmu.requestAs(person.token, 'GET', `/networks/${networkId}/members/${members[0]}/ego`);
    const stillOwnEgo = await solmu.requestAs(person.token, 'GET', `/networks/${networkId}/members/${members[1]}/ego`);

    expect(tips.status).toBe(200);
    expect(tips.body.tips.every((t: { members: string[] }) => t.members.includes(members[1]))).toBe(true);
    expect(ownEgo.body.alters.map((a: { id: string }) => a.id)).toEqual([members[0]]);
    expect(closedGraph.status).toBe(403);
    expect(othersEgo.status).toBe(403);
    expect(stillOwnEgo.status).toBe(200);
  });

  it('with membersSeeNetwork=false a member’s tips name only the member and whom they have worked with, and carry no network figures', async () => {
    // Xena has worked only with Hubert; Hubert, Ylva and Zorro work together, and Zorro with Wilma.
    const names = ['Hubert', 'Xena', 'Ylva', 'Zorro', 'Wilma'];
    const { networkId, members } = await aNetworkWithMembers(solmu, names);
    const [hubert, xena, ylva, zorro, wilma] = members;
    const person = await aPerson(solmu, 'xena@analysis.test');
    await linkPerson(solmu, networkId, xena, person.token);
    const pairs: Array<[string, string, string]> = [
      [hubert, xena, 'acquainted'],
      [hubert, ylva, 'outlined_goals'],
      [hubert, zorro, 'outlined_goals'],
      [ylva, zorro, 'outlined_goals'],
      [zorro, wilma, 'outlined_goals'],
    ];
    for (const [i, [a, b, kind]] of pairs.entries()) {
      await solmu.request('POST', `/networks/${networkId}/interactions`, { kind, participants: [a, b], occurredAt: `2024-02-0${i + 1}T10:00:00Z` });
    }
    const strangers = [ylva, zorro, wilma, 'Ylva', 'Zorro', 'Wilma'];
    const named = (body: unknown) => strangers.filter((s) => JSON.stringify(body).includes(s));

    const open = await solmu.requestAs(person.token, 'GET', `/networks/${networkId}/tips`);
    await solmu.request('PATCH', `/networks/${networkId}/settings`, { membersSeeNetwork: false });
    const closed = await solmu.requestAs(person.token, 'GET', `/networks/${networkId}/tips`);
    const graph = await solmu.requestAs(person.token, 'GET', `/networks/${networkId}/graph`);

    // Open: what the member sees today, third parties' ties included ("Xena and Ylva both work with Hubert").
    expect(open.status).toBe(200);
    expect(named(open.body.tips)).toEqual(expect.arrayContaining(['Ylva', ylva]));
    // Closed: the graph is 403, and the tips no longer open it.
    expect(graph.status).toBe(403);
    expect(closed.status).toBe(200);
    expect(closed.body.tips.map((t: { id: string }) => t.id).sort()).toEqual([`climb_ladder:${[hubert, xena].sort().join('+')}`, `reengage_quiet:${xena}+${hubert}`].sort());
    expect(named(closed.body.tips)).toEqual([]);
    for (const tip of closed.body.tips) {
      expect(tip.members.every((id: string) => id === xena || id === hubert)).toBe(true);
      expect(tip.whatIf).toBeUndefined();
      expect(tip.evidence.en).toMatch(/^You /);
    }
  });
});


interface StepsAnswer {
  members: Array<{ id: string }>;
  ties: Array<[number, number]>;
  kinds: string[];
  frames: Array<{ members: number[]; ties: number[]; gone: number[]; measures: Record<string, Array<number | null>> }>;
}

/** Frame k of a /graph/steps answer as members (id → measures) and ties (pair → kind, strength): frame 0 with the changes of 1…k. */
function decodeFrame(answer: StepsAnswer, k: number) {
  const ties = new Map<number, [number, number]>();
  for (const frame of answer.frames.slice(0, k + 1)) {
    for (const index of frame.gone) ties.delete(index);
    for (let i = 0; i < frame.ties.length; i += 3) ties.set(frame.ties[i], [frame.ties[i + 1], frame.ties[i + 2]]);
  }
  const frame = answer.frames[k];
  const id = (index: number) => answer.members[index].id;
  const measures = Object.keys(frame.measures);
  return {
    members: new Map(frame.members.map((index, i) => [id(index), Object.fromEntries(measures.map((m) => [m, frame.measures[m][i]]))])),
    ties: new Map([...ties].map(([index, [kind, strength]]) => [answer.ties[index].map(id).sort().join('|'), { kind: answer.kinds[kind], strength }])),
  };
}

/** The frame is /graph's picture: the same members and ties, measures to 4 significant digits, strengths to 2 decimals. */
function expectSamePicture(frame: ReturnType<typeof decodeFrame>, graph: { nodes: Array<{ id: string; measures: Record<string, number | null> }>; ties: Array<{ a: string; b: string; deepestKind: string; strength: number }> }) {
  expect([...frame.members.keys()].sort()).toEqual(graph.nodes.map((n) => n.id).sort());
  for (const node of graph.nodes) {
    const drawn = frame.members.get(node.id)!;
    for (const [measure, value] of Object.entries(drawn)) {
      const exact = node.measures[measure];
      const close = value === null || exact === null ? value === exact : Math.abs(value - exact) <= 5e-4 * Math.abs(exact) + 1e-12;
      expect([node.id, measure, close ? 'close' : `${value} vs ${exact}`]).toEqual([node.id, measure, 'close']);
    }
  }
  expect([...frame.ties.keys()].sort()).toEqual(graph.ties.map((t) => [t.a, t.b].sort().join('|')).sort());
  for (const tie of graph.ties) {
    const drawn = frame.ties.get([tie.a, tie.b].sort().join('|'))!;
    expect([drawn.kind, Math.abs(drawn.strength - tie.strength) <= 0.005 + 1e-9]).toEqual([tie.deepestKind, true]);
  }
}
