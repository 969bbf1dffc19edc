import { ValidationFailed } from '@solmu/kernel';
import { graphAt } from '../graph/graph-at';
import { applyNetworkEvent, foldNetworkHistory } from '../graph/network-history';
import type { NetworkHistory } from '../graph/network-history';
import { memberMeasures } from '../measures/member-measures';
import { fourMonthsWithALeaver, logged } from '../testing/history.mother';
import { pictureSteps } from './picture-steps';
import type { PictureSteps } from './picture-steps';
import { FRAME_MEASURES, roundMeasure } from './step-memo';
import type { FrameMeasures } from './step-memo';
import { countingMemo } from '../testing/counting-memo';

const events = fourMonthsWithALeaver;
const NOW = new Date('2024-05-10T12:00:00Z');

/** Frame k as a picture: members with their measures, ties with kind and strength (the changes of frames 0…k applied). */
function decode(answer: PictureSteps, k: number) {
  const ties = new Map<number, [number, number]>();
  for (const frame of answer.frames.slice(0, k + 1)) {
    for (const index of frame.gone) ties.delete(index);
    for (let i = 0; i < frame.ties.length; i += 3) ties.set(frame.ties[i], [frame.ties[i + 1], frame.ties[i + 2]]);
  }
  const frame = answer.frames[k];
  const id = (index: number) => answer.members[index].id;
  return {
    members: Object.fromEntries(frame.members.map((index, i) => [id(index), Object.fromEntries(FRAME_MEASURES.map((m) => [m, frame.measures[m][i]]))])),
    ties: Object.fromEntries(
      [...ties].map(([index, [kind, strength]]) => {
        const [a, b] = answer.ties[index].map(id).sort();
        return [`${a}|${b}`, { kind: answer.kinds[kind], strength }];
      }),
    ),
  };
}

/** The same, from graphAt and memberMeasures at that instant: what /graph?at= answers. */
function expected(history: NetworkHistory, at: string, window: string) {
  const graph = graphAt(history, { at, window });
  const measures = memberMeasures(graph);
  return {
    members: Object.fromEntries(graph.mapNodes((id) => [id, Object.fromEntries(FRAME_MEASURES.map((m) => [m, m === 'degree' ? measures[id].degree : roundMeasure(measures[id][m]!)]))])),
    ties: Object.fromEntries(graph.mapEdges((_key, tie, s, t) => [[s, t].sort().join('|'), { kind: tie.deepestKind, strength: Math.round(tie.strength * 100) / 100 }])),
  };
}

describe('pictureSteps', () => {
  it('stops at the end of each month from the founding, the last stop being now', () => {
    const answer = pictureSteps(foldNetworkHistory(events), { to: NOW });
    expect(answer.interval).toBe('month');
    expect(answer.steps).toEqual(['2024-01-31T23:59:59.999Z', '2024-02-29T23:59:59.999Z', '2024-03-31T23:59:59.999Z', '2024-04-30T23:59:59.999Z', '2024-05-10T12:00:00.000Z']);
    expect(answer.frames.map((f) => f.at)).toEqual(answer.steps);
  });

  it('ends weeks and months at midnights of the network’s zone', () => {
    const answer = pictureSteps(foldNetworkHistory(events), { to: NOW, interval: 'week', timeZone: 'Europe/Helsinki' });
    // The founding (midnight UTC) is Monday 1 January 02:00 in Helsinki: its week ends Sunday 7th at midnight there.
    expect(answer.steps[0]).toBe('2024-01-07T21:59:59.999Z');
    expect(answer.steps.at(-1)).toBe(NOW.toISOString());
  });

  for (const window of ['cumulative', 'sliding:30', 'decay:20']) {
    it(`draws every stop exactly as graphAt and memberMeasures at its date (${window})`, () => {
      const history = foldNetworkHistory(events);
      const answer = pictureSteps(history, { to: NOW, window });
      expect(answer.window).toBe(window);
      answer.steps.forEach((at, k) => expect(decode(answer, k)).toEqual(expected(history, at, window)));
    });
  }

  it('leaves out a member who left, and their ties with them', () => {
    const answer = pictureSteps(foldNetworkHistory(events), { to: NOW });
    const ids = (k: number) => answer.frames[k].members.map((i) => answer.members[i].id).sort();
    expect(ids(1)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(ids(2)).toEqual(['a', 'b', 'c', 'e']);
    const cd = answer.ties.findIndex((pair) => pair.map((i) => answer.members[i].id).sort().join() === 'c,d');
    expect(answer.frames[2].gone).toEqual([cd]);
  });

  it('draws an interaction back-dated into a closed month there, and measures again only what changed', () => {
    const history = foldNetworkHistory(events);
    const memo = countingMemo<FrameMeasures>();
    pictureSteps(history, { to: NOW, memo });
    // Five stops, four graphs: nothing happened in May, so May's is April's.
    expect(memo.measured).toBe(4);
    // Logged today about January: January's graph and every later one change.
    applyNetworkEvent(history, logged('i7', ['b', 'd'], '2024-01-25T10:00:00Z', 'co_developed'));
    memo.measured = 0;
    const answer = pictureSteps(history, { to: NOW, memo });
    expect(decode(answer, 0).ties['b|d']).toEqual({ kind: 'co_developed', strength: expect.any(Number) });
    answer.steps.forEach((at, k) => expect(decode(answer, k)).toEqual(expected(history, at, 'cumulative')));
    // d left in March, and b–d with them: from then on the graphs are the ones measured before.
    expect(memo.measured).toBe(2);
  });

  it('does not measure the same graph twice: a quiet month has last month’s graph', () => {
    const memo = countingMemo<FrameMeasures>();
    // Nothing happens in March but d leaving; drop that and March is February again.
    pictureSteps(foldNetworkHistory(events.filter((e) => e.type !== 'MemberLeft')), { to: NOW, memo });
    expect(memo.measured).toBe(3);
  });

  it('refuses more than 400 stops, naming interval', () => {
    const history = foldNetworkHistory(events);
    const refusal = (() => {
      try {
        pictureSteps(history, { to: new Date('2032-01-01T00:00:00Z'), interval: 'week' });
      } catch (error) {
        return error;
      }
    })();
    expect(refusal).toBeInstanceOf(ValidationFailed);
    expect(JSON.stringify(refusal)).toContain('interval');
    expect(() => pictureSteps(history, { to: NOW, interval: 'day' as never })).toThrow(ValidationFailed);
  });

  it('answers no stops for a network with no dated event', () => {
    expect(pictureSteps(foldNetworkHistory([]), { to: NOW }).steps).toEqual([]);
  });
});

