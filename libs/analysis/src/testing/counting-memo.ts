/**
 * A memo (timeline buckets, picture stops) that counts what it is asked to remember: each `set` is
 * something measured afresh, so a spec can say how much a second call measured again.
 */
export function countingMemo<V>(): { get(key: string): V | undefined; set(key: string, value: V): void; measured: number } {
  const entries = new Map<string, V>();
  return {
    measured: 0,
    get: (key) => entries.get(key),
    set(key, value) {
      this.measured++;
      entries.set(key, value);
    },
  };
}
