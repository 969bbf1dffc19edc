import { applyNetworkEvent, foldNetworkHistory } from '../graph/network-history';
import type { NetworkHistoryEvent } from '../graph/network-history';
import type { NetworkMeasures } from '../graph/types';
import { joined, logged, NET } from '../testing/history.mother';
import { timeline } from './timeline';
import { countingMemo } from '../testing/counting-memo';


const events = (): NetworkHistoryEvent[] => [
  { type: 'NetworkFounded', data: { networkId: NET, name: 'Muistin verkosto', foundedAt: '2024-01-01T00:00:00Z' } },
  joined('a'),
  joined('b'),
  joined('c'),
  joined('d'),
  logged('i1', ['a', 'b'], '2024-01-05T10:00:00Z', 'acquainted'),
  logged('i2', ['b', 'c'], '2024-02-05T10:00:00Z', 'discussed'),
  logged('i3', ['c', 'd'], '2024-03-05T10:00:00Z', 'discussed'),
  logged('i4', ['a', 'd'], '2024-04-05T10:00:00Z', 'discussed'),
];
const OPTIONS = { interval: 'month', to: '2024-06-30' } as const;

describe('timeline bucket memo', () => {
  it('answers exactly as without it, and measures a graph seen before not again', () => {
    const history = foldNetworkHistory(events());
    const memo = countingMemo<NetworkMeasures>();
    const plain = timeline(history, OPTIONS);
    expect(timeline(history, { ...OPTIONS, memo })).toEqual(plain);
    // January to April differ; May and June are quiet (cumulative: the April graph again, not re-measured).
    expect(memo.measured).toBe(4);
    memo.measured = 0;
    expect(timeline(history, { ...OPTIONS, memo })).toEqual(plain);
    expect(memo.measured).toBe(0);
  });

  it('re-measures from a back-dated event on, and only there', () => {
    const history = foldNetworkHistory(events());
    const memo = countingMemo<NetworkMeasures>();
    timeline(history, { ...OPTIONS, memo });
    memo.measured = 0;
    applyNetworkEvent(history, logged('i5', ['a', 'c'], '2024-03-20T10:00:00Z', 'acquainted'));
    const after = timeline(history, { ...OPTIONS, memo });
    expect(after).toEqual(timeline(foldNetworkHistory([...events(), logged('i5', ['a', 'c'], '2024-03-20T10:00:00Z', 'acquainted')]), OPTIONS));
    // March and April have a new tie; January and February are taken from the memo.
    expect(memo.measured).toBe(2);
  });

  it('re-measures a bucket whose ties only deepened (same members and ties, other weights and kinds)', () => {
    const history = foldNetworkHistory(events());
    const memo = countingMemo<NetworkMeasures>();
    timeline(history, { ...OPTIONS, memo });
    memo.measured = 0;
    applyNetworkEvent(history, logged('i6', ['c', 'd'], '2024-04-10T10:00:00Z', 'co_developed'));
    const after = timeline(history, { ...OPTIONS, memo });
    expect(memo.measured).toBe(1);
    expect(after.buckets[3].measures.ladderProfile.co_developed).toBeGreaterThan(0);
    expect(after).toEqual(timeline(foldNetworkHistory([...events(), logged('i6', ['c', 'd'], '2024-04-10T10:00:00Z', 'co_developed')]), OPTIONS));
  });
});
