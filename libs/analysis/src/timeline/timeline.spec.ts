import type { InterventionKind, MemberRole } from '@solmu/network/published';
import { graphAt } from '../graph/graph-at';
import { foldNetworkHistory } from '../graph/network-history';
import type { NetworkHistoryEvent } from '../graph/network-history';
import { networkMeasures } from '../measures/network-measures';
import { NET, joined, left, logged } from '../testing/history.mother';
import { foldLoggedBy } from './coverage';
import { timeline, timelineSteps } from './timeline';
import { davisHistoryEvents } from '../../../../test/fixtures/davis-southern-women';

const founded = (foundedAt: string): NetworkHistoryEvent => ({ type: 'NetworkFounded', data: { networkId: NET, name: 'Hiiden verkosto', foundedAt } });
const intervention = (interventionId: string, occurredAt: string, kind: InterventionKind = 'matchmaking', title = 'Matchmaking round'): NetworkHistoryEvent => ({
  type: 'InterventionRecorded',
  data: { networkId: NET, interventionId, kind, title, occurredAt },
});
const withRole = (event: NetworkHistoryEvent, role: MemberRole): NetworkHistoryEvent =>
  event.type === 'MemberJoined' ? { ...event, data: { ...event.data, role } } : event;

/** a coordinates; b, c, d join at founding, e in February; d leaves in March. */
const events: NetworkHistoryEvent[] = [
  founded('2024-01-01T00:00:00Z'),
  withRole(joined('a', '2024-01-01T00:00:00Z'), 'coordinator'),
  joined('b', '2024-01-01T00:00:00Z'),
  joined('c', '2024-01-01T00:00:00Z'),
  joined('d', '2024-01-01T00:00:00Z'),
  joined('e', '2024-02-10T00:00:00Z'),
  logged('i1', ['a', 'b'], '2024-01-05T10:00:00Z', 'acquainted'),
  logged('i2', ['a', 'c'], '2024-01-20T10:00:00Z', 'discussed'),
  logged('i3', ['b', 'c'], '2024-02-03T10:00:00Z', 'exchanged_information'),
  intervention('v1', '2024-02-14T09:00:00Z'),
  logged('i4', ['a', 'b', 'e'], '2024-02-15T10:00:00Z', 'outlined_goals'),
  logged('i5', ['c', 'd'], '2024-02-20T10:00:00Z', 'discussed'),
  left('d', '2024-03-15T00:00:00Z'),
  logged('i6', ['a', 'e'], '2024-04-02T10:00:00Z', 'co_developed'),
];
const loggedBy = foldLoggedBy(
  (
    [
      ['i1', 'account:a'],
      ['i2', 'account:a'],
      ['i3', 'account:b'],
      ['i4', 'account:e'],
      ['i5', 'account:c'],
      ['i6', 'account:a'],
    ] as const
  ).map(([interactionId, actor]) => ({ type: 'InteractionLogged', data: { interactionId }, metadata: { actor } })),
);
const history = foldNetworkHistory(events);

describe('timeline', () => {
  const result = timeline(history, { interval: 'month', loggedBy });

  it('runs by default from the founding to the latest dated event, in calendar months', () => {
    expect(result.interval).toBe('month');
    expect(result.window).toBe('cumulative');
    expect(result.buckets.map((b) => [b.label, b.start, b.end, b.at])).toEqual([
      ['2024-01', '2024-01-01T00:00:00.000Z', '2024-02-01T00:00:00.000Z', '2024-01-31T23:59:59.999Z'],
      ['2024-02', '2024-02-01T00:00:00.000Z', '2024-03-01T00:00:00.000Z', '2024-02-29T23:59:59.999Z'],
      ['2024-03', '2024-03-01T00:00:00.000Z', '2024-04-01T00:00:00.000Z', '2024-03-31T23:59:59.999Z'],
      ['2024-04', '2024-04-01T00:00:00.000Z', '2024-05-01T00:00:00.000Z', '2024-04-30T23:59:59.999Z'],
    ]);
  });

  it('counts the activity inside each bucket', () => {
    const activity = result.buckets.map((b) => ({ events: b.events, activeMembers: b.activeMembers, newMembers: b.newMembers, newTies: b.newTies }));
    expect(activity).toEqual([
      { events: 2, activeMembers: 3, newMembers: 4, newTies: 2 },
      // i4 is a workshop of three: a–b existed, a–e and b–e are new; plus b–c and c–d.
      { events: 3, activeMembers: 5, newMembers: 1, newTies: 4 },
      { events: 0, activeMembers: 0, newMembers: 0, newTies: 0 },
      { events: 1, activeMembers: 2, newMembers: 0, newTies: 0 },
    ]);
  });

  it('measures the network at the end of each bucket under the window', () => {
    expect(result.buckets.map((b) => [b.measures.members, b.measures.ties, Number(b.measures.density.toFixed(4))])).toEqual([
      [4, 2, 0.3333],
      [5, 6, 0.6],
      // d left on 15 March, taking c–d with them.
      [4, 5, 0.8333],
      [4, 5, 0.8333],
    ]);
    expect(result.buckets[3].measures.ladderProfile.co_developed).toBeCloseTo(1 / 5, 12);
    // Every bucket equals the measures of graphAt at its end.
    for (const bucket of result.buckets) expect(bucket.measures).toEqual(networkMeasures(graphAt(history, { at: bucket.at })));
    expect(result.buckets.map((b) => b.betweenness)).toEqual([
      { exact: true, pivots: 4 },
      { exact: true, pivots: 5 },
      { exact: true, pivots: 4 },
      { exact: true, pivots: 4 },
    ]);
  });

  it('says for each bucket who logged and whether centralisation and betweenness can be trusted', () => {
    expect(result.buckets.map((b) => [b.coverage.loggers, Number(b.coverage.share.toFixed(2)), b.coverage.trusted, b.coverage.reason?.code])).toEqual([
      [['account:a'], 0.33, false, 'few_loggers'],
      [['account:b', 'account:c', 'account:e'], 0.6, true, undefined],
      [[], 0, false, 'no_interactions'],
      [['account:a'], 0.5, false, 'few_loggers'],
    ]);
    const unknown = timeline(history, { interval: 'month' });
    expect(unknown.buckets[1].coverage.reason?.code).toBe('unknown_loggers');
  });

  it('marks every intervention in its bucket', () => {
    expect(result.buckets.map((b) => b.interventions)).toEqual([[], [{ id: 'v1', kind: 'matchmaking', title: 'Matchmaking round', occurredAt: '2024-02-14T09:00:00Z' }], [], []]);
  });

  it('names the phase of every bucket with its evidence (too few members to read a structure here)', () => {
    expect(result.buckets.map((b) => b.phase.name)).toEqual(['founding', 'founding', 'founding', 'founding']);
    expect(result.buckets[0].phase.evidence[0]).toMatchObject({ measure: 'members', value: 4, threshold: 5, comparison: '>=', met: false });
  });

  it('takes a sliding window, a range and weekly buckets', () => {
    const sliding = timeline(history, { interval: 'month', window: 'sliding:30', from: '2024-03-01', to: '2024-04-30' });
    expect(sliding.window).toBe('sliding:30');
    // At the end of April only i6 (2 April) is inside the last 30 days.
    expect(sliding.buckets.map((b) => [b.label, b.measures.ties])).toEqual([
      ['2024-03', 0],
      ['2024-04', 1],
    ]);
    const weekly = timeline(history, { interval: 'week', from: '2024-01-01', to: '2024-01-21' });
    expect(weekly.buckets.map((b) => [b.label, b.events, b.measures.ties])).toEqual([
      ['2024-W01', 1, 1],
      ['2024-W02', 0, 1],
      ['2024-W03', 1, 2],
    ]);
  });

  it('estimates betweenness from sampled sources above the size limit, and says so', () => {
    const sampled = timeline(history, { interval: 'month', exactBetweennessUpTo: 4, betweennessPivots: 2, to: '2024-02-29' });
    expect(sampled.buckets.map((b) => b.betweenness)).toEqual([
      { exact: true, pivots: 4 },
      { exact: false, pivots: 2 },
    ]);
  });

  it('is empty for an empty history without a range', () => {
    expect(timeline(foldNetworkHistory([]), { interval: 'quarter' })).toEqual({ interval: 'quarter', intervalSource: 'requested', window: 'cumulative', timeZone: 'UTC', buckets: [] });
  });

  it('marks the network dormant once no interaction has been logged for 90 days', () => {
    const quiet = timeline(history, { interval: 'month', from: '2024-04-01', to: '2024-08-31' });
    // The last interaction was on 2 April: 90 days later is 1 July.
    expect(quiet.buckets.map((b) => [b.label, b.phase.name])).toEqual([
      ['2024-04', 'founding'],
      ['2024-05', 'founding'],
      ['2024-06', 'founding'],
      ['2024-07', 'dormant'],
      ['2024-08', 'dormant'],
    ]);
    expect(quiet.buckets[3].phase.evidence).toEqual([
      {
        measure: 'daysWithoutInteractions',
        value: 120,
        threshold: 90,
        comparison: '>=',
        met: true,
        en: 'No interactions have been logged for 120 days; a network is dormant after 90 days without interactions.',
        fi: 'Tapahtumia ei ole kirjattu 120 päivään; verkosto on lepotilassa, kun tapahtumia ei ole kirjattu 90 päivään.',
      },
    ]);
  });

  it('echoes the range it read: a date alone is the start of that day for from and its end for to', () => {
    const ranged = timeline(history, { interval: 'month', from: '2024-02-01', to: '2024-03-31' });
    expect([ranged.from, ranged.to, ranged.intervalSource, ranged.timeZone]).toEqual(['2024-02-01T00:00:00.000Z', '2024-03-31T23:59:59.999Z', 'requested', 'UTC']);
    expect(() => timeline(history, { interval: 'month', from: '2024-W05' })).toThrow(expect.objectContaining({ code: 'invalid_date', problems: [expect.objectContaining({ field: 'from' })] }));
  });

  it('draws its months at the midnights of the network’s zone', () => {
    // i3 (3 Feb 10:00 UTC) and i4 (15 Feb) are February anywhere; at 23:30 UTC on 31 January it is
    // already February in Helsinki.
    const late = foldNetworkHistory([...events, logged('i7', ['b', 'e'], '2024-01-31T23:30:00Z', 'discussed')]);
    const utc = timeline(late, { interval: 'month', to: '2024-02-29' });
    const helsinki = timeline(late, { interval: 'month', to: '2024-02-29', timeZone: 'Europe/Helsinki' });
    expect(helsinki.timeZone).toBe('Europe/Helsinki');
    expect(helsinki.buckets.map((b) => [b.label, b.start, b.events])).toEqual([
      // The founding (1 January 00:00 UTC) is 02:00 in Helsinki, inside the Helsinki January.
      ['2024-01', '2023-12-31T22:00:00.000Z', 2],
      ['2024-02', '2024-01-31T22:00:00.000Z', 4],
    ]);
    expect(utc.buckets.map((b) => [b.label, b.events])).toEqual([
      ['2024-01', 3],
      ['2024-02', 3],
    ]);
    // `to` given as a date is the end of that day in the zone.
    expect(helsinki.to).toBe('2024-02-29T21:59:59.999Z');
  });

  it('chooses its interval when none is given, so any history fits, and says so', () => {
    expect([result.interval, result.intervalSource]).toEqual(['month', 'requested']);
    const chosen = timeline(history, {});
    expect([chosen.interval, chosen.intervalSource, chosen.buckets.length]).toEqual(['month', 'default', 4]);
    // A network founded in 1935 asked up to 2026: 91 years is too long for months and quarters.
    const old = foldNetworkHistory(davisHistoryEvents());
    const long = timeline(old, { to: '2026-12-01' });
    expect([long.interval, long.intervalSource, long.buckets[0].label, long.buckets.length]).toEqual(['year', 'default', '1935', 92]);
    // The last three months of that network: months (the phases still run from 1935).
    const recent = timeline(old, { from: '2026-09-01', to: '2026-11-30' });
    expect([recent.interval, recent.intervalSource, recent.buckets.map((b) => b.label)]).toEqual(['month', 'default', ['2026-09', '2026-10', '2026-11']]);
    expect(recent.buckets[0].phase.name).toBe('dormant');
    // An explicit weekly request over the same span is still refused.
    expect(() => timeline(old, { interval: 'week', to: '2026-12-01' })).toThrow(expect.objectContaining({ code: 'too_many_buckets' }));
  });
});

describe('timeline phases on the Davis Southern Women data', () => {
  const davis = foldNetworkHistory(davisHistoryEvents());
  const phaseOf = (from: string, label: string) => timeline(davis, { interval: 'month', from, to: '1936-08-31' }).buckets.find((b) => b.label === label)!.phase;

  it('gives a month the same phase whatever `from` is: the rule runs from the founding', () => {
    const whole = timeline(davis, { interval: 'month', to: '1936-08-31' });
    expect(whole.buckets[0].label).toBe('1935-09');
    for (const from of ['1935-09-01', '1936-01-01', '1936-03-15', '1936-05-01', '1936-05-31']) {
      const sliced = timeline(davis, { interval: 'month', from, to: '1936-08-31' });
      const offset = whole.buckets.findIndex((b) => b.label === sliced.buckets[0].label);
      expect(sliced.buckets.map((b) => [b.label, b.phase])).toEqual(whole.buckets.slice(offset).map((b) => [b.label, b.phase]));
      // The figures themselves do not depend on `from` either.
      expect(sliced.buckets.map((b) => b.measures)).toEqual(whole.buckets.slice(offset).map((b) => b.measures));
    }
    expect(phaseOf('1936-05-01', '1936-05').name).toBe(phaseOf('1935-09-01', '1936-05').name);
    expect(phaseOf('1935-09-01', '1936-05').name).toBe('deepening');
  });

  it('keeps the phase under other windows and intervals too', () => {
    for (const window of ['sliding:60', 'decay:30']) {
      for (const interval of ['week', 'quarter'] as const) {
        const whole = timeline(davis, { interval, window, to: '1936-08-31' });
        const sliced = timeline(davis, { interval, window, from: '1936-04-01', to: '1936-08-31' });
        const offset = whole.buckets.findIndex((b) => b.label === sliced.buckets[0].label);
        expect(sliced.buckets.map((b) => b.phase)).toEqual(whole.buckets.slice(offset).map((b) => b.phase));
      }
    }
  });
});

describe('timelineSteps', () => {
  const davis = foldNetworkHistory(davisHistoryEvents());

  it('counts the activity, then does one bucket per step (those before `from` included), and returns the timeline', () => {
    const options = { interval: 'month' as const, from: '1936-04-01', to: '1936-08-31' };
    const steps = timelineSteps(davis, options);
    const done: number[] = [];
    let step = steps.next();
    while (!step.done) {
      done.push(step.value);
      step = steps.next();
    }
    // September 1935 (the founding) to March 1936 for the phases, then April to August shown.
    expect(done).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(step.value.buckets.map((b) => b.label)).toEqual(['1936-04', '1936-05', '1936-06', '1936-07', '1936-08']);
    expect(step.value).toEqual(timeline(davis, options));
  });
});
