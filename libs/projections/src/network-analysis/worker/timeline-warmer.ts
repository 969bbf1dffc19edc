import type { AnalysisContext, AnalysisRequest } from '../analysis-engine';

export const WARMING = {
  /** A network is warmed only while someone has asked about it this lately. */
  recentMs: 10 * 60_000,
  /** Quiet time after a question or a change before warming; changes within it are warmed once. */
  delayMs: 2_000,
} as const;

/** What is warmed: the dashboard's timeline, or the picture's slider stops. */
export type WarmRequest = Extract<AnalysisRequest, { kind: 'timeline' | 'steps' }>;

export interface WarmerPorts {
  /**
   * The request's computation, one bucket or stop per step, caching it at the end
   * (AnalysisEngine.warmTimeline, warmPictureSteps); its errors are the warmer's to swallow.
   */
  warm(request: WarmRequest, context: AnalysisContext): Iterator<unknown>;
  holds(networkId: string): boolean;
  /** The worker's own clock (ms), for ageing; the app's "now" comes with each question. */
  clock(): number;
  setTimer(callback: () => void, ms: number): void;
  /** Calls back once the messages that arrived meanwhile have been handled (setImmediate in the worker). */
  afterMessages(callback: () => void): void;
}

/**
 * Keeps the dashboard's default timeline (monthly or coarser as the history needs, cumulative), and
 * then the picture's default slider stops (monthly, cumulative, up to now), ready for networks asked
 * about lately: a short while after a question or a change the worker computes it
 * as a coordinator opening the dashboard would, so that request finds it in the timeline cache, and
 * with the bucket memo a change costs only the buckets whose graph it changed (usually the open one).
 * The work is the request's own, done when the worker is idle, a bucket at a time: between two
 * buckets the worker handles the messages that came in, so a question waits for one bucket's
 * measures, not for the whole cold timeline, and an eviction stops the warm (its memory goes with
 * it). One warm runs at a time; networks nobody asks about are never warmed.
 */
export class TimelineWarmer {
  private readonly asked = new Map<string, { at: number; context: AnalysisContext }>();
  private readonly pending = new Set<string>();
  private running: { networkId: string; steps: Iterator<unknown> } | undefined;

  constructor(private readonly ports: WarmerPorts) {}

  /** A question about the network was answered with this context (the app's now, weights, zone). */
  noteQuestion(networkId: string, context: AnalysisContext): void {
    this.asked.set(networkId, { at: this.ports.clock(), context });
    this.schedule(networkId);
  }

  /** An event of the network was applied. */
  noteChange(networkId: string): void {
    if (this.isRecent(networkId)) this.schedule(networkId);
  }

  /** The network left the worker. */
  forget(networkId: string): void {
    this.asked.delete(networkId);
    if (this.running?.networkId === networkId) this.stop();
  }

  private isRecent(networkId: string): boolean {
    const asked = this.asked.get(networkId);
    if (asked === undefined) return false;
    if (this.ports.clock() - asked.at <= WARMING.recentMs) return true;
    this.asked.delete(networkId);
    return false;
  }

  private schedule(networkId: string): void {
    if (this.pending.has(networkId)) return;
    this.pending.add(networkId);
    this.ports.setTimer(() => {
      this.pending.delete(networkId);
      if (!this.isRecent(networkId) || !this.ports.holds(networkId)) return;
      if (this.running !== undefined) {
        // A warm of the same network is out of date (it changed since); another network's goes on and this one waits.
        if (this.running.networkId !== networkId) return this.schedule(networkId);
        this.stop();
      }
      const asked = this.asked.get(networkId)!;
      // The app's now, moved on by the time since the question.
      const context = { ...asked.context, now: asked.context.now + (this.ports.clock() - asked.at) };
      this.running = { networkId, steps: this.inTurn(networkId, context) };
      this.step();
    }, WARMING.delayMs);
  }

  /** The timeline's steps, then the stops' (each begun only when the one before is done). */
  private *inTurn(networkId: string, context: AnalysisContext): Generator<unknown, void, void> {
    const requests: WarmRequest[] = [
      { kind: 'timeline', networkId, options: { window: 'cumulative' } },
      { kind: 'steps', networkId, options: { interval: 'month', window: 'cumulative' } },
    ];
    for (const [i, request] of requests.entries()) {
      // The messages that came in while the last one finished are handled before the next begins.
      if (i > 0) yield undefined;
      const steps = this.ports.warm(request, context);
      let done = false;
      try {
        for (let step = steps.next(); step.done !== true; step = steps.next()) yield step.value;
        done = true;
      } finally {
        // Stopped (a change, an eviction): the computation in progress is told, so it lets go of its state.
        if (!done) steps.return?.();
      }
    }
  }

  /** One bucket, then the messages waiting, then the next bucket. */
  private step(): void {
    const running = this.running;
    if (running === undefined) return;
    if (!this.ports.holds(running.networkId)) return this.stop();
    let done: boolean;
    try {
      done = running.steps.next().done === true;
    } catch {
      // A network that cannot answer (not founded yet) is simply not warmed; its request will say why.
      done = true;
    }
    if (done) {
      this.running = undefined;
      return;
    }
    this.ports.afterMessages(() => {
      if (this.running === running) this.step();
    });
  }

  private stop(): void {
    const running = this.running;
    this.running = undefined;
    running?.steps.return?.();
  }
}
