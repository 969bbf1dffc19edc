/**
 * climb_ladder: a pair has been in contact for months without going beyond acquaintance or informal
 * discussion (the ladder tunteminen → luottamus → sitoutuminen, seeds 003 and 004). The tip suggests the
 * next step.
 */
import type { InteractionKind } from '@solmu/network/published';
import { INTERACTION_KINDS } from '@solmu/network/published';
import { compareKeys } from '../../measures/engine/csr';
import { DAY_MS } from '../scene';
import type { Scene } from '../scene';
import type { Tip } from '../tip';
import { KIND_WORDS, formatDate, timesWords } from '../wording';

export function stuckPairs(scene: Scene): Tip[] {
  const { rules, graph } = scene;
  const shallow = new Set<string>(rules.ladder.shallowKinds);
  const found: Array<{ a: string; b: string; firstMs: number; interactions: number; deepest: InteractionKind }> = [];
  graph.forEachEdge((_key, tie, a, b) => {
    if (!shallow.has(tie.deepestKind)) return;
    const firstMs = Date.parse(tie.first);
    if (scene.atMs - firstMs < rules.ladder.stuckDays * DAY_MS) return;
    const [x, y] = compareKeys(a, b) <= 0 ? [a, b] : [b, a];
    found.push({ a: x, b: y, firstMs, interactions: tie.interactions, deepest: tie.deepestKind });
  });
  found.sort((x, y) => y.interactions - x.interactions || x.firstMs - y.firstMs || compareKeys(x.a, y.a) || compareKeys(x.b, y.b));
  return found.slice(0, rules.maxPerKind).map(({ a, b, firstMs, interactions, deepest }) => {
    const next = INTERACTION_KINDS[Math.max(INTERACTION_KINDS.indexOf(deepest) + 1, INTERACTION_KINDS.indexOf('exchanged_information'))];
    const times = timesWords(interactions);
    const en = `${scene.name(a)} and ${scene.name(b)} have been in contact ${times.en} since ${formatDate(firstMs, 'en')}, but never beyond ${KIND_WORDS[deepest].en}.`;
    const fi = `${scene.name(a)} ja ${scene.name(b)} ovat olleet yhteydessä ${times.fi} ${formatDate(firstMs, 'fi')} lähtien, mutta syvin yhteinen tapahtuma on yhä ”${KIND_WORDS[deepest].fi}”.`;
    const action = {
      en: `Suggest a next step on the ladder: ${KIND_WORDS[next].en}, and later outlining shared goals.`,
      fi: `Ehdota seuraavaa askelta: ”${KIND_WORDS[next].fi}”, ja myöhemmin ”${KIND_WORDS.outlined_goals.fi}”.`,
    };
    const days = Math.floor((scene.atMs - firstMs) / DAY_MS);
    return scene.tip('climb_ladder', [a, b], { en, fi, figures: { deepestKind: deepest, interactions, firstAt: new Date(firstMs).toISOString(), days } }, action);
  });
}
