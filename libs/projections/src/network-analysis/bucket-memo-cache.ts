import type { NetworkMeasures } from '@solmu/analysis';

/**
 * The bucket measures a worker remembers (see @solmu/analysis bucket-memo.ts), the least recently
 * used dropped first. An entry is a key and some thirty numbers (about 1 kB), so the default keeps
 * the buckets of a few dozen timelines in a few megabytes. Keys are hashes of whole graphs, so a
 * network that changes leaves only unused entries behind, which age out. The picture's slider stops
 * keep their member measures the same way (picture-steps), in a memo of their own.
 */
export class BucketMemoCache<T = NetworkMeasures> {
  private readonly entries = new Map<string, T>();

  constructor(private readonly capacity = 4000) {}

  get(key: string): T | undefined {
    const measures = this.entries.get(key);
    if (measures === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, measures);
    return measures;
  }

  set(key: string, measures: T): void {
    this.entries.delete(key);
    this.entries.set(key, measures);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }

  get size(): number {
    return this.entries.size;
  }
}
