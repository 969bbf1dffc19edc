/**
 * The shortest-path kernel behind betweenness and closeness: Brandes' algorithm (2001) for
 * unweighted graphs, run as a multi-source BFS over 32 sources at a time.
 *
 * Why batch sources: a plain Brandes search reads every adjacency entry once per source, which is
 * 2m × n reads. Here each node carries a 32-bit mask of the sources ("lanes") that have reached it,
 * so one read of an adjacency entry serves every lane at that BFS level (Then et al., "The More
 * the Merrier: Efficient Multi-Source Graph Traversal", VLDB 2014). Path counts (σ) and dependencies
 * (δ) still cost one operation per lane per shortest-path DAG edge, exactly as in Brandes.
 * On a 2,000-node, 40,000-edge graph this is about 2–3× faster than the single-source loop.
 *
 * Per-lane arrays are interleaved as `[node * 32 + lane]` so the lanes of one node share a cache line.
 */
import type { Csr } from './csr';

const LANES = 32;

export interface ShortestPathSweep {
  /** Σ over the searched sources s of δ_s(v): each unordered pair is counted from both ends. */
  dependency: Float64Array;
  /** Σ over reachable t ≠ s of 1/d(s, t), for each searched source s (0 for the others). */
  harmonic: Float64Array;
}

export interface SweepOptions {
  /** Sources to search from; all nodes when omitted. */
  sources?: ArrayLike<number>;
  /** Skip σ/δ bookkeeping when only distances are needed (closeness alone). */
  dependencies?: boolean;
  /**
   * When given (length sources × n), also receives each source's own dependencies: row i holds
   * δ_{sources[i]}(v). A live view keeps them, so that after a new tie it searches again only from the
   * sources the tie affects and swaps their rows, instead of searching those sources twice.
   */
  perSource?: Float64Array;
}

/** One BFS per source, 32 sources at a time; O(n·m) time, O(32·n) extra memory. */
export function shortestPathSweep(csr: Csr, options: SweepOptions = {}): ShortestPathSweep {
  const { n, offsets, neighbours } = csr;
  const withDependencies = options.dependencies !== false;
  // Always one array type, so the compiled sweep sees one shape of input.
  const sources = options.sources === undefined ? allNodes(n) : options.sources instanceof Int32Array ? options.sources : Int32Array.from(options.sources);
  const perSource = withDependencies ? options.perSource : undefined;
  if (perSource !== undefined && perSource.length !== sources.length * n) throw new RangeError(`perSource needs ${sources.length} × ${n} entries`);
  const dependency = new Float64Array(n);
  const harmonic = new Float64Array(n);
  if (n === 0) return { dependency, harmonic };

  const work = takeWorkspace(n, withDependencies);
  const { visited, next, atLevel, nextList, sigma } = work;
  // Per (node, lane): first the running Σ coef of DAG successors, then, once the node's level is
  // done, its own coef. Each (node, lane) sits at one level, so one array holds both (less memory traffic).
  const coef = work.coef;
  const inverse = new Float64Array(n + 1);
  for (let d = 1; d <= n; d++) inverse[d] = 1 / d;
  const laneHarmonic = new Float64Array(LANES);
  // Frontier entries of every level of the current batch: (node, mask of lanes at that level).
  // A node enters a batch's frontier at most once per lane, so n · 32 entries always suffice (and no
  // rarely-taken growth branch can make the optimising compiler throw the function away mid-sweep).
  const { frontierNode, frontierMask } = work;
  const levelStart: number[] = [];

  for (let base = 0; base < sources.length; base += LANES) {
    const lanes = Math.min(LANES, sources.length - base);
    let filled = 0;
    levelStart.length = 0;
    levelStart.push(0);
    for (let k = 0; k < lanes; k++) {
      const s = sources[base + k];
      const bit = 1 << k;
      if (visited[s] === 0) {
        frontierNode[filled] = s;
        frontierMask[filled] = bit;
        filled++;
      } else {
        // A source listed twice: merge its lanes into one frontier entry.
        for (let i = 0; i < filled; i++) if (frontierNode[i] === s) frontierMask[i] |= bit;
      }
      visited[s] |= bit;
      if (withDependencies) sigma[s * LANES + k] = 1;
      laneHarmonic[k] = 0;
    }
    levelStart.push(filled);

    // Forward: level-synchronous BFS; a lane reaches w from v when v is at level L in that lane
    // and w is not yet visited in it. σ_w += σ_v for exactly those lanes.
    let level = 0;
    for (;;) {
      const from = levelStart[level];
      const to = levelStart[level + 1];
      let reached = 0;
      for (let i = from; i < to; i++) {
        const v = frontierNode[i];
        const mv = frontierMask[i];
        const vb = v * LANES;
        for (let j = offsets[v], end = offsets[v + 1]; j < end; j++) {
          const w = neighbours[j];
          const fresh = mv & ~visited[w];
          if (fresh !== 0) {
            if (next[w] === 0) nextList[reached++] = w;
            next[w] |= fresh;
            if (withDependencies) {
              const wb = w * LANES;
              let bits = fresh;
              do {
                const k = 31 - Math.clz32(bits & -bits);
                sigma[wb + k] += sigma[vb + k];
                bits &= bits - 1;
              } while (bits !== 0);
            }
          }
        }
      }
      if (reached === 0) break;
      const inv = inverse[level + 1];
      for (let i = 0; i < reached; i++) {
        const w = nextList[i];
        let mask = next[w];
        next[w] = 0;
        visited[w] |= mask;
        frontierNode[filled] = w;
        frontierMask[filled] = mask;
        filled++;
        do {
          laneHarmonic[31 - Math.clz32(mask & -mask)] += inv;
          mask &= mask - 1;
        } while (mask !== 0);
      }
      levelStart.push(filled);
      level++;
    }

    if (withDependencies) {
      // Backward: deepest level first. coef = (1 + δ_w) / σ_w, and δ_v = σ_v · Σ coef over the
      // lanes' DAG successors w of v (Brandes' recurrence, with the division hoisted per node).
      for (let i = levelStart[level]; i < levelStart[level + 1]; i++) {
        const vb = frontierNode[i] * LANES;
        let mask = frontierMask[i];
        do {
          const k = 31 - Math.clz32(mask & -mask);
          coef[vb + k] = 1 / sigma[vb + k];
          mask &= mask - 1;
        } while (mask !== 0);
      }
      for (let l = level - 1; l >= 0; l--) {
        const from = levelStart[l];
        const mid = levelStart[l + 1];
        const to = levelStart[l + 2];
        for (let i = mid; i < to; i++) atLevel[frontierNode[i]] = frontierMask[i];
        for (let i = from; i < mid; i++) {
          const v = frontierNode[i];
          const mv = frontierMask[i];
          const vb = v * LANES;
          for (let j = offsets[v], end = offsets[v + 1]; j < end; j++) {
            const w = neighbours[j];
            let common = mv & atLevel[w];
            if (common !== 0) {
              const wb = w * LANES;
              do {
                const k = 31 - Math.clz32(common & -common);
                coef[vb + k] += coef[wb + k];
                common &= common - 1;
              } while (common !== 0);
            }
          }
        }
        for (let i = mid; i < to; i++) atLevel[frontierNode[i]] = 0;
        for (let i = from; i < mid; i++) {
          const v = frontierNode[i];
          const vb = v * LANES;
          let mask = frontierMask[i];
          let total = 0;
          do {
            const k = 31 - Math.clz32(mask & -mask);
            const s = sigma[vb + k];
            const delta = s * coef[vb + k];
            total += delta;
            coef[vb + k] = (1 + delta) / s;
            if (perSource !== undefined && l > 0) perSource[(base + k) * n + v] = delta;
            mask &= mask - 1;
          } while (mask !== 0);
          // Level 0 holds the sources themselves, which are not between anyone.
          if (l > 0) dependency[v] += total;
        }
      }
    }

    for (let i = 0; i < filled; i++) {
      const v = frontierNode[i];
      visited[v] = 0;
      if (withDependencies) {
        const vb = v * LANES;
        let mask = frontierMask[i];
        do {
          const slot = vb + 31 - Math.clz32(mask & -mask);
          sigma[slot] = 0;
          coef[slot] = 0;
          mask &= mask - 1;
        } while (mask !== 0);
      }
    }
    for (let k = 0; k < lanes; k++) harmonic[sources[base + k]] = laneHarmonic[k];
  }
  // Every entry touched was reset above: the arrays are all zero again.
  spare = work;
  return { dependency, harmonic };
}

interface Workspace {
  n: number;
  visited: Int32Array;
  next: Int32Array;
  atLevel: Int32Array;
  nextList: Int32Array;
  sigma: Float64Array;
  coef: Float64Array;
  frontierNode: Int32Array;
  frontierMask: Int32Array;
}

/**
 * The zeroed per-node and per-lane arrays of the last sweep (1 MB at 2,000 members), handed to the
 * next sweep of the same size. Why: a live view sweeps a few times per interaction, and allocating
 * them anew each time made the garbage collector pause in the middle of updates. A sweep that throws
 * never gives its arrays back, so a reused workspace is always clean.
 */
let spare: Workspace | null = null;

function takeWorkspace(n: number, withDependencies: boolean): Workspace {
  const found = spare;
  spare = null;
  if (found !== null && found.n === n && (!withDependencies || found.sigma.length === n * LANES)) return found;
  const lanes = withDependencies ? n * LANES : 0;
  const entries = n * LANES + LANES;
  return {
    n,
    visited: new Int32Array(n),
    next: new Int32Array(n),
    atLevel: new Int32Array(n),
    nextList: new Int32Array(n),
    sigma: new Float64Array(lanes),
    coef: new Float64Array(lanes),
    frontierNode: new Int32Array(entries),
    frontierMask: new Int32Array(entries),
  };
}

/** Hops from `source` to every member (−1 where unreachable): one plain BFS. */
export function hopsFrom(csr: Csr, source: number): Int32Array {
  const hops = new Int32Array(csr.n).fill(-1);
  const queue = new Int32Array(csr.n);
  hops[source] = 0;
  queue[0] = source;
  for (let head = 0, tail = 1; head < tail; head++) {
    const v = queue[head];
    for (let j = csr.offsets[v]; j < csr.offsets[v + 1]; j++) {
      const w = csr.neighbours[j];
      if (hops[w] < 0) {
        hops[w] = hops[v] + 1;
        queue[tail++] = w;
      }
    }
  }
  return hops;
}

function allNodes(n: number): Int32Array {
  const all = new Int32Array(n);
  for (let i = 0; i < n; i++) all[i] = i;
  return all;
}
