/**
 * A small seeded pseudo-random generator (mulberry32) for the few places that need randomness:
 * Louvain's node order and the pivots of sampled betweenness.
 *
 * Why not Math.random(): analysis results must be reproducible. The same history, date and seed
 * always give the same communities, so a coordinator sees a stable picture and tests can pin values.
 * mulberry32 is 32-bit, fast and good enough for shuffling; it is not cryptographic.
 */

/** Returns a function yielding floats in [0, 1), fully determined by `seed`. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates shuffle of `items` in place, driven by `rng`. */
export function shuffleInPlace<T extends { length: number; [i: number]: unknown }>(items: T, rng: () => number): T {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const tmp = items[i];
    items[i] = items[j];
    items[j] = tmp;
  }
  return items;
}
