/**
 * The picture's whole history in one answer: the network at every stop of the coordinator's time
 * slider (the end of each week or month, in the network's zone, the last stop being "now"), with the
 * member measures the picture sizes its members by. The web app draws any stop from it in memory, so
 * a slider step, Play or a jump is a redraw and never a request.
 *
 * Exactness: the graph of a stop is graphAt(history, { at, window, weights }) and its measures are
 * memberMeasures of that graph (built here with createGraphTimeline, whose cheap case is ascending
 * dates), rounded to 4 significant digits (degree exactly; tie strength to 2 decimals) because the
 * picture only draws and prints them.
 *
 * Compactness: members and ties are listed once and frames refer to them by index. A frame lists
 * every member present and their measures (they change with every stop), but only the ties that
 * appeared or changed since the previous frame (`ties`) and those that went (`gone`): on 1,000
 * members and 100,000 interactions the ties of 47 full frames were most of the answer, and under a
 * cumulative window a closed month's ties hardly change. Frame k is frame 0 with the changes of
 * frames 1…k applied.
 *
 * Speed: a stop's member measures are remembered by the content of its graph (bucketKey, as the
 * timeline's buckets are), so after a new interaction only the stops whose graph changed — usually the
 * last — are measured again, and a graph already measured (a quiet month) is not measured twice.
 */
import { ValidationFailed } from '@solmu/kernel';
import { INTERACTION_KINDS } from '@solmu/network/published';
import { createGraphTimeline } from '../graph/graph-at';
import type { NetworkHistory } from '../graph/network-history';
import { formatTieWindow, resolveTieWindow } from '../graph/tie-window';
import type { DepthWeights, TieWindow, TieWindowSpec } from '../graph/types';
import { toCsr } from '../measures/engine/csr';
import { memberArrays } from '../measures/member-measures';
import { bucketKey } from './bucket-memo';
import { calendarBuckets } from './calendar';
import { historyRange } from './timeline';

export const PICTURE_STEP_INTERVALS = ['week', 'month'] as const;
export type PictureStepInterval = (typeof PICTURE_STEP_INTERVALS)[number];

export const PICTURE_STEPS_DEFAULTS = {
  interval: 'month' as PictureStepInterval,
  /** Refused above this many stops (about 33 years of months, 7½ of weeks), naming `interval`. */
  maxSteps: 400,
};

/** The member measures the picture reads, in the order of a frame's `members`. */
export const FRAME_MEASURES = ['degree', 'strength', 'betweenness', 'closeness', 'eigenvector', 'clustering', 'constraint'] as const;
export type FrameMeasure = (typeof FRAME_MEASURES)[number];
export type FrameMeasures = Record<FrameMeasure, Array<number | null>>;

/** Where measured stops are kept across calls (the caller bounds it). */
export interface StepMemo {
  get(key: string): FrameMeasures | undefined;
  set(key: string, measures: FrameMeasures): void;
}

export interface PictureStepsOptions {
  /** Default `month`. */
  interval?: PictureStepInterval;
  /** Default `cumulative`. */
  window?: TieWindow | TieWindowSpec;
  /** The last stop (the API passes now); default the latest dated event of the history. */
  to?: Date;
  /** IANA zone whose midnights end the weeks and months; default UTC. */
  timeZone?: string;
  weights?: Partial<DepthWeights>;
  memo?: StepMemo;
}

export interface StepMember {
  id: string;
  name: string;
  organisation?: string;
  type: string;
  role: string;
  joinedAt: string;
}

export interface PictureFrame {
  /** The instant drawn (ISO 8601), the same as `steps[k]`. */
  at: string;
  /** Indices into `members` of everyone present. */
  members: number[];
  /** Flat triples [tie index, kind index, strength] of the ties that appeared or changed since the previous frame. */
  ties: number[];
  /** Indices of the ties present in the previous frame and not in this one. */
  gone: number[];
  /** Each measure aligned with `members`. */
  measures: FrameMeasures;
}

export interface PictureSteps {
  interval: PictureStepInterval;
  /** The window as a spec string (`cumulative`, `sliding:90`, `decay:60`). */
  window: string;
  timeZone: string;
  /** The stops, oldest first (ISO 8601 instants): each week's or month's last millisecond, the last one `to`. */
  steps: string[];
  /** Everyone present at some stop; a member whose details differ between stops (a rejoin) is listed once per version. */
  members: StepMember[];
  /** Every tie present at some stop, as [member index, member index]. */
  ties: Array<[number, number]>;
  /** The ladder's kinds, shallowest first: a frame's kind index points here. */
  kinds: string[];
  frames: PictureFrame[];
}

/** The network at every slider stop from the founding to `to`; see the module comment. */
export function pictureSteps(history: NetworkHistory, options: PictureStepsOptions = {}): PictureSteps {
  const interval = options.interval ?? PICTURE_STEPS_DEFAULTS.interval;
  if (!(PICTURE_STEP_INTERVALS as readonly string[]).includes(interval)) {
    throw ValidationFailed.field('interval', `expected one of ${PICTURE_STEP_INTERVALS.join(', ')}, got "${String(interval)}"`, 'invalid_interval');
  }
  const window = resolveTieWindow(options.window);
  const timeZone = options.timeZone ?? 'UTC';
  const answer: PictureSteps = { interval, window: formatTieWindow(window), timeZone, steps: [], members: [], ties: [], kinds: [...INTERACTION_KINDS], frames: [] };
  const range = historyRange(history);
  const toMs = options.to?.getTime() ?? range?.to;
  if (range === undefined || toMs === undefined || toMs < range.from) return answer;
  const buckets = calendarBuckets(interval, range.from, toMs, { timeZone, maxBuckets: PICTURE_STEPS_DEFAULTS.maxSteps, field: 'interval' });
  // The open week or month stops at `to`, not at its end: the slider's right end is now.
  const instants = buckets.map((bucket) => Math.min(bucket.endMs - 1, toMs));

  const builder = createGraphTimeline(history, { window, weights: options.weights });
  const memberIndex = new Map<string, number>();
  const tieIndex = new Map<string, number>();
  const kindIndex = new Map<string, number>(answer.kinds.map((kind, i) => [kind, i]));
  /** The previous frame's ties: tie index → [kind index, strength]. */
  let previous = new Map<number, [number, number]>();

  for (const ms of instants) {
    const at = new Date(ms).toISOString();
    const graph = builder.at(new Date(ms));
    const csr = toCsr(graph);
    // The frame lists members in the CSR's order, so remembered measures line up with them.
    const members = csr.keys.map((id) => {
      const node = graph.getNodeAttributes(id);
      const member: StepMember = { id, name: node.name, ...(node.organisation !== undefined && { organisation: node.organisation }), type: node.memberType, role: node.role, joinedAt: node.joinedAt };
      const key = JSON.stringify(member);
      let index = memberIndex.get(key);
      if (index === undefined) {
        index = answer.members.push(member) - 1;
        memberIndex.set(key, index);
      }
      return index;
    });
    const byId = new Map(csr.keys.map((id, v) => [id, members[v]]));

    const current = new Map<number, [number, number]>();
    const ties: number[] = [];
    graph.forEachEdge((_edge, tie, source, target) => {
      let a = byId.get(source)!;
      let b = byId.get(target)!;
      if (a > b) [a, b] = [b, a];
      const key = `${a}|${b}`;
      let index = tieIndex.get(key);
      if (index === undefined) {
        index = answer.ties.push([a, b]) - 1;
        tieIndex.set(key, index);
      }
      const kind = kindIndex.get(tie.deepestKind)!;
      const strength = Math.round(tie.strength * 100) / 100;
      current.set(index, [kind, strength]);
      const before = previous.get(index);
      if (before === undefined || before[0] !== kind || before[1] !== strength) ties.push(index, kind, strength);
    });
    const gone = [...previous.keys()].filter((index) => !current.has(index));
    previous = current;

    const memoKey = options.memo && bucketKey(graph, csr, {});
    let measures = memoKey === undefined ? undefined : options.memo!.get(memoKey);
    if (measures === undefined) {
      measures = frameMeasures(memberArrays(csr));
      if (memoKey !== undefined) options.memo!.set(memoKey, measures);
    }
    answer.steps.push(at);
    answer.frames.push({ at, members, ties, gone, measures });
  }
  return answer;
}

/** The picture's measures from the member arrays, rounded for drawing and printing. */
function frameMeasures(arrays: ReturnType<typeof memberArrays>): FrameMeasures {
  const sources: Record<FrameMeasure, ArrayLike<number | null>> = {
    degree: arrays.degree,
    strength: arrays.strength,
    betweenness: arrays.betweenness,
    closeness: arrays.closeness,
    eigenvector: arrays.eigenvector,
    clustering: arrays.clustering,
    constraint: arrays.burt.constraint,
  };
  const out = {} as FrameMeasures;
  for (const measure of FRAME_MEASURES) {
    out[measure] = Array.from(sources[measure], measure === 'degree' ? (value) => value : roundMeasure);
  }
  return out;
}

/** 4 significant digits; null for a measure that is undefined for the member (constraint of an isolate). */
export function roundMeasure(value: number | null): number | null {
  return value === null || !Number.isFinite(value) ? null : Number(value.toPrecision(4));
}
