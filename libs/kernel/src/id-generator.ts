import { v7 as uuidv7, v5 as uuidv5 } from 'uuid';

/**
 * Ids are generated behind a port so that tests and replays are deterministic.
 * Production ids are UUID v7: time-ordered, so the event store's id index grows at its right edge.
 */
export interface IdGenerator {
  next(): string;
}

export const ID_GENERATOR = Symbol('ID_GENERATOR');

/** Ids `prefix-1`, `prefix-2`, … as valid-looking UUIDs; for tests. */
export class SequentialIdGenerator implements IdGenerator {
  private counter = 0;
  constructor(private readonly seed = 0) {}
  next(): string {
    this.counter += 1;
    const n = (this.seed * 1_000_000 + this.counter).toString(16).padStart(12, '0');
    return `00000000-0000-7000-8000-${n}`;
  }
}

/** Time-ordered UUID v7 ids for production. */
export class UuidV7Generator implements IdGenerator {
  next(): string {
    return uuidv7();
  }
}

const SOLMU_NAMESPACE = '6f0d2b1e-4c8a-5b8e-9d7a-1f3c5e7a9b20';

/**
 * A stable id derived from names (UUID v5). Used where a retry must land on the same id,
 * e.g. an interaction logged with an Idempotency-Key.
 */
export function deterministicId(...parts: string[]): string {
  return uuidv5(parts.join('\u001f'), SOLMU_NAMESPACE);
}
