/**
 * reengage_quiet: a member with ties has not taken part in anything for a while (seed 001's pitfalls:
 * "vuorovaikutus on niukkaa"). Found from the history when it is given (under a sliding window a quiet
 * member has no ties left in the graph), else from the ties' last dates; the partner they worked with
 * most is asked to get in touch.
 */
import type { NetworkHistory } from '../../graph/network-history';
import { membershipAt } from '../../graph/network-history';
import { compareKeys, firstAbove } from '../../measures/engine/csr';
import { DAY_MS } from '../scene';
import type { Scene } from '../scene';
import type { Tip } from '../tip';
import { counted, formatDate } from '../wording';

export function quietMembers(scene: Scene, history: NetworkHistory | undefined): Tip[] {
  const quiet = history !== undefined ? quietInHistory(scene, history) : quietInTies(scene);
  return quiet.map(({ id, lastMs, partnerCount, best, together }) => {
    const name = scene.name(id);
    const days = Math.floor((scene.atMs - lastMs) / DAY_MS);
    const en = `${name} has not taken part in any logged interaction for ${days} days (last on ${formatDate(lastMs, 'en')}), though ${name} has worked with ${counted(partnerCount, 'member', 'members')}.`;
    const fi = `${name} ei ole ollut mukana yhdessäkään kirjatussa tapahtumassa ${days} päivään (viimeksi ${formatDate(lastMs, 'fi')}), vaikka hänellä on ollut suhde ${partnerCount} jäseneen.`;
    const action = {
      en: `${scene.name(best)}, who has worked with ${name} most (${counted(together, 'interaction', 'interactions')}), could get in touch and ask how things are going.`,
      fi: `${scene.name(best)}, jolla on eniten yhteisiä tapahtumia jäsenen ${name} kanssa (${together}), voisi ottaa yhteyttä ja kysyä kuulumisia.`,
    };
    return scene.tip('reengage_quiet', [id, best], { en, fi, figures: { lastInteractionAt: new Date(lastMs).toISOString(), daysQuiet: days, partners: partnerCount } }, action);
  });
}

/**
 * From the history: per pair, the interactions up to the date by binary search on its sorted dates;
 * per member (by ordinal), the last of them and the number of partners. Who worked with a member
 * most is looked up only for the members who may make the list.
 */
function quietInHistory(scene: Scene, history: NetworkHistory): QuietMember[] {
  const pairs = [...history.pairs.values()];
  const upTo = new Int32Array(pairs.length);
  const last = new Float64Array(history.ordinals.size).fill(-Infinity);
  const partnerCount = new Int32Array(history.ordinals.size);
  pairs.forEach((pair, p) => {
    const count = (upTo[p] = firstAbove(pair.times, 0, pair.times.length, scene.atMs));
    if (count === 0) return;
    const ms = pair.times[count - 1];
    if (ms > last[pair.aOrdinal]) last[pair.aOrdinal] = ms;
    if (ms > last[pair.bOrdinal]) last[pair.bOrdinal] = ms;
    partnerCount[pair.aOrdinal]++;
    partnerCount[pair.bOrdinal]++;
  });
  const candidates: QuietCandidate[] = [];
  for (const id of scene.csr.keys) {
    const ordinal = history.ordinals.get(id);
    if (ordinal !== undefined && partnerCount[ordinal] > 0) candidates.push({ id, lastMs: last[ordinal], partnerCount: partnerCount[ordinal], ordinal });
  }
  return pickQuiet(scene, candidates, history, (batch) => {
    const slot = new Int32Array(history.ordinals.size).fill(-1);
    batch.forEach(({ ordinal }, i) => (slot[ordinal] = i));
    const lists = batch.map((): Array<[string, number]> => []);
    pairs.forEach((pair, p) => {
      if (upTo[p] === 0) return;
      if (slot[pair.aOrdinal] >= 0) lists[slot[pair.aOrdinal]].push([pair.b, upTo[p]]);
      if (slot[pair.bOrdinal] >= 0) lists[slot[pair.bOrdinal]].push([pair.a, upTo[p]]);
    });
    return lists;
  });
}

/** From the ties' last dates and interaction counts, when there is no history. */
function quietInTies(scene: Scene): QuietMember[] {
  const { csr, graph } = scene;
  const last = new Float64Array(csr.n).fill(-Infinity);
  const partnerCount = new Int32Array(csr.n);
  graph.forEachEdge((_key, tie, a, b) => {
    const ms = Date.parse(tie.last);
    // A tie graph has no self-loops, so each tie is one more partner for each end.
    for (const v of [csr.indexOf.get(a)!, csr.indexOf.get(b)!]) {
      if (ms > last[v]) last[v] = ms;
      partnerCount[v]++;
    }
  });
  const candidates: QuietCandidate[] = [];
  for (let v = 0; v < csr.n; v++) {
    if (last[v] > -Infinity) candidates.push({ id: csr.keys[v], lastMs: last[v], partnerCount: partnerCount[v], ordinal: v });
  }
  return pickQuiet(scene, candidates, undefined, (batch) =>
    batch.map(({ id }) => {
      const list: Array<[string, number]> = [];
      graph.forEachEdge(id, (_key, tie, a, b) => list.push([a === id ? b : a, tie.interactions]));
      return list;
    }),
  );
}

/**
 * The quiet members among `candidates` (members with a last interaction), most partners first, then
 * longest quiet; each with the partner still in the network they worked with most. `partnersOf` is
 * asked for the next few only: a member whose partners have all left gives way to the next one.
 */
function pickQuiet(scene: Scene, candidates: QuietCandidate[], history: NetworkHistory | undefined, partnersOf: (batch: QuietCandidate[]) => Array<Array<[string, number]>>): QuietMember[] {
  const quietMs = scene.rules.quiet.days * DAY_MS;
  const ranked = candidates
    .filter(({ lastMs }) => !(scene.atMs - lastMs < quietMs))
    .sort((x, y) => y.partnerCount - x.partnerCount || x.lastMs - y.lastMs || compareKeys(x.id, y.id));
  const out: QuietMember[] = [];
  for (let next = 0; out.length < scene.rules.maxPerKind && next < ranked.length; ) {
    const batch = ranked.slice(next, next + scene.rules.maxPerKind - out.length);
    next += batch.length;
    partnersOf(batch).forEach((partners, i) => {
      const mine = partners.filter(([other]) => isMemberNow(scene, other, history));
      if (mine.length === 0) return;
      mine.sort(([x, cx], [y, cy]) => cy - cx || compareKeys(x, y));
      const { id, lastMs, partnerCount } = batch[i];
      out.push({ id, lastMs, partnerCount, best: mine[0][0], together: mine[0][1] });
    });
  }
  return out;
}

/** Whether a past partner is still a member at the date (in the graph, or by the history's spans). */
function isMemberNow(scene: Scene, id: string, history: NetworkHistory | undefined): boolean {
  if (scene.graph.hasNode(id)) return true;
  const member = history?.members.get(id);
  return member !== undefined && membershipAt(member, scene.atMs) !== undefined;
}

interface QuietCandidate {
  id: string;
  lastMs: number;
  partnerCount: number;
  /** The member's index in the per-member arrays it was found from. */
  ordinal: number;
}

interface QuietMember {
  id: string;
  lastMs: number;
  partnerCount: number;
  /** The partner still in the network they worked with most, and how many interactions they share. */
  best: string;
  together: number;
}
