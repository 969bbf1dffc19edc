/**
 * Articulation points (cut vertices): members whose departure would split their part of the network.
 * Such a member holds the only bridge between groups — the "owner of a structural hole" of seed
 * `000_…txt`, who "kykenee hallitsemaan koko verkoston yhteistoimintaa" (can control the whole
 * network's collaboration).
 *
 * Hopcroft–Tarjan low-link search, iterative (no recursion limit on long chains), O(n + m), with
 * subtree sizes so each cut vertex comes with the sizes of the groups that would fall apart; splitAt
 * lists their members for the few a caller reports (a BFS each, so not for every cut vertex of a
 * large network).
 */
import type { Csr } from '../measures/engine/csr';

export interface CutVertex {
  /** CSR index of the member. */
  vertex: number;
  /** Sizes of the groups it alone connects, largest first (see splitAt for their members). */
  partSizes: number[];
}

export function articulationPoints(csr: Csr): CutVertex[] {
  const { n, offsets, neighbours } = csr;
  const discovery = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const parent = new Int32Array(n).fill(-1);
  const cursor = new Int32Array(n);
  const size = new Int32Array(n);
  const component = new Int32Array(n);
  const componentSize: number[] = [];
  /** Per vertex: sizes of the DFS subtrees that hang on it alone (low ≥ its discovery time). */
  const splits = new Map<number, number[]>();
  let time = 0;
  const stack: number[] = [];
  for (let root = 0; root < n; root++) {
    if (discovery[root] !== -1) continue;
    const id = componentSize.length;
    discovery[root] = low[root] = time++;
    cursor[root] = offsets[root];
    stack.push(root);
    while (stack.length > 0) {
      const v = stack[stack.length - 1];
      if (cursor[v] < offsets[v + 1]) {
        const u = neighbours[cursor[v]++];
        if (discovery[u] === -1) {
          parent[u] = v;
          discovery[u] = low[u] = time++;
          cursor[u] = offsets[u];
          stack.push(u);
        } else if (u !== parent[v] && discovery[u] < low[v]) {
          low[v] = discovery[u];
        }
        continue;
      }
      stack.pop();
      size[v] += 1;
      component[v] = id;
      const p = parent[v];
      if (p !== -1) {
        size[p] += size[v];
        if (low[v] < low[p]) low[p] = low[v];
        if (low[v] >= discovery[p]) {
          let list = splits.get(p);
          if (list === undefined) splits.set(p, (list = []));
          list.push(size[v]);
        }
      }
    }
    componentSize.push(size[root]);
  }
  const cuts: CutVertex[] = [];
  for (let v = 0; v < n; v++) {
    const hanging = splits.get(v);
    if (hanging === undefined) continue;
    const rest = componentSize[component[v]] - 1 - hanging.reduce((a, b) => a + b, 0);
    const partSizes = rest > 0 ? [...hanging, rest] : hanging;
    // A root with one subtree, or a vertex whose only split is the whole rest, separates nothing.
    if (partSizes.length >= 2) cuts.push({ vertex: v, partSizes: partSizes.sort((a, b) => b - a) });
  }
  return cuts;
}

/** The groups that fall apart when v is removed: members (CSR indices, ascending) of each, largest first. */
export function splitAt(csr: Csr, v: number): number[][] {
  const { offsets, neighbours } = csr;
  const seen = new Set<number>([v]);
  const parts: number[][] = [];
  for (let j = offsets[v]; j < offsets[v + 1]; j++) {
    const start = neighbours[j];
    if (seen.has(start)) continue;
    const part = [start];
    seen.add(start);
    for (let k = 0; k < part.length; k++) {
      const w = part[k];
      for (let i = offsets[w]; i < offsets[w + 1]; i++) {
        const x = neighbours[i];
        if (!seen.has(x)) {
          seen.add(x);
          part.push(x);
        }
      }
    }
    parts.push(part.sort((a, b) => a - b));
  }
  return parts.sort((a, b) => b.length - a.length || a[0] - b[0]);
}
