import type { AnalysisContext } from '../analysis-engine';
import { TimelineWarmer, WARMING } from './timeline-warmer';

const BUCKETS = 3;

/**
 * A warmer on a hand-turned clock: timers fire only when `advance` passes them, and the worker's
 * message loop turns only when `turn` is called. Each warm is a computation of BUCKETS steps.
 */
function harness(held = new Set(['net-a', 'net-b'])) {
  let now = 1_000_000;
  let timers: Array<{ at: number; callback: () => void }> = [];
  let turns: Array<() => void> = [];
  const warmed: Array<{ kind: string; networkId: string; window?: string; now: number; steps: number; finished: boolean; stopped: boolean }> = [];
  const warmer = new TimelineWarmer({
    warm: (request, context) => {
      const warm = { kind: request.kind, networkId: request.networkId, window: request.options.window, now: context.now, steps: 0, finished: false, stopped: false };
      warmed.push(warm);
      return {
        next: () => {
          warm.steps++;
          warm.finished = warm.steps === BUCKETS;
          return { done: warm.finished, value: warm.steps };
        },
        return: () => {
          warm.stopped = true;
          return { done: true, value: undefined };
        },
      };
    },
    holds: (networkId) => held.has(networkId),
    clock: () => now,
    setTimer: (callback, ms) => timers.push({ at: now + ms, callback }),
    afterMessages: (callback) => turns.push(callback),
  });
  const advance = (ms: number) => {
    now += ms;
    const due = timers.filter((t) => t.at <= now);
    timers = timers.filter((t) => t.at > now);
    due.forEach((t) => t.callback());
  };
  /** The worker handles its messages, then the callbacks waiting for that run. */
  const turn = () => {
    const due = turns;
    turns = [];
    due.forEach((callback) => callback());
  };
  const settle = () => {
    while (turns.length > 0) turn();
  };
  return { warmer, warmed, advance, turn, settle, held };
}
const context: AnalysisContext = { now: 5_000, timeZone: 'Europe/Helsinki' };
/** The timeline warms among them (each is followed by the picture's stops when it finishes). */
const timelines = <T extends { kind: string }>(warmed: T[]): T[] => warmed.filter((w) => w.kind === 'timeline');

describe('TimelineWarmer', () => {
  it('computes the default timeline a while after a question, with the app clock moved on', () => {
    const { warmer, warmed, advance, settle } = harness();
    warmer.noteQuestion('net-a', context);
    advance(WARMING.delayMs - 1);
    expect(warmed).toEqual([]);
    advance(1);
    settle();
    // The timeline, then the picture's stops at the same now.
    expect(warmed).toMatchObject([
      { kind: 'timeline', networkId: 'net-a', window: 'cumulative', now: 5_000 + WARMING.delayMs, finished: true },
      { kind: 'steps', networkId: 'net-a', window: 'cumulative', now: 5_000 + WARMING.delayMs, finished: true },
    ]);
  });

  it('begins the picture\'s stops only once the timeline is done, and a change stops them too', () => {
    const { warmer, warmed, advance, turn } = harness();
    warmer.noteQuestion('net-a', context);
    advance(WARMING.delayMs);
    turn();
    expect(warmed.map((w) => w.kind)).toEqual(['timeline']);
    turn();
    // The timeline done; the messages waiting are handled before the stops begin.
    expect(warmed).toMatchObject([{ kind: 'timeline', finished: true }]);
    expect(warmed.length).toBe(1);
    turn();
    expect(warmed).toMatchObject([{ kind: 'timeline', finished: true }, { kind: 'steps', steps: 1 }]);
    warmer.noteChange('net-a');
    advance(WARMING.delayMs);
    expect(warmed).toMatchObject([{ kind: 'timeline' }, { kind: 'steps', stopped: true, finished: false }, { kind: 'timeline', steps: 1 }]);
  });

  it('takes one bucket per turn of the message loop, so a message waits for one bucket at most', () => {
    const { warmer, warmed, advance, turn } = harness();
    warmer.noteQuestion('net-a', context);
    advance(WARMING.delayMs);
    expect(warmed[0].steps).toBe(1);
    turn();
    expect(warmed[0].steps).toBe(2);
    turn();
    expect(warmed[0]).toMatchObject({ steps: BUCKETS, finished: true });
  });

  it('stops a warm whose network leaves the worker, at once or at its next step', () => {
    const { warmer, warmed, advance, turn, held } = harness();
    warmer.noteQuestion('net-a', context);
    advance(WARMING.delayMs);
    warmer.forget('net-a');
    expect(warmed[0]).toMatchObject({ steps: 1, stopped: true });

    warmer.noteQuestion('net-b', context);
    advance(WARMING.delayMs);
    held.delete('net-b');
    turn();
    expect(warmed[1]).toMatchObject({ steps: 1, stopped: true, finished: false });
  });

  it('starts a changed network over, and lets another network wait for the running warm', () => {
    const { warmer, warmed, advance, settle } = harness();
    warmer.noteQuestion('net-a', context);
    advance(WARMING.delayMs);
    warmer.noteChange('net-a');
    warmer.noteQuestion('net-b', context);
    advance(WARMING.delayMs);
    // net-a's first warm was out of date: stopped, and warmed again; net-b waits for it.
    expect(timelines(warmed).map((w) => [w.networkId, w.stopped])).toEqual([['net-a', true], ['net-a', false]]);
    settle();
    advance(WARMING.delayMs);
    settle();
    expect(timelines(warmed).map((w) => [w.networkId, w.finished])).toEqual([['net-a', false], ['net-a', true], ['net-b', true]]);
  });

  it('warms a burst of changes once, and again for changes after it', () => {
    const { warmer, warmed, advance, settle } = harness();
    warmer.noteQuestion('net-a', context);
    advance(WARMING.delayMs);
    settle();
    for (let i = 0; i < 50; i++) warmer.noteChange('net-a');
    advance(WARMING.delayMs);
    settle();
    warmer.noteChange('net-a');
    advance(WARMING.delayMs);
    settle();
    expect(timelines(warmed).length).toBe(3);
  });

  it('never warms a network nobody asked about, or asked about too long ago, or no longer held', () => {
    const { warmer, warmed, advance, settle, held } = harness();
    warmer.noteChange('net-b');
    advance(WARMING.delayMs);
    expect(warmed).toEqual([]);

    warmer.noteQuestion('net-a', context);
    advance(WARMING.delayMs);
    settle();
    advance(WARMING.recentMs);
    warmer.noteChange('net-a');
    advance(WARMING.delayMs);
    expect(timelines(warmed).length).toBe(1);

    warmer.noteQuestion('net-b', context);
    held.delete('net-b');
    advance(WARMING.delayMs);
    expect(timelines(warmed).map((w) => w.networkId)).toEqual(['net-a']);
  });

  it('swallows a warm that fails: the request itself will say why', () => {
    const failing = { next: () => { throw new Error('not founded'); } };
    const warmer = new TimelineWarmer({ warm: () => failing, holds: () => true, clock: () => 0, setTimer: (callback) => callback(), afterMessages: (callback) => callback() });
    expect(() => warmer.noteQuestion('net-a', context)).not.toThrow();
  });
});
