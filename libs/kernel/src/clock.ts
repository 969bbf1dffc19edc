/**
 * The clock is a port: the domain never reads time itself, so every decision can be replayed
 * and tested with a fixed instant.
 */
export interface Clock {
  now(): Date;
}

export const CLOCK = Symbol('CLOCK');

/** The production clock. Lives here, outside any domain folder, as the one place that reads time. */
export class SystemClock implements Clock {
  now(): Date {
    return new Date();
  }
}

/** A clock that stands still until moved; for tests and for replaying imports. */
export class FixedClock implements Clock {
  constructor(private instant: Date) {}
  now(): Date {
    return new Date(this.instant.getTime());
  }
  set(instant: Date): void {
    this.instant = instant;
  }
  advance(ms: number): void {
    this.instant = new Date(this.instant.getTime() + ms);
  }
}
