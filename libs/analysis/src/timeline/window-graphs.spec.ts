import { INTERACTION_KINDS } from '@solmu/network/published';
import { graphAt } from '../graph/graph-at';
import { foldNetworkHistory } from '../graph/network-history';
import type { NetworkHistory, NetworkHistoryEvent } from '../graph/network-history';
import type { TieWindow } from '../graph/types';
import { mulberry32 } from '../measures/engine/seeded-random';
import { corrected, joined, left, logged, retracted } from '../testing/history.mother';
import { forEachWindowGraph } from './window-graphs';
import type { AbstractGraph, Attributes } from 'graphology-types';

const DAY = 86_400_000;
const START = Date.parse('2024-01-01T00:00:00Z');
const iso = (ms: number): string => new Date(ms).toISOString();

/** A random history: members joining over time, some leaving and rejoining, pair and group interactions, corrections, retractions. */
function randomHistory(seed: number): NetworkHistory {
  const rng = mulberry32(seed);
  const people = Array.from({ length: 12 }, (_, i) => `p${String(i).padStart(2, '0')}`);
  const events: NetworkHistoryEvent[] = [];
  for (const [i, id] of people.entries()) events.push(joined(id, iso(START + (i < 6 ? 0 : Math.floor(rng() * 120)) * DAY)));
  events.push(left('p03', iso(START + 100 * DAY)), joined('p03', iso(START + 150 * DAY)), left('p07', iso(START + 170 * DAY)));
  for (let k = 0; k < 160; k++) {
    const size = rng() < 0.15 ? 3 + Math.floor(rng() * 3) : 2;
    const group = new Set<string>();
    while (group.size < size) group.add(people[Math.floor(rng() * people.length)]);
    const kind = INTERACTION_KINDS[Math.floor(rng() * INTERACTION_KINDS.length)];
    events.push(logged(`i${k}`, [...group], iso(START + Math.floor(rng() * 240 * DAY)), kind));
  }
  for (let k = 0; k < 10; k++) events.push(corrected(`i${k * 7}`, ['p01', 'p02'], iso(START + Math.floor(rng() * 240 * DAY)), 'co_developed'));
  for (let k = 0; k < 8; k++) events.push(retracted(`i${k * 11 + 3}`));
  return foldNetworkHistory(events);
}

type Snapshot = { nodes: string[]; ties: Record<string, { strength: number; deepestKind: string; interactions: number }> };
function snapshot(graph: AbstractGraph<Attributes, { strength: number; deepestKind: string; interactions: number }>): Snapshot {
  const ties: Snapshot['ties'] = {};
  graph.forEachEdge((key, tie) => (ties[key] = { strength: Math.round(tie.strength * 1e9) / 1e9, deepestKind: tie.deepestKind, interactions: tie.interactions }));
  return { nodes: graph.nodes().sort(), ties };
}

describe('forEachWindowGraph', () => {
  const windows: TieWindow[] = [
    { kind: 'cumulative' },
    { kind: 'sliding', days: 30 },
    { kind: 'decay', halfLifeDays: 20 },
    { kind: 'decay', halfLifeDays: 45, threshold: 3, halfLifeByKind: { co_developed: 90 } },
  ];

  it.each(windows.map((w) => [JSON.stringify(w), w]))('draws the same graph as graphAt at every instant, window %s', (_name, window) => {
    for (const seed of [1, 2, 3]) {
      const history = randomHistory(seed);
      // Month ends, an instant repeated, and instants that fall between interactions.
      const instants = [-5, 10, 31, 31, 59, 90, 100, 120, 151, 170.5, 181, 212, 243, 300].map((d) => START + d * DAY - 1);
      const seen: number[] = [];
      let most = 0;
      forEachWindowGraph(history, instants, { window: window as TieWindow }, (graph, step) => {
        seen.push(step);
        most = Math.max(most, graph.size);
        expect(snapshot(graph)).toEqual(snapshot(graphAt(history, { at: new Date(instants[step]), window: window as TieWindow })));
      });
      expect(seen).toEqual(instants.map((_, i) => i));
      // The comparison is not vacuous: some instant has a good share of the 66 possible ties.
      expect(most).toBeGreaterThan(15);
    }
  });

  it('uses the depth weights it is given for tie strength', () => {
    const history = foldNetworkHistory([joined('a'), joined('b'), logged('i1', ['a', 'b'], '2024-02-01T00:00:00Z', 'acquainted'), logged('i2', ['a', 'b'], '2024-02-02T00:00:00Z', 'discussed')]);
    const strengths: number[] = [];
    forEachWindowGraph(history, [Date.parse('2024-03-01T00:00:00Z')], { weights: { acquainted: 10 } }, (graph) => strengths.push(graph.getEdgeAttribute('a|b', 'strength')));
    expect(strengths).toEqual([12]);
  });

  it('refuses instants that go back in time', () => {
    expect(() => forEachWindowGraph(randomHistory(1), [START + DAY, START], {}, () => undefined)).toThrow('ascending instants');
  });
});
