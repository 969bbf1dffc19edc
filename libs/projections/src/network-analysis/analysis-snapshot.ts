/**
 * A network's analysis state (its folded history and who logged what) as snapshot bytes, and back,
 * so that a worker can take a network up again in a fraction of the time its fold takes. Columns,
 * not objects: V8's own serialiser needed 8.5 s to read back 500,000 interactions, and folding them
 * again from the log 10 s. Ids are written once and referred to by their ordinal; every Map is
 * written in its own order, so the restored history iterates (and so draws and measures) exactly as
 * the folded one. Bump {@link ANALYSIS_SNAPSHOT_VERSION} when the state or the fold changes.
 */
import { createLoggedBy, createNetworkHistory, InteractionRecord, MemberRecord, NetworkHistory, PairLog } from '@solmu/analysis';
import { float64Column, framedSnapshot, int32Column } from '../projection';
import type { AnalysedNetwork } from './analysis-view';

export const ANALYSIS_SNAPSHOT_VERSION = 5;

/** Snapshot name of a network's analysis state. */
export const analysisSnapshotName = (networkId: string): string => `network-analysis:${networkId}`;

interface Columns {
  head: Pick<NetworkHistory, 'networkId' | 'name' | 'foundedAt' | 'lastPosition' | 'revision'>;
  /** Every id with an ordinal, in ordinal order. */
  ids: string[];
  members: Array<Omit<MemberRecord, 'id'>>;
  strings: string[];
  /**
   * Texts of the interactions; their numbers are binary columns (see {@link encodeAnalysedNetwork}).
   * `occurredAt` by row, only where it is not the instant's own ISO form.
   */
  interactions: { ids: string[]; occurredAt: Array<[number, string]> };
  retracted: string[];
  interventions: unknown[];
  /** Loggers of interactions no longer held (retracted); the others' are a column by row. */
  loggedOthers: Array<[string, number]>;
}

export function encodeAnalysedNetwork({ history, loggedBy }: AnalysedNetwork): Uint8Array {
  const strings: string[] = [];
  const stringIndex = new Map<string, number>();
  const ref = (s: string | undefined): number => {
    if (s === undefined) return -1;
    let i = stringIndex.get(s);
    if (i === undefined) stringIndex.set(s, (i = strings.push(s) - 1));
    return i;
  };
  const ordinal = (id: string): number => history.ordinals.get(id)!;
  const rows = new Map<InteractionRecord, number>();
  const interactions = { ids: [] as string[], occurredAt: [] as Array<[number, string]>, occurredMs: [] as number[], kind: [] as number[], depth: [] as number[], initiator: [] as number[], participants: [] as number[] };
  for (const record of history.interactions.values()) {
    const row = rows.size;
    rows.set(record, row);
    interactions.ids.push(record.id);
    if (new Date(record.occurredMs).toISOString() !== record.occurredAt) interactions.occurredAt.push([row, record.occurredAt]);
    interactions.occurredMs.push(record.occurredMs);
    interactions.kind.push(ref(record.kind));
    interactions.depth.push(record.depth);
    interactions.initiator.push(ref(record.initiator));
    interactions.participants.push(record.participants.length, ...record.participants.map(ordinal));
  }
  const pairs: number[] = [];
  for (const pair of history.pairs.values()) {
    pairs.push(pair.aOrdinal, pair.bOrdinal, pair.revision, pair.entries.length);
    for (const entry of pair.entries) pairs.push(rows.get(entry)!);
  }
  const header: Columns = {
    head: { networkId: history.networkId, name: history.name, foundedAt: history.foundedAt, lastPosition: history.lastPosition, revision: history.revision },
    ids: [...history.ordinals.keys()],
    members: [...history.members.values()].map(({ id: _id, ...member }) => member),
    strings,
    interactions: { ids: interactions.ids, occurredAt: interactions.occurredAt },
    retracted: [...history.retracted],
    interventions: [...history.interventions.values()],
    loggedOthers: [...loggedBy].filter(([id]) => !history.interactions.has(id)).map(([id, actor]) => [id, ref(actor)]),
  };
  // Who logged what by interaction row: the ids are written (and read back) once, with the interactions.
  const loggers = Int32Array.from(interactions.ids, (id) => ref(loggedBy.get(id)));
  return framedSnapshot.encode(header, [
    Float64Array.from(interactions.occurredMs),
    Int32Array.from(interactions.kind),
    Int32Array.from(interactions.depth),
    Int32Array.from(interactions.initiator),
    Int32Array.from(interactions.participants),
    Int32Array.from(pairs),
    loggers,
  ]);
}

/**
 * An interaction taken up from a snapshot. Its date's text is made when read (the tie summaries and
 * a tie's history read it), unless it is not the instant's own ISO form: the decider writes
 * `toISOString()`, so almost none is kept, 20 MB less at 500,000 interactions.
 */
class RestoredInteraction implements InteractionRecord {
  constructor(
    readonly id: string,
    readonly kind: InteractionRecord['kind'],
    readonly depth: number,
    readonly participants: readonly string[],
    readonly occurredMs: number,
    readonly initiator: string | undefined,
    private readonly text: string | undefined,
  ) {}

  get occurredAt(): string {
    return this.text ?? new Date(this.occurredMs).toISOString();
  }
}

export function decodeAnalysedNetwork(bytes: Uint8Array): AnalysedNetwork {
  const { header: c, columns } = framedSnapshot.decode<Columns>(bytes);
  const history = createNetworkHistory();
  Object.assign(history, c.head);
  c.ids.forEach((id, i) => history.ordinals.set(id, i));
  for (const member of c.members) history.members.set(c.ids[member.ordinal], { id: c.ids[member.ordinal], ...member } as MemberRecord);
  const { ids } = c.interactions;
  const occurredAt = new Map(c.interactions.occurredAt);
  const occurredMs = float64Column(columns[0]);
  const [kind, depth, initiator, participants, pairs, actors] = columns.slice(1).map(int32Column);
  const records: InteractionRecord[] = new Array(ids.length);
  // The interactions of one pair in the same order share one participants array (they are only read):
  // 64 bytes an interaction otherwise, 30 MB at 500,000.
  const pairsOf = new Map<number, string[]>();
  for (let row = 0, p = 0; row < ids.length; row++) {
    const count = participants[p];
    const key = count === 2 ? participants[p + 1] * c.ids.length + participants[p + 2] : -1;
    let people = key >= 0 ? pairsOf.get(key) : undefined;
    if (people === undefined) {
      people = new Array<string>(count);
      for (let k = 0; k < count; k++) people[k] = c.ids[participants[p + 1 + k]];
      if (key >= 0) pairsOf.set(key, people);
    }
    p += 1 + count;
    const record = new RestoredInteraction(ids[row], c.strings[kind[row]] as InteractionRecord['kind'], depth[row], people, occurredMs[row], initiator[row] >= 0 ? c.strings[initiator[row]] : undefined, occurredAt.get(row));
    records[row] = record;
    history.interactions.set(record.id, record);
  }
  for (const id of c.retracted) history.retracted.add(id);
  for (let i = 0; i < pairs.length; ) {
    const [aOrdinal, bOrdinal, revision, count] = [pairs[i], pairs[i + 1], pairs[i + 2], pairs[i + 3]];
    const entries = new Array<InteractionRecord>(count);
    const times = new Array<number>(count);
    for (let k = 0; k < count; k++) {
      entries[k] = records[pairs[i + 4 + k]];
      times[k] = entries[k].occurredMs;
    }
    i += 4 + count;
    const [a, b] = [c.ids[aOrdinal], c.ids[bOrdinal]];
    const pair: PairLog = { key: `${a}|${b}`, a, b, aOrdinal, bOrdinal, ordinal: history.pairs.size, revision, entries, times };
    history.pairs.set(pair.key, pair);
  }
  for (const intervention of c.interventions as Array<{ id: string }>) history.interventions.set(intervention.id, intervention as never);
  const loggedBy = createLoggedBy();
  records.forEach((record, row) => actors[row] >= 0 && loggedBy.set(record.id, c.strings[actors[row]]));
  for (const [id, actor] of c.loggedOthers) loggedBy.set(id, c.strings[actor]);
  return { history, loggedBy };
}

/** A rough size of a network's analysis state in memory (measured: ~560 bytes per interaction at 500,000). */
export function estimateBytes({ history }: AnalysedNetwork): number {
  return 64 * 1024 + history.interactions.size * 600 + history.pairs.size * 300 + history.members.size * 1000;
}
