/**
 * The Bron–Kerbosch step with Tomita's pivot (the member of P ∪ X with most neighbours in P; branch
 * only on P \ N(pivot)) over bitsets, shared by `maximalCliques` and `cliquesAfterAddingEdge`. The
 * sets P (candidates) and X (excluded) hold one row of `words` 32-bit words per depth; `rows[u]` is
 * member u's adjacency among the members searched. Each step is a few word-wise ANDs and popcounts.
 */
export interface CliqueBitsets {
  words: number;
  rows: Uint32Array;
  /** (deepest depth + 1) × words each; row 0 holds the starting P and X. */
  candidates: Uint32Array;
  excluded: Uint32Array;
  branches: Uint32Array;
}

/**
 * Calls `onMaximal(depth)` for each maximal clique grown from the sets at `depth`; `path[0 .. depth)`
 * then holds its members (local indices) chosen below the starting depth. Stops, returning false, as
 * soon as `onMaximal` returns false.
 */
export function expandMaximalCliques(sets: CliqueBitsets, depth: number, path: Int32Array, onMaximal: (depth: number) => boolean): boolean {
  const { words, rows, candidates, excluded, branches } = sets;
  const p = depth * words;
  let anyP = 0;
  let anyX = 0;
  for (let w = 0; w < words; w++) {
    anyP |= candidates[p + w];
    anyX |= excluded[p + w];
  }
  if (anyP === 0) return anyX !== 0 || onMaximal(depth);
  let pivot = -1;
  let best = -1;
  for (let w = 0; w < words; w++) {
    let bits = candidates[p + w] | excluded[p + w];
    while (bits !== 0) {
      const u = (w << 5) + 31 - Math.clz32(bits & -bits);
      bits &= bits - 1;
      let hits = 0;
      for (let x = 0; x < words; x++) hits += popcount(candidates[p + x] & rows[u * words + x]);
      if (hits > best) {
        best = hits;
        pivot = u;
      }
    }
  }
  for (let w = 0; w < words; w++) branches[p + w] = candidates[p + w] & ~rows[pivot * words + w];
  const q = p + words;
  for (let w = 0; w < words; w++) {
    let bits = branches[p + w];
    while (bits !== 0) {
      const bit = bits & -bits;
      bits &= bits - 1;
      const u = (w << 5) + 31 - Math.clz32(bit);
      for (let x = 0; x < words; x++) {
        candidates[q + x] = candidates[p + x] & rows[u * words + x];
        excluded[q + x] = excluded[p + x] & rows[u * words + x];
      }
      path[depth] = u;
      if (!expandMaximalCliques(sets, depth + 1, path, onMaximal)) return false;
      candidates[p + w] &= ~bit;
      excluded[p + w] |= bit;
    }
  }
  return true;
}

export function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
