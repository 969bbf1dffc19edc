import { corrected, joined, left, logged, NET, positioned, retracted } from '../testing/history.mother';
import { applyNetworkEvent, createNetworkHistory, foldNetworkHistory, membershipAt } from './network-history';
import type { NetworkHistory } from './network-history';

const entriesOf = (history: NetworkHistory, key: string): string[] => history.pairs.get(key)?.entries.map((e) => e.id) ?? [];

describe('network history fold', () => {
  it('keeps members with their current profile and membership spans', () => {
    // Given a member who joins, changes organisation twice (the last clears it), leaves and rejoins
    const history = foldNetworkHistory([
      joined('ann', '2024-01-01T00:00:00Z', { organisation: 'Acme' }),
      { type: 'MemberProfileChanged', data: { networkId: NET, memberId: 'ann', changes: { name: 'Ann A.', organisation: 'Beta' }, changedAt: '2024-02-01T00:00:00Z' } },
      { type: 'MemberProfileChanged', data: { networkId: NET, memberId: 'ann', changes: { organisation: null, role: 'coordinator' }, changedAt: '2024-02-02T00:00:00Z' } },
      left('ann', '2024-03-01T00:00:00Z'),
      joined('ann', '2024-05-01T00:00:00Z'),
    ]);
    // Then the profile is the latest and there are two spans
    const ann = history.members.get('ann')!;
    expect(ann).toMatchObject({ name: 'ANN', role: 'member', memberType: 'company' });
    expect(ann.organisation).toBeUndefined();
    expect(ann.spans.map((s) => [s.joinedAt, s.leftAt])).toEqual([
      ['2024-01-01T00:00:00Z', '2024-03-01T00:00:00Z'],
      ['2024-05-01T00:00:00Z', undefined],
    ]);
    // and membership holds inside the spans only (leaving is exclusive)
    const at = (iso: string): boolean => membershipAt(ann, Date.parse(iso)) !== undefined;
    expect([at('2023-12-31T23:59:59Z'), at('2024-02-15T00:00:00Z'), at('2024-03-01T00:00:00Z'), at('2024-04-01T00:00:00Z'), at('2024-06-01T00:00:00Z')]).toEqual([
      false, true, false, false, true,
    ]);
  });

  it('keeps the latest profile change, including the rejoin profile', () => {
    const history = foldNetworkHistory([
      joined('bob', '2024-01-01T00:00:00Z', { name: 'Bob' }),
      { type: 'MemberProfileChanged', data: { networkId: NET, memberId: 'bob', changes: { name: 'Robert', organisation: 'Gamma' }, changedAt: '2024-02-01T00:00:00Z' } },
    ]);
    expect(history.members.get('bob')).toMatchObject({ name: 'Robert', organisation: 'Gamma' });
  });

  it('indexes interactions by pair, a group interaction under every pair of participants', () => {
    // Given one workshop of four (a participant listed twice) and one dyad
    const history = foldNetworkHistory([
      logged('w1', ['ann', 'bob', 'cid', 'dan', 'bob'], '2024-02-01T10:00:00Z', 'co_developed'),
      logged('i1', ['bob', 'ann'], '2024-01-15T10:00:00Z'),
    ]);
    // Then the workshop is one interaction with four distinct participants, behind six pairs
    expect(history.interactions.get('w1')?.participants).toEqual(['ann', 'bob', 'cid', 'dan']);
    expect([...history.pairs.keys()].sort()).toEqual(['ann|bob', 'ann|cid', 'ann|dan', 'bob|cid', 'bob|dan', 'cid|dan']);
    // and each pair's interactions are sorted by date, whatever order they arrived in
    expect(entriesOf(history, 'ann|bob')).toEqual(['i1', 'w1']);
  });

  it('replaces all details on correction and moves the interaction between pairs', () => {
    // Given an interaction logged between ann and bob, then corrected to bob and cid, later and deeper
    const history = foldNetworkHistory([
      logged('i1', ['ann', 'bob'], '2024-01-15T10:00:00Z', 'discussed', 'ann'),
      corrected('i1', ['bob', 'cid'], '2024-01-20T10:00:00Z', 'outlined_goals'),
    ]);
    // Then only the corrected details remain (the initiator too, as a correction restates everything)
    expect(history.interactions.get('i1')).toMatchObject({ kind: 'outlined_goals', depth: 4, participants: ['bob', 'cid'], occurredAt: '2024-01-20T10:00:00Z', initiator: undefined });
    expect(entriesOf(history, 'ann|bob')).toEqual([]);
    expect(entriesOf(history, 'bob|cid')).toEqual(['i1']);
  });

  it('removes a retracted interaction for good: a later correction or a replayed log does not revive it', () => {
    const history = foldNetworkHistory([
      logged('i1', ['ann', 'bob'], '2024-01-15T10:00:00Z'),
      retracted('i1'),
      corrected('i1', ['ann', 'bob'], '2024-01-16T10:00:00Z'),
      logged('i1', ['ann', 'bob'], '2024-01-15T10:00:00Z'),
    ]);
    expect(history.interactions.has('i1')).toBe(false);
    expect(entriesOf(history, 'ann|bob')).toEqual([]);
  });

  it('is idempotent by position: an event at or before the last position changes nothing', () => {
    // Given a history folded from positioned events
    const events = positioned([joined('ann'), joined('bob'), logged('i1', ['ann', 'bob'], '2024-02-01T00:00:00Z')]);
    const history = foldNetworkHistory(events);
    const before = { revision: history.revision, lastPosition: history.lastPosition, ids: entriesOf(history, 'ann|bob') };
    // When the last event is delivered again, and an older one too
    applyNetworkEvent(history, events[2]);
    applyNetworkEvent(history, { ...logged('i2', ['ann', 'bob'], '2024-02-02T00:00:00Z'), position: 2 });
    // Then nothing changed
    expect({ revision: history.revision, lastPosition: history.lastPosition, ids: entriesOf(history, 'ann|bob') }).toEqual(before);
    expect(before).toEqual({ revision: 3, lastPosition: 3, ids: ['i1'] });
  });

  it('gives the same history whether fed one event at a time or all at once', () => {
    const events = positioned([
      joined('ann'), joined('bob'), joined('cid'),
      logged('i1', ['ann', 'bob', 'cid'], '2024-02-01T00:00:00Z', 'explored_collaboration'),
      logged('i2', ['ann', 'bob'], '2024-01-01T00:00:00Z'),
      corrected('i2', ['ann', 'cid'], '2024-01-03T00:00:00Z'),
      retracted('i1'),
      left('bob', '2024-03-01T00:00:00Z'),
    ]);
    const live = createNetworkHistory();
    for (const event of events) applyNetworkEvent(live, event);
    expect(live).toEqual(foldNetworkHistory(events));
  });

  it('ignores events of another network', () => {
    const history = foldNetworkHistory([joined('ann'), { ...joined('eve'), data: { ...(joined('eve').data as object), networkId: 'other' } } as never]);
    expect([...history.members.keys()]).toEqual(['ann']);
    expect(history.networkId).toBe(NET);
  });

  it('keeps interventions for timelines without changing the pairs', () => {
    const history = foldNetworkHistory([
      { type: 'InterventionRecorded', data: { networkId: NET, interventionId: 'x1', kind: 'workshop', title: 'Kick-off', occurredAt: '2024-02-01T00:00:00Z' } } as never,
    ]);
    expect(history.interventions.get('x1')).toMatchObject({ title: 'Kick-off', occurredAt: '2024-02-01T00:00:00Z' });
    expect(history.pairs.size).toBe(0);
  });

  it('refuses an interaction whose date is not a date', () => {
    expect(() => foldNetworkHistory([logged('i1', ['ann', 'bob'], 'yesterday')])).toThrow(/i1.*not an ISO 8601 date/);
  });
});
