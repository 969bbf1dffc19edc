/**
 * The engine's warming of the timeline (warmTimeline) and of the picture's slider stops
 * (warmPictureSteps): a bucket or stop per step, cached at the end as a request would cache it;
 * stopped by a change; finished, not started over, by a request arriving meanwhile.
 */
import { foldLoggedBy, foldNetworkHistory, NetworkHistoryEvent, pictureSteps, PictureSteps, timeline, Timeline } from '@solmu/analysis';
import { AnalysisEngine, ForwardedEvent } from './analysis-engine';

const NET = 'net-e';
const NOW = Date.parse('2024-12-31T12:00:00Z');
const members = ['a', 'b', 'c', 'd', 'e'];

function events(): ForwardedEvent[] {
  const out: Array<Omit<ForwardedEvent, 'position'>> = [{ type: 'NetworkFounded', data: { networkId: NET, name: 'E', foundedAt: '2024-01-01T00:00:00Z' } }];
  for (const memberId of members) out.push({ type: 'MemberJoined', data: { networkId: NET, memberId, name: memberId, memberType: 'company', role: 'member', joinedAt: '2024-01-01T00:00:00Z' } });
  for (let i = 0; i < 40; i++) {
    const month = String(1 + (i % 12)).padStart(2, '0');
    const participants = [members[i % 5], members[(i * 2 + 1) % 5]];
    if (participants[0] !== participants[1]) out.push({ type: 'InteractionLogged', data: { networkId: NET, interactionId: `i${i}`, kind: 'discussed', participants, occurredAt: `2024-${month}-10T10:00:00Z` }, metadata: { actor: 'account:a' } });
  }
  return out.map((e, i) => ({ ...e, position: i + 1 }));
}

function engineWith(forwarded: ForwardedEvent[]): AnalysisEngine {
  const engine = new AnalysisEngine();
  engine.hold(NET);
  forwarded.forEach((e) => engine.apply(e));
  return engine;
}

/** The default timeline computed in this test from the same events. */
function expected(forwarded: ForwardedEvent[], now: number): Timeline {
  const history = foldNetworkHistory(forwarded.map((e) => ({ type: e.type, data: e.data, position: e.position }) as unknown as NetworkHistoryEvent));
  return timeline(history, { window: 'cumulative', to: new Date(now), loggedBy: foldLoggedBy(forwarded.map((e) => ({ ...e, metadata: e.metadata ?? {} }))) });
}

const request = { kind: 'timeline', networkId: NET, options: { window: 'cumulative' } } as const;

/** The picture's default stops computed in this test from the same events. */
function expectedSteps(forwarded: ForwardedEvent[], now: number): PictureSteps {
  const history = foldNetworkHistory(forwarded.map((e) => ({ type: e.type, data: e.data, position: e.position }) as unknown as NetworkHistoryEvent));
  return pictureSteps(history, { window: 'cumulative', to: new Date(now) });
}

const stepsRequest = { kind: 'steps', networkId: NET, options: { window: 'cumulative' } } as const;

describe('AnalysisEngine.warmTimeline', () => {
  it('computes the timeline a bucket per step and caches it for the request that follows', () => {
    const forwarded = events();
    const engine = engineWith(forwarded);
    const steps = [...engine.warmTimeline(request, { now: NOW })];
    // Counting the activity, then the twelve months of 2024.
    expect(steps).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    const answer = engine.answer(request, { now: NOW + 1_000 });
    expect(answer).toEqual(expected(forwarded, NOW));
    // From the cache: the warm's own object, its open bucket ending at the warm's now.
    expect(engine.answer(request, { now: NOW + 2_000 })).toBe(answer);
  });

  it('stops at the next step after a change, caching nothing', () => {
    const forwarded = events();
    const engine = engineWith(forwarded);
    const warm = engine.warmTimeline(request, { now: NOW });
    warm.next();
    const late: ForwardedEvent = { position: forwarded.length + 1, type: 'InteractionLogged', data: { networkId: NET, interactionId: 'late', kind: 'co_developed', participants: ['a', 'e'], occurredAt: '2024-12-30T10:00:00Z' }, metadata: { actor: 'account:e' } };
    engine.apply(late);
    expect(warm.next().done).toBe(true);
    expect(engine.answer(request, { now: NOW })).toEqual(expected([...forwarded, late], NOW));
  });

  it('is finished by a request for the same timeline arriving meanwhile, which answers what the warm computed', () => {
    const forwarded = events();
    const engine = engineWith(forwarded);
    const warm = engine.warmTimeline(request, { now: NOW });
    warm.next();
    warm.next();
    const answer = engine.answer(request, { now: NOW + 30_000 });
    expect(answer).toEqual(expected(forwarded, NOW));
    expect(warm.next().done).toBe(true);
    // A minute on, the warm's timeline is too old for the cache: the request computes its own.
    const later = engineWith(forwarded);
    const old = later.warmTimeline(request, { now: NOW });
    old.next();
    expect(later.answer(request, { now: NOW + 61_000 })).toEqual(expected(forwarded, NOW + 61_000));
  });
});

describe('AnalysisEngine.warmPictureSteps', () => {
  it('computes the stops one per step and caches them for the request that follows', () => {
    const forwarded = events();
    const engine = engineWith(forwarded);
    // The twelve months of 2024, the last stop being now.
    expect([...engine.warmPictureSteps(stepsRequest, { now: NOW })]).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    const answer = engine.answer(stepsRequest, { now: NOW + 1_000 });
    expect(answer).toEqual(expectedSteps(forwarded, NOW));
    expect(engine.answer(stepsRequest, { now: NOW + 2_000 })).toBe(answer);
  });

  it('after a warmed timeline, measures no stop again (now draws December’s end graph, the window being cumulative)', () => {
    const engine = engineWith(events());
    [...engine.warmTimeline(request, { now: NOW })];
    const memo = (engine as unknown as { stepMeasures: { set: (...args: unknown[]) => void } }).stepMeasures;
    const set = jest.spyOn(memo, 'set');
    [...engine.warmPictureSteps(stepsRequest, { now: NOW })];
    // December's stop is now, not December's end: under a cumulative window the same graph, so none.
    expect(set).not.toHaveBeenCalled();
  });

  it('stops at the next step after a change, caching nothing', () => {
    const forwarded = events();
    const engine = engineWith(forwarded);
    const warm = engine.warmPictureSteps(stepsRequest, { now: NOW });
    warm.next();
    const late: ForwardedEvent = { position: forwarded.length + 1, type: 'InteractionLogged', data: { networkId: NET, interactionId: 'late', kind: 'co_developed', participants: ['a', 'e'], occurredAt: '2024-03-30T10:00:00Z' }, metadata: { actor: 'account:e' } };
    engine.apply(late);
    expect(warm.next().done).toBe(true);
    expect(engine.answer(stepsRequest, { now: NOW })).toEqual(expectedSteps([...forwarded, late], NOW));
  });

  it('is finished by a request for the same stops arriving meanwhile, which answers what the warm computed', () => {
    const forwarded = events();
    const engine = engineWith(forwarded);
    const warm = engine.warmPictureSteps(stepsRequest, { now: NOW });
    warm.next();
    warm.next();
    const answer = engine.answer(stepsRequest, { now: NOW + 30_000 });
    // The warm's answer: its last stop is the warm's now, not the request's.
    expect(answer).toEqual(expectedSteps(forwarded, NOW));
    expect(warm.next().done).toBe(true);
    expect(engine.answer(stepsRequest, { now: NOW + 31_000 })).toBe(answer);
  });
});

describe('AnalysisEngine.answerInSteps', () => {
  /** Steps the generators in turn, as the worker does with parked requests, counting every step taken. */
  function interleave<T>(runs: Array<Generator<unknown, T, void>>): { answers: T[]; steps: number } {
    const answers: T[] = [];
    let steps = 0;
    const left = new Set(runs.keys());
    while (left.size > 0) {
      for (const i of [...left]) {
        const step = runs[i].next();
        if (step.done) {
          answers[i] = step.value;
          left.delete(i);
        } else steps++;
      }
    }
    return { answers, steps };
  }

  it('computes two identical requests once: the second joins the first, and both answer the first one’s timeline', () => {
    const forwarded = events();
    const engine = engineWith(forwarded);
    const { answers, steps } = interleave([engine.answerInSteps(request, { now: NOW }), engine.answerInSteps(request, { now: NOW + 1_000 })]);
    // One timeline's thirteen steps between them (computing twice would take 26).
    expect(steps).toBe(13);
    expect(answers[0]).toEqual(expected(forwarded, NOW));
    expect(answers[1]).toBe(answers[0]);
  });

  it('joins the stops a warm is computing rather than computing them again', () => {
    const forwarded = events();
    const engine = engineWith(forwarded);
    const { answers, steps } = interleave<unknown>([engine.warmPictureSteps(stepsRequest, { now: NOW }), engine.answerInSteps(stepsRequest, { now: NOW + 1_000 })]);
    expect(steps).toBe(12);
    expect(answers[1]).toEqual(expectedSteps(forwarded, NOW));
  });

  it('restarts on the new state when the network changes meanwhile, so the answer holds the change', () => {
    const forwarded = events();
    const engine = engineWith(forwarded);
    const run = engine.answerInSteps(request, { now: NOW });
    run.next();
    run.next();
    const late: ForwardedEvent = { position: forwarded.length + 1, type: 'InteractionLogged', data: { networkId: NET, interactionId: 'late', kind: 'co_developed', participants: ['a', 'e'], occurredAt: '2024-02-20T10:00:00Z' }, metadata: { actor: 'account:e' } };
    engine.apply(late);
    let step = run.next();
    while (!step.done) step = run.next();
    expect(step.value).toEqual(expected([...forwarded, late], NOW));
  });
});
