import { NotFound } from '@solmu/kernel';
import { foldNetworkHistory } from '../graph/network-history';
import type { NetworkHistoryEvent } from '../graph/network-history';
import { NET, joined, left, logged } from '../testing/history.mother';
import { interventionEffect } from './intervention-effect';

const events: NetworkHistoryEvent[] = [
  joined('a', '2024-01-01T00:00:00Z'),
  joined('b', '2024-01-01T00:00:00Z'),
  joined('c', '2024-01-01T00:00:00Z'),
  joined('d', '2024-01-01T00:00:00Z'),
  joined('e', '2024-02-10T00:00:00Z'),
  logged('i1', ['a', 'b'], '2024-01-05T10:00:00Z', 'acquainted'),
  logged('i2', ['a', 'c'], '2024-01-20T10:00:00Z', 'discussed'),
  logged('i3', ['b', 'c'], '2024-02-03T10:00:00Z', 'exchanged_information'),
  { type: 'InterventionRecorded', data: { networkId: NET, interventionId: 'v1', kind: 'matchmaking', title: 'Matchmaking round', occurredAt: '2024-02-14T09:00:00Z' } },
  // Logged at the event itself: counts as after.
  logged('i4', ['a', 'b', 'e'], '2024-02-14T09:00:00Z', 'outlined_goals'),
  left('d', '2024-03-15T00:00:00Z'),
];
const history = foldNetworkHistory(events);

describe('interventionEffect', () => {
  it('compares the network just before the intervention with the network N days later, and with the same span before', () => {
    const effect = interventionEffect(history, 'v1', { days: 30 });
    expect(effect.intervention).toEqual({ id: 'v1', kind: 'matchmaking', title: 'Matchmaking round', occurredAt: '2024-02-14T09:00:00Z' });
    expect([effect.window, effect.days, effect.complete]).toEqual(['cumulative', 30, true]);
    expect([effect.prior.at, effect.before.at, effect.after.at]).toEqual(['2024-01-15T08:59:59.999Z', '2024-02-14T08:59:59.999Z', '2024-03-15T09:00:00.000Z']);
    // prior: a b c d with a–b; before: + e, a–c, b–c; after: d has left, a–e and b–e from the workshop.
    expect([effect.prior.measures.members, effect.prior.measures.ties]).toEqual([4, 1]);
    expect([effect.before.measures.members, effect.before.measures.ties, effect.before.measures.density]).toEqual([5, 3, 0.3]);
    expect([effect.after.measures.members, effect.after.measures.ties]).toEqual([4, 5]);
    expect(effect.change.members).toBe(-1);
    expect(effect.change.ties).toBe(2);
    expect(effect.change.density).toBeCloseTo(5 / 6 - 0.3, 12);
    expect(effect.priorChange.density).toBeCloseTo(0.3 - 1 / 6, 12);
    // a–b, a–e and b–e now reach outlined_goals: 3 of 5 ties, from none.
    expect(effect.change.ladderProfile.outlined_goals).toBeCloseTo(3 / 5, 12);
  });

  it('defaults to 90 days', () => {
    expect(interventionEffect(history, 'v1').after.at).toBe('2024-05-14T09:00:00.000Z');
  });

  it('stops at asOf when the later date has not come yet, and says the comparison is incomplete', () => {
    const effect = interventionEffect(history, 'v1', { days: 90, asOf: '2024-03-01' });
    expect([effect.after.at, effect.complete, effect.after.measures.members, effect.after.measures.ties]).toEqual(['2024-03-01T23:59:59.999Z', false, 5, 5]);
  });

  it('has a null difference where a measure is undefined on either side', () => {
    const small = foldNetworkHistory([joined('a'), joined('b'), { type: 'InterventionRecorded', data: { networkId: NET, interventionId: 'v', kind: 'event', title: 'Kick-off', occurredAt: '2024-02-01T00:00:00Z' } }]);
    expect(interventionEffect(small, 'v', { days: 10 }).change.closenessCentralization).toBeNull();
  });

  it('refuses an unknown intervention and a span that is not a positive number of days', () => {
    expect(() => interventionEffect(history, 'nope')).toThrow(NotFound);
    expect(() => interventionEffect(history, 'v1', { days: 0 })).toThrow('days must be a positive number');
  });
});
