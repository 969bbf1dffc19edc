/**
 * The picture's whole history in one answer: the network at every stop of the coordinator's time
 * slider (the end of each week or month, in the network's zone, the last stop being "now"), with the
 * member measures the picture sizes its members by. The web app draws any stop from it in memory, so
 * a slider step, Play or a jump is a redraw and never a request.
 *
 * Exactness: the graph of a stop is graphAt(history, { at, window, weights }) and its measures are
 * memberMeasures of that graph, rounded to 4 significant digits (degree exactly; tie strength to 2
 * decimals) because the picture only draws and prints them.
 *
 * Compactness: members and ties are listed once and frames refer to them by index. A frame lists
 * every member present with their measures (they change at every stop), but only the ties that
 * appeared or changed since the frame before (`ties`) and those that went (`gone`); frame k is frame 0
 * with the changes of frames 1…k applied. On the web bench's network (1,000 members, 100,000
 * interactions) that is 2.8 MB for 48 monthly stops instead of 5.2 MB with every frame's ties in full,
 * and 9.1 MB instead of 21 MB for 206 weekly stops.
 *
 * Speed: the stops' graphs come from the timeline's builder (window-graphs.ts: the same graph as
 * graphAt, touching only the pairs whose window changed, without provenance); createGraphTimeline
 * re-summarised each changed tie with its interaction ids, the largest cost of a warm answer. A stop's
 * member measures are remembered by the content of its graph (a hash of its CSR, as timeline buckets
 * are by bucketKey), so after a new interaction only the stops whose graph changed (usually the last)
 * are measured again, and a graph measured before (a quiet month) is not measured twice. The memo is
 * shared with the timeline (step-memo.ts): a closed month the timeline measured is not measured here.
 */
import { ValidationFailed } from '@solmu/kernel';
import { INTERACTION_KINDS } from '@solmu/network/published';
import { memberNode } from '../graph/graph-at';
import { membershipAt } from '../graph/network-history';
import type { NetworkHistory } from '../graph/network-history';
import { formatTieWindow, resolveTieWindow } from '../graph/tie-window';
import type { DepthWeights, TieWindow, TieWindowSpec } from '../graph/types';
import { toCsr } from '../measures/engine/csr';
import { memberArrays } from '../measures/member-measures';
import { calendarBuckets } from './calendar';
import { frameMeasures, stepKey } from './step-memo';
import type { FrameMeasures, StepMemo } from './step-memo';
import { historyRange } from './timeline';
import { windowGraphs } from './window-graphs';

export const PICTURE_STEP_INTERVALS = ['week', 'month'] as const;
export type PictureStepInterval = (typeof PICTURE_STEP_INTERVALS)[number];

export const PICTURE_STEPS_DEFAULTS = {
  interval: 'month' as PictureStepInterval,
  /** Refused above this many stops (about 33 years of months, 7½ of weeks), naming `interval`. */
  maxSteps: 400,
};

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
  const steps = pictureStepsSteps(history, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The same answer a stop at a time: each `next()` draws and measures one more stop and yields how
 * many are done; the last returns the answer. Why: a worker warms the picture's stops ahead between
 * requests (as timelineSteps does the timeline's buckets), so a question waits for one stop, not all.
 * The history must not change between steps; options are read, and refused, at the first step.
 */
export function* pictureStepsSteps(history: NetworkHistory, options: PictureStepsOptions = {}): Generator<number, PictureSteps, void> {
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

  const memberIndex = new Map<string, number>();
  /** Per graph edge (pair key): its tie, for the member indices it was listed with. */
  const tieOf = new Map<string, { a: number; b: number; index: number }>();
  const kindIndex = new Map<string, number>(answer.kinds.map((kind, i) => [kind, i]));
  // Per tie index: its kind and strength when last present, and the stop it was last present at.
  const kindOf: number[] = [];
  const strengthOf: number[] = [];
  const presentAt: number[] = [];
  let present: number[] = [];

  let s = 0;
  for (const graph of windowGraphs(history, instants, { window, weights: options.weights })) {
    const ms = instants[s];
    const at = new Date(ms).toISOString();
    const csr = toCsr(graph);
    // The frame lists members in the CSR's order, so remembered measures line up with them.
    const members = csr.keys.map((id) => {
      const record = history.members.get(id)!;
      const node = memberNode(record, membershipAt(record, ms)!);
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

    const ties: number[] = [];
    const now: number[] = [];
    graph.forEachEdge((edge, tie, source, target) => {
      const x = byId.get(source)!;
      const y = byId.get(target)!;
      const a = x < y ? x : y;
      const b = x < y ? y : x;
      let listed = tieOf.get(edge);
      if (listed === undefined || listed.a !== a || listed.b !== b) {
        listed = { a, b, index: answer.ties.push([a, b]) - 1 };
        tieOf.set(edge, listed);
      }
      const index = listed.index;
      const kind = kindIndex.get(tie.deepestKind)!;
      const strength = Math.round(tie.strength * 100) / 100;
      if (presentAt[index] !== s - 1 || kindOf[index] !== kind || strengthOf[index] !== strength) ties.push(index, kind, strength);
      kindOf[index] = kind;
      strengthOf[index] = strength;
      presentAt[index] = s;
      now.push(index);
    });
    const gone = present.filter((index) => presentAt[index] !== s);
    present = now;

    const memoKey = options.memo && stepKey(csr);
    let measures = memoKey === undefined ? undefined : options.memo!.get(memoKey);
    if (measures === undefined) {
      measures = frameMeasures(memberArrays(csr));
      if (memoKey !== undefined) options.memo!.set(memoKey, measures);
    }
    answer.steps.push(at);
    answer.frames.push({ at, members, ties, gone, measures });
    yield ++s;
  }
  return answer;
}
