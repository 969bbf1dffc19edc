import { ValidationFailed } from '@solmu/kernel';
import { INTERACTION_KINDS } from '@solmu/network/published';
import { mulberry32 } from '../measures/engine/seeded-random';
import { corrected, joined, left, logged, retracted } from '../testing/history.mother';
import { createGraphTimeline, graphAt } from './graph-at';
import { applyNetworkEvent, foldNetworkHistory } from './network-history';
import type { NetworkHistory, NetworkHistoryEvent } from './network-history';
import type { TieGraph, TieWindow } from './types';

const DAY = 86_400_000;
const members = (graph: TieGraph): string[] => graph.nodes().sort();
const ties = (graph: TieGraph): string[] => graph.mapEdges((_k, _a, s, t) => [s, t].sort().join('–')).sort();

describe('graphAt', () => {
  const base = [joined('ann', '2024-01-01T00:00:00Z'), joined('bob', '2024-01-01T00:00:00Z'), joined('cid', '2024-01-01T00:00:00Z')];

  describe('members', () => {
    const history = foldNetworkHistory([
      ...base,
      joined('dan', '2024-03-10T09:00:00Z'),
      left('bob', '2024-03-01T00:00:00Z'),
    ]);

    it('are those who belong to the network at the date: joined, not yet left', () => {
      expect(members(graphAt(history, { at: '2024-02-15T00:00:00Z' }))).toEqual(['ann', 'bob', 'cid']);
      expect(members(graphAt(history, { at: '2024-03-01T00:00:00Z' }))).toEqual(['ann', 'cid']);
      expect(members(graphAt(history, { at: '2024-03-10T08:59:59Z' }))).toEqual(['ann', 'cid']);
    });

    it('read a date without time as the end of that UTC day', () => {
      expect(members(graphAt(history, { at: '2024-03-10' }))).toEqual(['ann', 'cid', 'dan']);
      expect(members(graphAt(history, { at: new Date('2024-03-10T00:00:00Z') }))).toEqual(['ann', 'cid']);
    });

    it('carry their profile and the start of their current membership', () => {
      const graph = graphAt(foldNetworkHistory([joined('eve', '2024-01-05T00:00:00Z', { name: 'Eve', organisation: 'Acme' })]), { at: '2024-02-01' });
      expect(graph.getNodeAttributes('eve')).toEqual({ id: 'eve', name: 'Eve', organisation: 'Acme', memberType: 'company', role: 'member', joinedAt: '2024-01-05T00:00:00Z' });
    });

    it('refuse a date that is not a date', () => {
      expect(() => graphAt(history, { at: 'next tuesday' })).toThrow(ValidationFailed);
    });
  });

  describe('ties', () => {
    it('summarise the interactions of a pair up to the date: counts, dates, depth, strength, initiators, provenance', () => {
      // Given three interactions between ann and bob (one after the date)
      const history = foldNetworkHistory([
        ...base,
        logged('i1', ['ann', 'bob'], '2024-01-10T10:00:00Z', 'acquainted', 'ann'),
        logged('i2', ['bob', 'ann'], '2024-02-10T10:00:00Z', 'outlined_goals', 'bob'),
        logged('i3', ['ann', 'bob'], '2024-01-20T10:00:00Z', 'acquainted', 'ann'),
        logged('i4', ['ann', 'bob'], '2024-04-01T10:00:00Z', 'co_developed'),
      ]);
      // When drawn at 1 March with the default weights (acquainted 1, outlined_goals 5)
      const graph = graphAt(history, { at: '2024-03-01' });
      // Then
      expect(ties(graph)).toEqual(['ann–bob']);
      expect(graph.getEdgeAttributes('ann', 'bob')).toEqual({
        counts: { acquainted: 2, outlined_goals: 1 },
        interactions: 3,
        first: '2024-01-10T10:00:00Z',
        last: '2024-02-10T10:00:00Z',
        deepestKind: 'outlined_goals',
        strength: 7,
        initiated: { ann: 2, bob: 1 },
        interactionIds: ['i1', 'i3', 'i2'],
      });
    });

    it('tie every pair of a group interaction, each with the interaction as provenance', () => {
      const history = foldNetworkHistory([...base, joined('dan'), logged('w1', ['ann', 'bob', 'cid', 'dan'], '2024-02-01T10:00:00Z', 'co_developed', 'ann')]);
      const graph = graphAt(history, { at: '2024-02-02' });
      expect(ties(graph)).toEqual(['ann–bob', 'ann–cid', 'ann–dan', 'bob–cid', 'bob–dan', 'cid–dan']);
      graph.forEachEdge((_key, tie) => expect(tie.interactionIds).toEqual(['w1']));
      // and the initiator counts only on the ties it is an end of
      expect(graph.getEdgeAttribute('ann', 'bob', 'initiated')).toEqual({ ann: 1, bob: 0 });
      expect(graph.getEdgeAttribute('bob', 'cid', 'initiated')).toEqual({ bob: 0, cid: 0 });
    });

    it('leave out participants who are not members at the date, keeping the ties among those who are', () => {
      const history = foldNetworkHistory([
        ...base,
        joined('dan', '2024-06-01T00:00:00Z'),
        logged('w1', ['ann', 'bob', 'dan', 'zed'], '2024-02-01T10:00:00Z'),
        left('bob', '2024-07-01T00:00:00Z'),
      ]);
      expect(ties(graphAt(history, { at: '2024-03-01' }))).toEqual(['ann–bob']);
      expect(ties(graphAt(history, { at: '2024-06-15' }))).toEqual(['ann–bob', 'ann–dan', 'bob–dan']);
      expect(ties(graphAt(history, { at: '2024-07-15' }))).toEqual(['ann–dan']);
    });

    it('honour corrections and retractions', () => {
      const history = foldNetworkHistory([
        ...base,
        logged('i1', ['ann', 'bob'], '2024-01-10T10:00:00Z', 'acquainted'),
        corrected('i1', ['ann', 'cid'], '2024-01-11T10:00:00Z', 'exchanged_information'),
        logged('i2', ['bob', 'cid'], '2024-01-12T10:00:00Z'),
        retracted('i2'),
      ]);
      const graph = graphAt(history, { at: '2024-02-01' });
      expect(ties(graph)).toEqual(['ann–cid']);
      expect(graph.getEdgeAttributes('ann', 'cid')).toMatchObject({ deepestKind: 'exchanged_information', strength: 3, interactionIds: ['i1'] });
    });

    it('use the weights given, other kinds keeping their defaults', () => {
      const history = foldNetworkHistory([...base, logged('i1', ['ann', 'bob'], '2024-01-10T10:00:00Z', 'acquainted'), logged('i2', ['ann', 'bob'], '2024-01-11T10:00:00Z', 'discussed')]);
      expect(graphAt(history, { at: '2024-02-01', weights: { acquainted: 0.25 } }).getEdgeAttribute('ann', 'bob', 'strength')).toBe(2.25);
    });
  });

  describe('windows', () => {
    const history = foldNetworkHistory([
      ...base,
      logged('old', ['ann', 'bob'], '2024-01-02T12:00:00Z', 'co_developed'),
      logged('mid', ['ann', 'cid'], '2024-03-02T12:00:00Z', 'acquainted'),
      logged('new', ['bob', 'cid'], '2024-03-31T12:00:00Z', 'discussed'),
    ]);
    const at = '2024-04-01T12:00:00Z';

    it('cumulative counts everything up to the date', () => {
      expect(ties(graphAt(history, { at, window: 'cumulative' }))).toEqual(['ann–bob', 'ann–cid', 'bob–cid']);
    });

    it('sliding:N counts interactions in (at − N days, at]: exactly N days old is out', () => {
      // 'mid' is exactly 30 days before `at`; 'new' is 1 day before.
      expect(ties(graphAt(history, { at, window: 'sliding:30' }))).toEqual(['bob–cid']);
      expect(ties(graphAt(history, { at: '2024-04-01T11:59:59Z', window: 'sliding:30' }))).toEqual(['ann–cid', 'bob–cid']);
      expect(graphAt(history, { at, window: { kind: 'sliding', days: 31 } }).getEdgeAttribute('ann', 'cid', 'interactionIds')).toEqual(['mid']);
    });

    it('decay:H weighs each interaction by 0.5^(age/H) and keeps a tie while strength ≥ 0.5', () => {
      // Given half-life 30 days: 'old' (co_developed, 6) is 90 days old → 6/8 = 0.75;
      // 'mid' (acquainted, 1) is 30 days old → 0.5; 'new' (discussed, 2) is 1 day old → 2 · 0.5^(1/30)
      const graph = graphAt(history, { at, window: 'decay:30' });
      expect(graph.getEdgeAttribute('ann', 'bob', 'strength')).toBeCloseTo(0.75, 12);
      expect(graph.getEdgeAttribute('ann', 'cid', 'strength')).toBeCloseTo(0.5, 12);
      expect(graph.getEdgeAttribute('bob', 'cid', 'strength')).toBeCloseTo(2 * 0.5 ** (1 / 30), 12);
      // and a day later 'mid' falls below the threshold while 'old' (deeper) survives
      expect(ties(graphAt(history, { at: '2024-04-02T12:00:00Z', window: 'decay:30' }))).toEqual(['ann–bob', 'bob–cid']);
    });

    it('decay honours per-kind half-lives and a custom threshold', () => {
      const window: TieWindow = { kind: 'decay', halfLifeDays: 30, halfLifeByKind: { co_developed: 90 }, threshold: 1 };
      const graph = graphAt(history, { at, window });
      // 'old' now has one half-life behind it: 6 / 2 = 3; 'mid' (0.5) is below threshold 1
      expect(graph.getEdgeAttribute('ann', 'bob', 'strength')).toBeCloseTo(3, 12);
      expect(ties(graph)).toEqual(['ann–bob', 'bob–cid']);
    });
  });
});

describe('createGraphTimeline', () => {
  it('gives, at every date and in any order, the same graph as a fresh graphAt', () => {
    // Given a random history: members joining and leaving, dyads and groups, corrections and retractions
    const history = foldNetworkHistory(randomHistory(11));
    const dates = Array.from({ length: 24 }, (_, i) => new Date(Date.UTC(2024, 0, 1) + i * 15 * DAY).toISOString());
    const order = [...dates.keys()].sort((a, b) => ((a * 7) % 24) - ((b * 7) % 24));
    for (const window of ['cumulative', 'sliding:45', 'decay:30'] as const) {
      const timeline = createGraphTimeline(history, { window });
      // When asked for the dates ascending, then shuffled
      for (const i of [...dates.keys(), ...order]) {
        // Then each graph equals the one built from scratch
        expect(snapshot(timeline.at(dates[i]))).toEqual(snapshot(graphAt(history, { at: dates[i], window })));
      }
    }
  });

  it('reflects events folded into the history between two calls', () => {
    const history = foldNetworkHistory([joined('ann'), joined('bob'), logged('i1', ['ann', 'bob'], '2024-02-01T00:00:00Z')]);
    const timeline = createGraphTimeline(history);
    expect(timeline.at('2024-03-01').getEdgeAttribute('ann', 'bob', 'interactions')).toBe(1);
    applyNetworkEvent(history, logged('i2', ['ann', 'bob'], '2024-01-15T00:00:00Z', 'co_developed'));
    applyNetworkEvent(history, { type: 'MemberProfileChanged', data: { networkId: 'net-1', memberId: 'ann', changes: { name: 'Ann' }, changedAt: '2024-01-01T00:00:00Z' } });
    const graph = timeline.at('2024-03-01');
    expect(graph.getEdgeAttributes('ann', 'bob')).toMatchObject({ interactions: 2, deepestKind: 'co_developed', interactionIds: ['i2', 'i1'] });
    expect(graph.getNodeAttribute('ann', 'name')).toBe('Ann');
    applyNetworkEvent(history, retracted('i1'));
    applyNetworkEvent(history, retracted('i2'));
    expect(timeline.at('2024-03-01').size).toBe(0);
  });
});

/** The graph as sorted plain data, independent of insertion order. */
function snapshot(graph: TieGraph): unknown {
  return {
    nodes: graph.mapNodes((key, attributes) => [key, attributes]).sort(),
    edges: graph.mapEdges((key, attributes) => [key, attributes]).sort(),
  };
}

function randomHistory(seed: number): NetworkHistoryEvent[] {
  const rng = mulberry32(seed);
  const day = (d: number): string => new Date(Date.UTC(2024, 0, 1) + d * DAY + Math.floor(rng() * DAY)).toISOString();
  const people = Array.from({ length: 14 }, (_, i) => `m${String(i).padStart(2, '0')}`);
  const events: NetworkHistoryEvent[] = [];
  for (const p of people) events.push(joined(p, day(Math.floor(rng() * 120))));
  for (const p of people.slice(0, 4)) events.push(left(p, day(150 + Math.floor(rng() * 150))));
  for (let i = 0; i < 160; i++) {
    const size = rng() < 0.8 ? 2 : 3 + Math.floor(rng() * 4);
    const group = [...people].sort(() => rng() - 0.5).slice(0, size);
    const kind = INTERACTION_KINDS[Math.floor(rng() * INTERACTION_KINDS.length)];
    events.push(logged(`i${i}`, group, day(Math.floor(rng() * 360)), kind, rng() < 0.5 ? group[0] : undefined));
    if (rng() < 0.1) events.push(corrected(`i${i}`, group.slice(0, 2), day(Math.floor(rng() * 360))));
    if (rng() < 0.05) events.push(retracted(`i${i}`));
  }
  return events;
}
