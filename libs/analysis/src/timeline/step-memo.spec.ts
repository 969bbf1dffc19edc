import { foldNetworkHistory } from '../graph/network-history';
import { fourMonthsWithALeaver } from '../testing/history.mother';
import { pictureSteps, pictureStepsSteps } from './picture-steps';
import type { FrameMeasures } from './step-memo';
import { timeline } from './timeline';
import { countingMemo } from '../testing/counting-memo';

const events = fourMonthsWithALeaver;
const NOW = new Date('2024-05-10T12:00:00Z');

describe('the stop memo shared by the timeline and the picture', () => {
  it('a monthly timeline leaves every stop measured: the picture after it measures none, and answers as alone', () => {
    const history = foldNetworkHistory(events);
    const memo = countingMemo<FrameMeasures>();
    timeline(history, { interval: 'month', to: NOW, stepMemo: memo });
    // January to April measured; May is April's graph (nothing happened), and under a cumulative
    // window the open month's end draws the same graph as now.
    expect(memo.measured).toBe(4);
    memo.measured = 0;
    const shared = pictureSteps(history, { to: NOW, memo });
    expect(memo.measured).toBe(0);
    expect(shared).toEqual(pictureSteps(history, { to: NOW }));
  });

  it('under a sliding window only the open stop (now, not the month’s end) is measured again', () => {
    const history = foldNetworkHistory(events);
    const memo = countingMemo<FrameMeasures>();
    // On 5 April a–e (2 April) is inside ten days; at April's end it is not.
    const now = new Date('2024-04-05T00:00:00Z');
    timeline(history, { interval: 'month', window: 'sliding:10', to: now, stepMemo: memo });
    memo.measured = 0;
    const shared = pictureSteps(history, { to: now, window: 'sliding:10', memo });
    expect(memo.measured).toBe(1);
    expect(shared).toEqual(pictureSteps(history, { to: now, window: 'sliding:10' }));
  });

  it('records nothing from buckets measured otherwise than the picture (sampled betweenness)', () => {
    const memo = countingMemo<FrameMeasures>();
    timeline(foldNetworkHistory(events), { interval: 'month', to: NOW, stepMemo: memo, exactBetweennessUpTo: 2, betweennessPivots: 2 });
    expect(memo.measured).toBe(0);
  });

  it('a stop at a time gives the same answer, one step per stop', () => {
    const history = foldNetworkHistory(events);
    const steps = pictureStepsSteps(history, { to: NOW });
    const yielded: number[] = [];
    let step = steps.next();
    while (!step.done) {
      yielded.push(step.value);
      step = steps.next();
    }
    expect(yielded).toEqual([1, 2, 3, 4, 5]);
    expect(step.value).toEqual(pictureSteps(history, { to: NOW }));
  });
});

