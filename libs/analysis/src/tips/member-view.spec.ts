import { graphAt } from '../graph/graph-at';
import { foldNetworkHistory } from '../graph/network-history';
import { measureGraph } from '../measures/network-measures';
import { TIPS_NETWORK_AT, TIPS_NETWORK_EVENTS } from '../testing/tips-network.mother';
import { privateTipsFor, tipsForMember } from './member-view';
import type { Tip } from './tip';
import { tips, tipsFor } from './tips';

const history = foldNetworkHistory(TIPS_NETWORK_EVENTS);
const AT = TIPS_NETWORK_AT;
const graph = graphAt(history, { at: AT });
const all = tips(graph, measureGraph(graph), { at: AT, history });
const memberIds = graph.nodes();
const nameOf = (id: string): string => graph.getNodeAttribute(id, 'name');

/** Whom `member` has logged an interaction with up to the date: the only others a private tip may name. */
function partnersOf(member: string): Set<string> {
  const out = new Set<string>();
  for (const pair of history.pairs.values()) {
    if (pair.times[0] > Date.parse(`${AT}T23:59:59.999Z`)) continue;
    if (pair.a === member) out.add(pair.b);
    if (pair.b === member) out.add(pair.a);
  }
  return out;
}

/** The others a tip shows to `member`, by id (members, figures) or by name (every text), who are not their partners. */
function strangersIn(tip: Tip, member: string): string[] {
  const allowed = new Set([member, ...partnersOf(member)]);
  const text = [tip.evidence.en, tip.evidence.fi, tip.action.en, tip.action.fi].join('\n');
  const ids = [...tip.members, ...Object.values(tip.evidence.figures).flat().map(String)];
  return memberIds.filter((id) => !allowed.has(id) && (ids.includes(id) || new RegExp(`(^|[^\\w])${nameOf(id)}([^\\w]|$)`).test(text)));
}

describe('a member’s private view of the tips (membersSeeNetwork=false)', () => {
  it('keeps only the tips on their own ties: q keeps the ladder with a2 and with Aino and their own quiet tip', () => {
    // What q reads of an open network (tips.spec.ts) includes introductions and a closed group.
    expect(tipsFor(all, 'q').map((tip) => tip.id)).toEqual(expect.arrayContaining(['bridge_communities:a1', 'introduce:a3+q', 'climb_ladder:a2+q']));
    expect(privateTipsFor(all, graph, 'q').map((tip) => tip.id)).toEqual(['climb_ladder:a2+q', 'climb_ladder:co+q', 'reengage_quiet:q+a2']);
  });

  it('names no one the member has not worked with, carries no what-if, and keeps only the member’s own figures', () => {
    let shown = 0;
    for (const member of memberIds) {
      for (const tip of privateTipsFor(all, graph, member)) {
        shown++;
        expect([tip.id, strangersIn(tip, member)]).toEqual([tip.id, []]);
        expect(tip.whatIf).toBeUndefined();
        expect(['integrate_newcomer', 'climb_ladder', 'reengage_quiet']).toContain(tip.kind);
        expect(tip.members[0] === member || (tip.kind === 'climb_ladder' && tip.members.includes(member))).toBe(true);
      }
    }
    expect(shown).toBeGreaterThan(5);
  });

  it('the same check finds strangers in what members see when the network is open (so it can fail)', () => {
    const leaks = memberIds.flatMap((member) => tipsFor(all, member).flatMap((tip) => strangersIn(tip, member)));
    expect(leaks.length).toBeGreaterThan(0);
    expect(strangersIn(all.find((tip) => tip.id === 'introduce:a3+q')!, 'q')).toEqual(expect.arrayContaining(['a3']));
  });

  it('leaves out the tip in which the member is only the one asked to reach someone else', () => {
    // a2 is who q worked with most: asked to get in touch, which would tell a2 that q has gone quiet.
    expect(tipsFor(all, 'a2').map((tip) => tip.id)).toContain('reengage_quiet:q+a2');
    expect(privateTipsFor(all, graph, 'a2').map((tip) => tip.id)).not.toContain('reengage_quiet:q+a2');
    // Hosts suggested for a newcomer are not told about the newcomer's ties.
    const host = all.find((tip) => tip.id === 'integrate_newcomer:n1')!.members[1];
    expect(privateTipsFor(all, graph, host).some((tip) => tip.kind === 'integrate_newcomer')).toBe(false);
  });

  it('writes in the second person, in English and Finnish', () => {
    const view = privateTipsFor(all, graph, 'q');
    expect(view.find((tip) => tip.id === 'climb_ladder:a2+q')).toEqual({
      id: 'climb_ladder:a2+q',
      kind: 'climb_ladder',
      members: ['a2', 'q'],
      evidence: {
        en: 'You and A2 have been in contact 2 times since 2024-02-20, but never beyond informal discussion.',
        fi: 'Sinä ja A2 olette olleet yhteydessä 2 kertaa 20.2.2024 lähtien, mutta syvin yhteinen tapahtumanne on yhä ”Keskustellaan vapaamuotoisesti”.',
        figures: { deepestKind: 'discussed', interactions: 2, firstAt: '2024-02-20T10:00:00.000Z', days: 131 },
      },
      action: all.find((tip) => tip.id === 'climb_ladder:a2+q')!.action,
    });
    expect(view.find((tip) => tip.id === 'reengage_quiet:q+a2')).toEqual({
      id: 'reengage_quiet:q+a2',
      kind: 'reengage_quiet',
      members: ['q', 'a2'],
      evidence: {
        en: 'You have not taken part in any logged interaction for 130 days (last on 2024-02-21), though you have worked with 2 members.',
        fi: 'Et ole ollut mukana yhdessäkään kirjatussa tapahtumassa 130 päivään (viimeksi 21.2.2024), vaikka sinulla on ollut suhde 2 jäseneen.',
        figures: { lastInteractionAt: '2024-02-21T10:00:00.000Z', daysQuiet: 130, partners: 2 },
      },
      action: {
        en: 'Get in touch with A2, whom you have worked with most, and ask how things are going.',
        fi: 'Ota yhteyttä jäseneen A2, jonka kanssa sinulla on eniten yhteisiä tapahtumia, ja kysy kuulumisia.',
      },
    });
  });

  it('a newcomer is pointed to their own coordinator contacts, not to well-connected strangers', () => {
    const open = all.find((tip) => tip.id === 'integrate_newcomer:n1')!;
    const [mine] = privateTipsFor(all, graph, 'n1').filter((tip) => tip.kind === 'integrate_newcomer');
    const [alone] = privateTipsFor(all, graph, 'n2').filter((tip) => tip.kind === 'integrate_newcomer');

    expect(open.members.length).toBeGreaterThan(2);
    expect(mine.members).toEqual(['n1', 'co']);
    expect(mine.evidence.en).toBe('You joined on 2024-06-01 (29 days ago) and so far are tied only to the coordinator Aino.');
    expect(mine.action).toEqual({
      en: 'Ask Aino to introduce you to other members, for example at the next meeting.',
      fi: 'Pyydä koordinaattoria (Aino) esittelemään sinut muille jäsenille, esimerkiksi seuraavassa tapaamisessa.',
    });
    expect(mine.whatIf).toBeUndefined();
    expect(alone.members).toEqual(['n2']);
    expect(alone.evidence.fi).toBe('Liityit verkostoon 20.6.2024 (10 päivää sitten), eikä sinulla ole vielä yhtään suhdetta.');
  });

  it('gives members of an open network what it gives today: every tip that names them', () => {
    for (const member of memberIds) expect(tipsForMember(all, graph, member, { seesNetwork: true })).toEqual(tipsFor(all, member));
    expect(tipsForMember(all, graph, 'q', { seesNetwork: false })).toEqual(privateTipsFor(all, graph, 'q'));
  });

  it('does not change the tips it is given', () => {
    const before = JSON.stringify(all);
    for (const member of memberIds) privateTipsFor(all, graph, member);
    expect(JSON.stringify(all)).toBe(before);
  });
});
