import type { Timeline } from '@solmu/analysis';

const FRESH_MS = 60_000;

/**
 * The timelines last asked for, kept until their network changes or a minute passes (the rule of
 * the "now" picture in analysis-view.ts: the open bucket ends now, and sliding windows move with
 * time). Computing one measures every bucket — about 2 s on 1,000 members and 100,000 interactions
 * (`npm run bench -- web`) — so a coordinator reopening the dashboard, or a second coordinator,
 * waits for nothing. A few entries per worker; the oldest goes first. The picture's slider stops
 * (picture-steps) are kept by the same rule, in a cache of their own.
 */
export class TimelineCache<T = Timeline> {
  private readonly entries = new Map<string, { revision: number; computedAt: number; timeline: T }>();

  constructor(private readonly capacity = 16) {}

  get(key: string, revision: number, now: number): T | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.revision !== revision || now - entry.computedAt >= FRESH_MS || now < entry.computedAt) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.timeline;
  }

  /**
   * Drops a network's timelines. A network evicted and loaded again (or refolded after an erasure)
   * counts its revisions anew, so a revision alone could match a timeline of the state before.
   */
  forget(networkId: string): void {
    for (const key of this.entries.keys()) if ((JSON.parse(key) as unknown[])[0] === networkId) this.entries.delete(key);
  }

  set(key: string, revision: number, now: number, timeline: T): void {
    this.entries.delete(key);
    this.entries.set(key, { revision, computedAt: now, timeline });
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }
}
