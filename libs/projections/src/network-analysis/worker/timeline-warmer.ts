import type { AnalysisContext, AnalysisRequest } from '../analysis-engine';

export const WARMING = {
  /** A network is warmed only while someone has asked about it this lately. */
  recentMs: 10 * 60_000,
  /** Quiet time after a question or a change before warming; changes within it are warmed once. */
  delayMs: 2_000,
} as const;

export interface WarmerPorts {
  /** Computes (and so caches) a timeline; its errors are the warmer's to swallow. */
  warm(request: Extract<AnalysisRequest, { kind: 'timeline' }>, context: AnalysisContext): void;
  holds(networkId: string): boolean;
  /** The worker's own clock (ms), for ageing; the app's "now" comes with each question. */
  clock(): number;
  setTimer(callback: () => void, ms: number): void;
}

/**
 * Keeps the dashboard's default timeline (monthly or coarser as the history needs, cumulative) ready
 * for networks asked about lately: a short while after a question or a change the worker computes it
 * as a coordinator opening the dashboard would, so that request finds it in the timeline cache, and
 * with the bucket memo a change costs only the buckets whose graph it changed (usually the open one).
 * The work is the request's own, done when the worker is idle; networks nobody asks about are never
 * warmed, and a warm runs between requests, never inside one.
 */
export class TimelineWarmer {
  private readonly asked = new Map<string, { at: number; context: AnalysisContext }>();
  private readonly pending = new Set<string>();

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
      const asked = this.asked.get(networkId)!;
      // The app's now, moved on by the time since the question.
      const context = { ...asked.context, now: asked.context.now + (this.ports.clock() - asked.at) };
      try {
        this.ports.warm({ kind: 'timeline', networkId, options: { window: 'cumulative' } }, context);
      } catch {
        // A network that cannot answer (not founded yet) is simply not warmed; its request will say why.
      }
    }, WARMING.delayMs);
  }
}
