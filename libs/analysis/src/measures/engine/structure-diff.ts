/**
 * What changed in a graph's structure between two CSRs of it: nothing (only weights), one added
 * tie, or something else. The live view uses this to update only what a change can touch — most
 * new interactions in a working network fall on ties that already exist.
 */
import type { Csr } from './csr';

export type StructureChange = { kind: 'same' } | { kind: 'tie-added'; a: number; b: number } | { kind: 'other' };

/** O(n + m): compares keys and neighbour lists; weights are ignored. */
export function diffStructure(before: Csr, after: Csr): StructureChange {
  const other: StructureChange = { kind: 'other' };
  if (before.n !== after.n || (after.m !== before.m && after.m !== before.m + 1)) return other;
  if (before.keys !== after.keys) for (let v = 0; v < after.n; v++) if (before.keys[v] !== after.keys[v]) return other;
  const grown: number[] = [];
  for (let v = 0; v < after.n; v++) {
    const extra = after.degree[v] - before.degree[v];
    if (extra === 0) {
      if (!sameList(before, after, v)) return other;
    } else if (extra === 1 && grown.length < 2) {
      grown.push(v);
    } else {
      return other;
    }
  }
  if (grown.length === 0) return after.m === before.m ? { kind: 'same' } : other;
  if (grown.length !== 2) return other;
  const [a, b] = grown;
  return listPlus(before, after, a, b) && listPlus(before, after, b, a) ? { kind: 'tie-added', a, b } : other;
}

function sameList(before: Csr, after: Csr, v: number): boolean {
  const offset = after.offsets[v] - before.offsets[v];
  for (let j = before.offsets[v]; j < before.offsets[v + 1]; j++) if (before.neighbours[j] !== after.neighbours[j + offset]) return false;
  return true;
}

/** Whether v's list after is its list before with `added` inserted (lists are sorted). */
function listPlus(before: Csr, after: Csr, v: number, added: number): boolean {
  let i = before.offsets[v];
  const end = before.offsets[v + 1];
  let inserted = false;
  for (let j = after.offsets[v]; j < after.offsets[v + 1]; j++) {
    const w = after.neighbours[j];
    if (i < end && before.neighbours[i] === w) i++;
    else if (w === added && !inserted) inserted = true;
    else return false;
  }
  return inserted && i === end;
}
