import type { InteractionKind } from '@solmu/network/published';
import { graphAt } from '../graph/graph-at';
import { foldNetworkHistory } from '../graph/network-history';
import type { NetworkHistoryEvent } from '../graph/network-history';
import { compareKeys, toCsr } from '../measures/engine/csr';
import { measureGraph } from '../measures/network-measures';
import { mulberry32 } from '../measures/engine/seeded-random';
import { joined, left } from '../testing/history.mother';
import { coordinator, JAN, log, TIPS_NETWORK_AT, TIPS_NETWORK_EVENTS } from '../testing/tips-network.mother';
import type { Tip } from './tip';
import { TIP_RULES } from './tip-rules';
import { tips, tipsFor } from './tips';

const events = TIPS_NETWORK_EVENTS;
const history = foldNetworkHistory(events);
const AT = TIPS_NETWORK_AT;
const graph = graphAt(history, { at: AT });
const measures = measureGraph(graph);
const all = tips(graph, measures, { at: AT, history });
const byId = (id: string): Tip => all.find((tip) => tip.id === id)!;

describe('tips', () => {
  it('lists the tips kind by kind, most structural first, best first within a kind', () => {
    expect(all.map((tip) => tip.id)).toEqual([
      'reduce_broker_dependence:a1',
      'reduce_broker_dependence:x',
      'reduce_broker_dependence:b1',
      'integrate_newcomer:n1',
      'integrate_newcomer:n2',
      'bridge_communities:a1',
      'bridge_communities:b1',
      'introduce:a3+a4',
      'introduce:a3+q',
      'introduce:a4+q',
      'introduce:a1+q',
      'introduce:n1+p1',
      'climb_ladder:a1+a2',
      'climb_ladder:a2+q',
      'climb_ladder:co+q',
      'reengage_quiet:q+a2',
    ]);
  });

  it('(a) introduces members who share partners, ranked by the structural holes the tie would close, with a what-if', () => {
    const tip = byId('introduce:a3+a4');
    expect(tip.members).toEqual(['a3', 'a4']);
    expect(tip.evidence.figures).toEqual({ sharedPartners: 3, partners: ['a1', 'a2', 'co'] });
    expect(tip.evidence.en).toBe('A3 and A4 both work with A1, A2 and Aino but have never logged an interaction together. Introducing them would close 3 structural holes.');
    expect(tip.evidence.fi).toBe('A3 ja A4 eivät ole vielä kohdanneet, vaikka heillä on 3 yhteistä kumppania (A1, A2 ja Aino). Esittely sulkisi 3 rakenteellista aukkoa.');
    expect(tip.action).toEqual({
      en: 'Introduce A3 and A4 to each other, for example through A1.',
      fi: 'Esittele A3 ja A4 toisilleen, esimerkiksi yhteisen kumppanin A1 kautta.',
    });
    // 25 ties among 15 members; the new tie adds one of 105 pairs, closes the 3 holes at a1, a2 and Aino,
    // and takes a3 and a4 from 3 to 4 ties (degree centralisation 55/182 → 53/182).
    const whatIf = tip.whatIf!;
    expect(whatIf.addedTies).toEqual([['a3', 'a4']]);
    expect(whatIf.before.density).toBeCloseTo(25 / 105, 12);
    expect(whatIf.change.density).toBeCloseTo(1 / 105, 12);
    expect(whatIf.change.structuralHoles).toBe(-3);
    expect(whatIf.before.degreeCentralization).toBeCloseTo(55 / 182, 12);
    expect(whatIf.change.degreeCentralization).toBeCloseTo(-2 / 182, 12);
    expect(Object.keys(whatIf.constraint)).toEqual(['a3', 'a4']);
    // Only the best three of a kind get a preview (TIP_RULES.whatIfTop).
    expect(['introduce:a3+q', 'introduce:a4+q', 'introduce:a1+q', 'introduce:n1+p1'].map((id) => byId(id).whatIf !== undefined)).toEqual([true, true, false, false]);
    // Singular forms: one shared partner, one structural hole.
    expect(byId('introduce:n1+p1').evidence.fi).toBe('N1 ja P1 eivät ole vielä kohdanneet, vaikka heillä on 1 yhteinen kumppani (Aino). Esittely sulkisi 1 rakenteellisen aukon.');
  });

  it('(b) names a broker who holds the only link between groups and suggests a second link around them', () => {
    const tip = byId('reduce_broker_dependence:x');
    expect(tip.members).toEqual(['x', 'a1', 'b1']);
    expect(tip.evidence.figures).toEqual({ betweennessNormalized: 40 / 91, efficiency: 1, degree: 2, groupSizes: ['8', '5'] });
    expect(tip.evidence.en).toBe(
      'X is the only link between one group (A1, A2, A3 and 5 others) and another (B1, B2, B3 and 2 others): without X the network would fall apart into groups of 8 and 5 members. ' +
        'On average 44 % of the shortest paths between two other members pass through X (normalised betweenness 0.44).',
    );
    expect(tip.evidence.fi).toBe(
      'X on ainoa yhteys ryhmien (A1, A2, A3 ja 5 muuta) ja (B1, B2, B3 ja 2 muuta) välillä: ilman häntä verkosto hajoaisi 8 ja 5 jäsenen ryhmiin. ' +
        'Keskimäärin 44 % muiden jäsenten välisistä lyhimmistä poluista kulkee jäsenen X kautta (normalisoitu välittäjyys 0,44).',
    );
    expect(tip.action.en).toBe('Introduce A1 and B1, so that there is a second connection that does not run through X.');
    // The direct a1–b1 tie: one more of 105 pairs; it closes the hole at x but opens 4 around a1 (b1 with
    // a2, a3, a4, Aino) and 4 around b1 (a1 with b2–b5): +7 structural holes. The what-if shows the cost too.
    expect(tip.whatIf!.addedTies).toEqual([['a1', 'b1']]);
    expect(tip.whatIf!.change.density).toBeCloseTo(1 / 105, 12);
    expect(tip.whatIf!.change.structuralHoles).toBe(7);
    // x's two contacts now know each other, each through a partner with 6 ties: 2 × (1/2 + 1/2 · 1/6)² = 98/144.
    expect(tip.whatIf!.constraint.x).toEqual({ before: 0.5, after: expect.closeTo(98 / 144, 12) });
  });

  it('(c) helps newcomers whose only tie is a coordinator, or who have none, spreading the welcome over different members', () => {
    const n1 = byId('integrate_newcomer:n1');
    expect(n1.members).toEqual(['n1', 'a2', 'a1']);
    expect(n1.evidence).toEqual({
      en: 'N1 joined on 2024-06-01 (29 days ago) and is tied only to the coordinator Aino.',
      fi: 'N1 liittyi verkostoon 1.6.2024 (29 päivää sitten), ja hänen ainoat suhteensa ovat koordinaattoreihin: Aino.',
      figures: { joinedAt: '2024-06-01T00:00:00.000Z', daysSinceJoining: 29, coordinatorTies: ['co'] },
    });
    expect(n1.action.fi).toBe('Esittele N1 jäsenille A2 ja A1, joilla on paljon yhteyksiä, esimerkiksi seuraavassa tapaamisessa.');
    expect(n1.whatIf!.addedTies).toEqual([
      ['n1', 'a2'],
      ['n1', 'a1'],
    ]);
    expect(n1.whatIf!.constraint.n1).toEqual({ before: 1, after: expect.closeTo(0.5786, 4) });
    const n2 = byId('integrate_newcomer:n2');
    expect(n2.members).toEqual(['n2', 'b1', 'b2']);
    expect(n2.evidence.en).toBe('N2 joined on 2024-06-20 (10 days ago) and has no ties yet.');
    // p1 knows only the coordinator too, but joined in January: not a newcomer.
    expect(all.some((tip) => tip.id === 'integrate_newcomer:p1')).toBe(false);
  });

  it('(d) re-engages a member gone quiet, through the partner they worked with most', () => {
    const tip = byId('reengage_quiet:q+a2');
    expect(tip.evidence.figures).toEqual({ lastInteractionAt: '2024-02-21T10:00:00.000Z', daysQuiet: 130, partners: 2 });
    expect(tip.evidence.en).toBe('Q has not taken part in any logged interaction for 130 days (last on 2024-02-21), though Q has worked with 2 members.');
    expect(tip.action.en).toBe('A2, who has worked with Q most (2 interactions), could get in touch and ask how things are going.');
    expect(tip.action.fi).toBe('A2, jolla on eniten yhteisiä tapahtumia jäsenen Q kanssa (2), voisi ottaa yhteyttä ja kysyä kuulumisia.');
    expect(tip.whatIf).toBeUndefined();
  });

  it('(d) finds quiet members from the ties when no history is given, but not when the window has hidden their ties', () => {
    expect(tips(graph, measures, { at: AT }).filter((tip) => tip.kind === 'reengage_quiet').map((tip) => tip.id)).toEqual(['reengage_quiet:q+a2']);
    const sliding = graphAt(history, { at: AT, window: 'sliding:90' });
    const slidingTips = (withHistory: boolean) =>
      tips(sliding, measureGraph(sliding), { at: AT, ...(withHistory && { history }) })
        .filter((tip) => tip.kind === 'reengage_quiet')
        .map((tip) => tip.id);
    expect(slidingTips(false)).toEqual([]);
    expect(slidingTips(true)).toEqual(['reengage_quiet:q+a2']);
  });

  it('(e) bridges a group that talks almost only among itself', () => {
    const tip = byId('bridge_communities:b1');
    expect(tip.members).toEqual(['b1', 'a1', 'b2', 'b3', 'b4', 'b5']);
    expect(tip.evidence).toEqual({
      en: 'A group of 5 members (B1, B2, B3 and 2 others) has 10 ties among themselves but only 1 with the rest of the network (9 % of their ties).',
      fi: '5 jäsenen ryhmällä (B1, B2, B3 ja 2 muuta) on keskenään 10 suhdetta mutta muuhun verkostoon vain 1 (9 % suhteista).',
      figures: { groupSize: 5, internalTies: 10, crossTies: 1, crossShare: 1 / 11 },
    });
    expect(tip.action.en).toBe('Introduce B1 from this group to A1 from another group; a joint meeting of the two groups would open more connections.');
    expect(tip.whatIf!.addedTies).toEqual([['b1', 'a1']]);
  });

  it('(f) moves pairs stuck at acquaintance or informal discussion up the ladder', () => {
    const tip = byId('climb_ladder:a1+a2');
    expect(tip.evidence).toEqual({
      en: 'A1 and A2 have been in contact 3 times since 2024-01-10, but never beyond getting acquainted.',
      fi: 'A1 ja A2 ovat olleet yhteydessä 3 kertaa 10.1.2024 lähtien, mutta syvin yhteinen tapahtuma on yhä ”Tutustutaan”.',
      figures: { deepestKind: 'acquainted', interactions: 3, firstAt: '2024-01-10T10:00:00.000Z', days: 172 },
    });
    expect(tip.action).toEqual({
      en: 'Suggest a next step on the ladder: sharing and exchanging information, and later outlining shared goals.',
      fi: 'Ehdota seuraavaa askelta: ”Jaetaan ja vaihdetaan tietoa”, ja myöhemmin ”Hahmotellaan yhteisiä tavoitteita”.',
    });
    expect(byId('climb_ladder:co+q').evidence.en).toBe('Aino and Q have been in contact once since 2024-01-20, but never beyond informal discussion.');
    // co–n1 is shallow too, but only 25 days old: not yet stuck.
    expect(all.some((tip) => tip.id === 'climb_ladder:co+n1')).toBe(false);
  });

  it('(g) spreads the load of a coordinator the network is centralised on', () => {
    // Aino with six members; s1–s2 and s2–s3 also know each other; s4–s6 know only Aino.
    const star = foldNetworkHistory([
      coordinator(joined('co', JAN, { name: 'Aino' })),
      ...['s1', 's2', 's3', 's4', 's5', 's6'].map((id) => joined(id, JAN, { name: id.toUpperCase() })),
      ...['s1', 's2', 's3', 's4', 's5', 's6'].map((id, i) => log(['co', id], `2024-02-0${i + 1}`)),
      log(['s1', 's2'], '2024-03-01'),
      log(['s2', 's3'], '2024-03-02'),
    ]);
    const starGraph = graphAt(star, { at: AT });
    const [tip] = tips(starGraph, measureGraph(starGraph), { at: AT }).filter((t) => t.kind === 'spread_coordinator_load');
    expect(tip.members).toEqual(['co', 's2', 's1', 's3', 's4', 's5', 's6']);
    expect(tip.evidence.figures).toEqual({ degree: 6, meanDegreeOfOthers: 10 / 6, degreeCentralization: 26 / 30, onlyThroughCoordinator: ['s4', 's5', 's6'] });
    expect(tip.evidence.en).toBe(
      'Aino has 6 ties while other members have 1.67 on average; degree centralisation is 0.87 (from 0.4 up the load should be shared). 3 members are tied to the network only through Aino.',
    );
    expect(tip.evidence.fi).toBe(
      'Koordinaattorilla Aino on 6 suhdetta, kun muilla jäsenillä on keskimäärin 1,67; keskittyneisyys on 0,87 (kuormaa kannattaa jakaa, kun se on vähintään 0,4). 3 jäsentä on kytköksissä verkostoon vain koordinaattorin kautta.',
    );
    expect(tip.action.en).toBe(
      'Share hosting and carrying information with S2, S1 and S3: they could host a meeting, introduce newcomers or act as messengers between groups. S2 could start by meeting S4, S5 and S6.',
    );
    expect(tip.whatIf!.addedTies).toEqual([
      ['s2', 's4'],
      ['s2', 's5'],
      ['s2', 's6'],
    ]);
    // Hand-checked: Aino 6, s2 6, s1, s3 and s4–s6 2 each → Σ(6 − d) = 20 over (7 − 1)(7 − 2) = 30.
    expect(tip.whatIf!.after.degreeCentralization).toBeCloseTo(20 / 30, 12);
    // No such tip when the network is not centralised on a coordinator.
    expect(all.some((t) => t.kind === 'spread_coordinator_load')).toBe(false);
  });

  it('gives members only the tips about themselves', () => {
    expect(tipsFor(all, 'q').map((tip) => tip.id)).toEqual([
      'bridge_communities:a1',
      'introduce:a3+q',
      'introduce:a4+q',
      'introduce:a1+q',
      'climb_ladder:a2+q',
      'climb_ladder:co+q',
      'reengage_quiet:q+a2',
    ]);
    expect(tipsFor(all, 'nobody')).toEqual([]);
  });

  it('takes its limits from the rules it is given', () => {
    const few = tips(graph, measures, { at: AT, history, rules: { ...TIP_RULES, maxPerKind: 1, whatIfTop: 0 } });
    expect(few.map((tip) => tip.id)).toEqual([
      'reduce_broker_dependence:a1',
      'integrate_newcomer:n1',
      'bridge_communities:a1',
      'introduce:a3+a4',
      'climb_ladder:a1+a2',
      'reengage_quiet:q+a2',
    ]);
    expect(few.every((tip) => tip.whatIf === undefined)).toBe(true);
  });

  it('(d) passes over partners who have left: the next partner, or the next quiet member', () => {
    // Given r1, quiet, whose three partners have all left, and r2, quiet, whose closest partner g1 has left
    const quiet = foldNetworkHistory([
      ...['r1', 'r2', 'g1', 'g2', 'g3', 'x', 'y'].map((id) => joined(id, JAN, { name: id.toUpperCase() })),
      log(['r1', 'g1'], '2024-02-01'),
      log(['r1', 'g2'], '2024-02-02'),
      log(['r1', 'g3'], '2024-02-03'),
      ...['2024-02-04', '2024-02-05', '2024-02-06'].map((date) => log(['r2', 'g1'], date)),
      log(['r2', 'x'], '2024-02-10'),
      log(['x', 'y'], '2024-06-20'),
      ...['g1', 'g2', 'g3'].map((id) => left(id, '2024-04-01T00:00:00Z')),
    ]);
    const drawn = graphAt(quiet, { at: AT });
    // When the rules ask for one quiet member
    const found = tips(drawn, measureGraph(drawn), { at: AT, history: quiet, rules: { ...TIP_RULES, maxPerKind: 1 } }).filter((tip) => tip.kind === 'reengage_quiet');
    // Then r1 (more partners, none still a member) gives way to r2, who is pointed to x; both partners count
    expect(found.map((tip) => [tip.id, tip.evidence.figures.partners, tip.action.en])).toEqual([
      ['reengage_quiet:r2+x', 2, 'X, who has worked with R2 most (1 interaction), could get in touch and ask how things are going.'],
    ]);
  });

  it('uses the CSR the caller already has for this graph, and ignores one of another graph', () => {
    const other = graphAt(history, { at: '2024-03-15' });
    expect(tips(graph, measures, { at: AT, history, csr: toCsr(graph) })).toEqual(all);
    expect(tips(graph, measures, { at: AT, history, csr: toCsr(other) })).toEqual(all);
  });

  it('(a) introduces the same pairs as ranking every open pair of peers', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      // Given a seeded random network of 60 members, a few of them coordinators
      const rng = mulberry32(seed);
      const ids = Array.from({ length: 60 }, (_, i) => `m${String(i).padStart(2, '0')}`);
      const randomEvents = [
        ...ids.map((id) => (rng() < 0.1 ? coordinator(joined(id, JAN)) : joined(id, JAN))),
        ...Array.from({ length: 150 + Math.floor(rng() * 300) }, () => log([ids[Math.floor(rng() * 60)], ids[Math.floor(rng() * 60)]], '2024-03-01')),
      ];
      const drawn = graphAt(foldNetworkHistory(randomEvents), { at: AT });
      // When tips are asked for, and every untied pair of peers is ranked directly
      const found = tips(drawn, measureGraph(drawn), { at: AT, rules: { ...TIP_RULES, maxPerKind: 8, whatIfTop: 0 } })
        .filter((tip) => tip.kind === 'introduce')
        .map((tip) => [...tip.members, tip.evidence.figures.sharedPartners]);
      const peers = drawn.filterNodes((_id, node) => node.role !== 'coordinator').sort(compareKeys);
      const ranked: Array<[string, string, number]> = [];
      for (const [i, a] of peers.entries()) {
        for (const b of peers.slice(i + 1)) {
          const shared = drawn.neighbors(a).filter((w) => drawn.hasEdge(w, b)).length;
          if (!drawn.hasEdge(a, b) && shared > 0) ranked.push([a, b, shared]);
        }
      }
      ranked.sort(([a, b, x], [c, d, y]) => y - x || drawn.degree(a) + drawn.degree(b) - drawn.degree(c) - drawn.degree(d) || compareKeys(a, c) || compareKeys(b, d));
      // Then the tips are the best of that ranking, in its order
      expect(found).toEqual(ranked.slice(0, 8));
    }
  });
});
