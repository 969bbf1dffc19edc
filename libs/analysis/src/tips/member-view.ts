/**
 * What a member who is not a coordinator reads of the tips. When the network lets members see the
 * network (settings.membersSeeNetwork), they get every tip that names them (tipsFor). When it does
 * not, /graph is closed to them, and the tips must not open it by the back door: a member then gets
 * only the tips that rest on their own ties, rewritten in the second person from those ties alone.
 *
 * The private rule, precisely. A member M gets:
 * - integrate_newcomer about M: M's joining date and M's ties (to coordinators, or none); the action
 *   asks M's own coordinator contacts for introductions instead of naming well-connected strangers;
 * - climb_ladder on a tie of M's: the pair's own count, first date and deepest step;
 * - reengage_quiet about M: M's last interaction and number of partners, and the partner M worked
 *   with most.
 * Nothing else: no tip about a broker, a closed group, the coordinator's load or an introduction
 * (each rests on other members' ties: "A and B both work with C"), no tip in which M is only the one
 * asked to reach out to someone else, and no what-if preview (its figures are the network's). So a
 * private tip names only M and members M has logged an interaction with up to the date, and its
 * figures are M's own. Which of M's tips are shown still follows the network-wide ranking (at most
 * TIP_RULES.maxPerKind of a kind), as for everyone.
 */
import type { TieGraph } from '../graph/types';
import type { Tip } from './tip';
import { tipsFor } from './tips';
import { counted, formatDate, KIND_WORDS, nameList, timesWords } from './wording';

export interface MemberTipOptions {
  /** Whether the member may see the network (the network's membersSeeNetwork setting). */
  seesNetwork: boolean;
}

/** The tips a member (not a coordinator) reads: all that name them, or their private view. */
export function tipsForMember(all: readonly Tip[], graph: TieGraph, memberId: string, options: MemberTipOptions): Tip[] {
  return options.seesNetwork ? tipsFor(all, memberId) : privateTipsFor(all, graph, memberId);
}

/** A member's private view: the tips about their own ties, phrased from those ties alone. */
export function privateTipsFor(all: readonly Tip[], graph: TieGraph, memberId: string): Tip[] {
  const name = (id: string): string => (graph.hasNode(id) ? graph.getNodeAttribute(id, 'name') : id);
  const out: Tip[] = [];
  for (const tip of all) {
    const rewritten = rewrite(tip, memberId, name);
    if (rewritten !== null) out.push(rewritten);
  }
  return out;
}

function rewrite(tip: Tip, me: string, name: (id: string) => string): Tip | null {
  const figures = tip.evidence.figures;
  switch (tip.kind) {
    case 'integrate_newcomer': {
      if (tip.members[0] !== me) return null;
      const joinedMs = Date.parse(String(figures.joinedAt));
      const days = Number(figures.daysSinceJoining);
      const contacts = figures.coordinatorTies as string[];
      const names = contacts.map(name);
      const joined = { en: `You joined on ${formatDate(joinedMs, 'en')} (${days} days ago)`, fi: `Liityit verkostoon ${formatDate(joinedMs, 'fi')} (${days} päivää sitten)` };
      const evidence =
        contacts.length === 0
          ? { en: `${joined.en} and have no ties yet.`, fi: `${joined.fi}, eikä sinulla ole vielä yhtään suhdetta.` }
          : { en: `${joined.en} and so far are tied only to the coordinator${contacts.length > 1 ? 's' : ''} ${nameList(names, 'en')}.`, fi: `${joined.fi}, ja ainoat suhteesi ovat koordinaattoreihin: ${nameList(names, 'fi')}.` };
      const action =
        contacts.length === 0
          ? { en: 'Ask the coordinator to introduce you to other members, for example at the next meeting.', fi: 'Pyydä koordinaattoria esittelemään sinut muille jäsenille, esimerkiksi seuraavassa tapaamisessa.' }
          : { en: `Ask ${nameList(names, 'en')} to introduce you to other members, for example at the next meeting.`, fi: `Pyydä koordinaattoria (${nameList(names, 'fi')}) esittelemään sinut muille jäsenille, esimerkiksi seuraavassa tapaamisessa.` };
      return { id: tip.id, kind: tip.kind, members: [me, ...contacts], evidence: { ...evidence, figures: { ...figures } }, action };
    }
    case 'climb_ladder': {
      if (!tip.members.includes(me)) return null;
      const other = tip.members.find((id) => id !== me)!;
      const deepest = KIND_WORDS[figures.deepestKind as keyof typeof KIND_WORDS];
      const times = timesWords(Number(figures.interactions));
      const firstMs = Date.parse(String(figures.firstAt));
      const evidence = {
        en: `You and ${name(other)} have been in contact ${times.en} since ${formatDate(firstMs, 'en')}, but never beyond ${deepest.en}.`,
        fi: `Sinä ja ${name(other)} olette olleet yhteydessä ${times.fi} ${formatDate(firstMs, 'fi')} lähtien, mutta syvin yhteinen tapahtumanne on yhä ”${deepest.fi}”.`,
      };
      // The action names no one: it is the next step on the pair's own ladder.
      return { id: tip.id, kind: tip.kind, members: [...tip.members], evidence: { ...evidence, figures: { ...figures } }, action: { ...tip.action } };
    }
    case 'reengage_quiet': {
      if (tip.members[0] !== me) return null;
      const best = tip.members[1];
      const days = Number(figures.daysQuiet);
      const lastMs = Date.parse(String(figures.lastInteractionAt));
      const partners = Number(figures.partners);
      const evidence = {
        en: `You have not taken part in any logged interaction for ${days} days (last on ${formatDate(lastMs, 'en')}), though you have worked with ${counted(partners, 'member', 'members')}.`,
        fi: `Et ole ollut mukana yhdessäkään kirjatussa tapahtumassa ${days} päivään (viimeksi ${formatDate(lastMs, 'fi')}), vaikka sinulla on ollut suhde ${partners} jäseneen.`,
      };
      const action = {
        en: `Get in touch with ${name(best)}, whom you have worked with most, and ask how things are going.`,
        fi: `Ota yhteyttä jäseneen ${name(best)}, jonka kanssa sinulla on eniten yhteisiä tapahtumia, ja kysy kuulumisia.`,
      };
      return { id: tip.id, kind: tip.kind, members: [me, best], evidence: { ...evidence, figures: { ...figures } }, action };
    }
    case 'reduce_broker_dependence':
    case 'spread_coordinator_load':
    case 'bridge_communities':
    case 'introduce':
      return null;
    default: {
      // A new kind must be placed on one side of the rule above before it compiles.
      const unplaced: never = tip.kind;
      return unplaced;
    }
  }
}
