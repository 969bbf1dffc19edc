/**
 * bridge_communities: a group (a Louvain community) talks almost only among itself (klikkiytyminen). The
 * tip suggests a first tie to the largest other group.
 */
import { areTied } from '../../measures/engine/csr';
import type { Scene } from '../scene';
import type { Tip } from '../tip';
import type { WhatIf } from '../what-if';
import { counted, nameList, percent } from '../wording';

export function closedGroups(scene: Scene): Tip[] {
  const { csr, rules } = scene;
  const byCommunity = new Map<number, number[]>();
  for (let v = 0; v < csr.n; v++) {
    const c = scene.memberMeasures(v).community;
    let list = byCommunity.get(c);
    if (list === undefined) byCommunity.set(c, (list = []));
    list.push(v);
  }
  const groups = [...byCommunity.values()].filter((list) => list.length >= rules.bridge.minCommunitySize);
  if (groups.length < 2) return [];
  const found: Array<{ group: number[]; internal: number; cross: number; share: number; pair: [number, number] | null }> = [];
  for (const group of groups) {
    const community = scene.memberMeasures(group[0]).community;
    let internal = 0;
    let cross = 0;
    for (const v of group) {
      for (let j = csr.offsets[v]; j < csr.offsets[v + 1]; j++) {
        if (scene.memberMeasures(csr.neighbours[j]).community === community) internal++;
        else cross++;
      }
    }
    internal /= 2;
    const share = internal + cross === 0 ? 0 : cross / (internal + cross);
    if (internal === 0 || share > rules.bridge.maxCrossShare) continue;
    const largestOther = groups.filter((other) => other !== group).sort((x, y) => y.length - x.length || x[0] - y[0])[0];
    found.push({ group, internal, cross, share, pair: bestPairBetween(scene, group, largestOther) });
  }
  found.sort((x, y) => x.share - y.share || y.group.length - x.group.length || x.group[0] - y.group[0]);
  return found.slice(0, rules.maxPerKind).map(({ group, internal, cross, share, pair }, rank) => {
    const names = group.map((v) => scene.name(csr.keys[v]));
    const en = `A group of ${group.length} members (${nameList(names, 'en')}) has ${counted(internal, 'tie', 'ties')} among themselves but only ${cross} with the rest of the network (${percent(share)} of their ties).`;
    const fi = `${group.length} jäsenen ryhmällä (${nameList(names, 'fi')}) on keskenään ${counted(internal, 'suhde', 'suhdetta')} mutta muuhun verkostoon vain ${cross} (${percent(share)} suhteista).`;
    const members = group.map((v) => csr.keys[v]);
    let action = { en: 'Hold a joint meeting with another group.', fi: 'Järjestäkää yhteinen tapaaminen toisen ryhmän kanssa.' };
    let whatIf: WhatIf | undefined;
    if (pair !== null) {
      const [a, b] = [csr.keys[pair[0]], csr.keys[pair[1]]];
      members.splice(members.indexOf(a), 1);
      members.unshift(a, b);
      action = {
        en: `Introduce ${scene.name(a)} from this group to ${scene.name(b)} from another group; a joint meeting of the two groups would open more connections.`,
        fi: `Esittele ryhmän jäsen ${scene.name(a)} ja toisen ryhmän jäsen ${scene.name(b)} toisilleen; ryhmien yhteinen tapaaminen avaisi lisää yhteyksiä.`,
      };
      if (rank < rules.whatIfTop) whatIf = scene.preview([[a, b]], [a, b]);
    }
    return scene.tip('bridge_communities', members, { en, fi, figures: { groupSize: group.length, internalTies: internal, crossTies: cross, crossShare: share } }, action, whatIf);
  });
}

/** The untied pair (one from each group) with the most ties between them. */
function bestPairBetween(scene: Scene, group: readonly number[], other: readonly number[]): [number, number] | null {
  const { csr } = scene;
  const byDegree = (list: readonly number[]) => [...scene.peersOf(list)].sort((x, y) => csr.degree[y] - csr.degree[x] || x - y);
  for (const a of byDegree(group)) {
    for (const b of byDegree(other)) {
      if (!areTied(csr, a, b)) return [a, b];
    }
  }
  return null;
}
