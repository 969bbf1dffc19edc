import type { AnalysisContext } from '../analysis-engine';
import { TimelineWarmer, WARMING } from './timeline-warmer';

/** A warmer on a hand-turned clock: timers fire only when `advance` passes them. */
function harness(held = new Set(['net-a', 'net-b'])) {
  let now = 1_000_000;
  let timers: Array<{ at: number; callback: () => void }> = [];
  const warmed: Array<{ networkId: string; window?: string; now: number }> = [];
  const warmer = new TimelineWarmer({
    warm: (request, context) => warmed.push({ networkId: request.networkId, window: request.options.window, now: context.now }),
    holds: (networkId) => held.has(networkId),
    clock: () => now,
    setTimer: (callback, ms) => timers.push({ at: now + ms, callback }),
  });
  const advance = (ms: number) => {
    now += ms;
    const due = timers.filter((t) => t.at <= now);
    timers = timers.filter((t) => t.at > now);
    due.forEach((t) => t.callback());
  };
  return { warmer, warmed, advance, held };
}
const context: AnalysisContext = { now: 5_000, timeZone: 'Europe/Helsinki' };

describe('TimelineWarmer', () => {
  it('computes the default timeline a while after a question, with the app clock moved on', () => {
    const { warmer, warmed, advance } = harness();
    warmer.noteQuestion('net-a', context);
    advance(WARMING.delayMs - 1);
    expect(warmed).toEqual([]);
    advance(1);
    expect(warmed).toEqual([{ networkId: 'net-a', window: 'cumulative', now: 5_000 + WARMING.delayMs }]);
  });

  it('warms a burst of changes once, and again for changes after it', () => {
    const { warmer, warmed, advance } = harness();
    warmer.noteQuestion('net-a', context);
    advance(WARMING.delayMs);
    for (let i = 0; i < 50; i++) warmer.noteChange('net-a');
    advance(WARMING.delayMs);
    warmer.noteChange('net-a');
    advance(WARMING.delayMs);
    expect(warmed.length).toBe(3);
  });

  it('never warms a network nobody asked about, or asked about too long ago, or no longer held', () => {
    const { warmer, warmed, advance, held } = harness();
    warmer.noteChange('net-b');
    advance(WARMING.delayMs);
    expect(warmed).toEqual([]);

    warmer.noteQuestion('net-a', context);
    advance(WARMING.delayMs);
    advance(WARMING.recentMs);
    warmer.noteChange('net-a');
    advance(WARMING.delayMs);
    expect(warmed.length).toBe(1);

    warmer.noteQuestion('net-b', context);
    held.delete('net-b');
    advance(WARMING.delayMs);
    expect(warmed.map((w) => w.networkId)).toEqual(['net-a']);
  });

  it('swallows a warm that fails: the request itself will say why', () => {
    const warmer = new TimelineWarmer({ warm: () => { throw new Error('not founded'); }, holds: () => true, clock: () => 0, setTimer: (callback) => callback() });
    expect(() => warmer.noteQuestion('net-a', context)).not.toThrow();
  });
});
