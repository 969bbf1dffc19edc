/**
 * reduce_broker_dependence: a member is the only link between groups (an articulation point), or lies
 * on most shortest paths between contacts who do not know each other (seed 000: the owner of a
 * structural hole controls the collaboration; no genuine, equal interaction). The tip suggests a second
 * connection that does not run through them.
 */
import { areTied } from '../../measures/engine/csr';
import { formatNumber } from '../../phases/evidence';
import { articulationPoints, splitAt } from '../articulation';
import type { Scene } from '../scene';
import type { Tip } from '../tip';
import type { WhatIf } from '../what-if';
import { nameList, percent } from '../wording';

export function brokers(scene: Scene): Tip[] {
  const { csr, rules } = scene;
  /** `onlyLink`: an articulation point; otherwise a high-betweenness member with unconnected contacts. */
  const found: Array<{ v: number; onlyLink: boolean }> = [];
  const cut = new Set<number>();
  for (const { vertex, partSizes } of articulationPoints(csr)) {
    if (partSizes.filter((size) => size >= rules.broker.minGroupSize).length < 2) continue;
    cut.add(vertex);
    found.push({ v: vertex, onlyLink: true });
  }
  for (let v = 0; v < csr.n; v++) {
    if (cut.has(v)) continue;
    const m = scene.memberMeasures(v);
    if (m.betweennessNormalized >= rules.broker.minBetweenness && (m.efficiency ?? 0) >= rules.broker.minEfficiency) found.push({ v, onlyLink: false });
  }
  found.sort((x, y) => scene.memberMeasures(y.v).betweennessNormalized - scene.memberMeasures(x.v).betweennessNormalized || x.v - y.v);
  return found.slice(0, rules.maxPerKind).map(({ v, onlyLink }, rank) => {
    // Only for the brokers reported: who is in the groups, and the best pair to join them directly.
    const parts = onlyLink ? splitAt(csr, v).filter((part) => part.length >= rules.broker.minGroupSize) : null;
    const pair: [number, number] | null = parts !== null ? [mostConnected(scene, parts[0]), mostConnected(scene, parts[1])] : bestOpenPairAround(scene, v);
    const id = csr.keys[v];
    const m = scene.memberMeasures(id);
    const name = scene.name(id);
    const share = percent(m.betweennessNormalized);
    const through = {
      en: `On average ${share} of the shortest paths between two other members pass through ${name} (normalised betweenness ${formatNumber(m.betweennessNormalized, 'en')}).`,
      fi: `Keskimäärin ${share} muiden jäsenten välisistä lyhimmistä poluista kulkee jäsenen ${name} kautta (normalisoitu välittäjyys ${formatNumber(m.betweennessNormalized, 'fi')}).`,
    };
    const figures: Tip['evidence']['figures'] = {
      betweennessNormalized: m.betweennessNormalized,
      efficiency: m.efficiency ?? 0,
      degree: m.degree,
    };
    let en: string;
    let fi: string;
    if (parts !== null) {
      const sizes = parts.map((part) => part.length);
      const groupNames = parts.slice(0, 2).map((part) => part.map((i) => scene.name(csr.keys[i])));
      figures.groupSizes = sizes.map(String);
      en = `${name} is the only link between one group (${nameList(groupNames[0], 'en')}) and another (${nameList(groupNames[1], 'en')}): without ${name} the network would fall apart into groups of ${nameList(sizes.map(String), 'en', 6)} members. ${through.en}`;
      fi = `${name} on ainoa yhteys ryhmien (${nameList(groupNames[0], 'fi')}) ja (${nameList(groupNames[1], 'fi')}) välillä: ilman häntä verkosto hajoaisi ${nameList(sizes.map(String), 'fi', 6)} jäsenen ryhmiin. ${through.fi}`;
    } else {
      en = `${through.en} Few of ${name}'s ${m.degree} contacts know each other (efficiency ${formatNumber(m.efficiency ?? 0, 'en')}), so collaboration depends on one broker.`;
      fi = `${through.fi} Harva jäsenen ${name} ${m.degree} kontaktista tuntee toisensa (tehokkuus ${formatNumber(m.efficiency ?? 0, 'fi')}), joten yhteistyö on yhden välittäjän varassa.`;
    }
    const members = [id];
    let action = {
      en: `Share what ${name} carries between people: let others host meetings and pass information on, so the network does not hinge on one person.`,
      fi: `Jakakaa välittäjän tehtäviä useammalle: muutkin voivat vetää tapaamisia ja välittää tietoa, jottei verkosto ole yhden ihmisen varassa.`,
    };
    let whatIf: WhatIf | undefined;
    if (pair !== null) {
      const [a, b] = [csr.keys[pair[0]], csr.keys[pair[1]]];
      members.push(a, b);
      action = {
        en: `Introduce ${scene.name(a)} and ${scene.name(b)}, so that there is a second connection that does not run through ${name}.`,
        fi: `Esittele ${scene.name(a)} ja ${scene.name(b)} toisilleen, jotta syntyy toinen yhteys, joka ei kulje jäsenen ${name} kautta.`,
      };
      if (rank < rules.whatIfTop) whatIf = scene.preview([[a, b]], members);
    }
    return scene.tip('reduce_broker_dependence', members, { en, fi, figures }, action, whatIf);
  });
}

/** The peer of `group` with most ties (then smallest index): suggested links should not run through a coordinator. */
function mostConnected(scene: Scene, group: readonly number[]): number {
  const peers = scene.peersOf(group);
  let best = peers[0];
  for (const v of peers) if (scene.csr.degree[v] > scene.csr.degree[best] || (scene.csr.degree[v] === scene.csr.degree[best] && v < best)) best = v;
  return best;
}

/** Two contacts of v, not coordinators and not tied to each other, with the most ties between them. */
function bestOpenPairAround(scene: Scene, v: number): [number, number] | null {
  const { csr } = scene;
  let best: [number, number] | null = null;
  let score = -1;
  for (let i = csr.offsets[v]; i < csr.offsets[v + 1]; i++) {
    for (let j = i + 1; j < csr.offsets[v + 1]; j++) {
      const [x, y] = [csr.neighbours[i], csr.neighbours[j]];
      if (areTied(csr, x, y) || scene.isCoordinator(x) || scene.isCoordinator(y)) continue;
      const s = csr.degree[x] + csr.degree[y];
      if (s > score) {
        score = s;
        best = [x, y];
      }
    }
  }
  return best;
}
