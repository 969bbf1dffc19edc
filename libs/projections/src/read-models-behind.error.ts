/**
 * A query waited for the read models to apply every write acknowledged before it began, and they
 * did not get there in time (the process is busy catching up, after a start or a burst of writes).
 * Nothing is wrong with the data and nothing was written: the same request succeeds a moment later,
 * so HTTP answers 503 with Retry-After rather than a 500.
 */
export class ReadModelsBehindError extends Error {
  constructor(readonly position: number) {
    super(`read models lag behind position ${position}`);
    this.name = 'ReadModelsBehindError';
  }
}
