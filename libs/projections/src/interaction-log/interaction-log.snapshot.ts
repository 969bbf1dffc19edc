/**
 * The interaction log's snapshot format: columns, not one object per interaction. Half a million
 * records as objects are ~150 MB of JSON and seconds to parse; as columns, with the few distinct
 * strings (kinds, channels, sources, loggers, member ids) written once in a table and referred to by
 * number, they are a fraction of that and parse in a few hundred milliseconds.
 */
import { packedNumbers } from '../projection';
import type { InteractionRecord } from './interaction-log.projection';

/** Fields written as columns; anything else a record carries goes into `extra`, as it is. */
const COLUMNS = new Set(['id', 'networkId', 'kind', 'participants', 'occurredAt', 'initiator', 'channel', 'note', 'status', 'loggedAt', 'loggedBy', 'source', 'correctedAt', 'retractedAt']);

export interface NetworkColumns {
  networkId: string;
  strings: string[];
  /** In the log's sorted order. */
  ids: string[];
  occurredAt: string[];
  loggedAt: string[];
  /** Per record: kind, loggedBy, source, channel (-1), initiator (-1), retracted (0/1), participants count, participants… (string indices), packed. */
  fields: string;
  /** Row → what is rare: the note, correction and retraction times, fields not known here. */
  extra: Record<number, Record<string, unknown>>;
  /** Every interaction each member ever took part in: member (string index), count, rows…, packed. */
  byMember: string;
}

export function encodeNetwork(networkId: string, sorted: InteractionRecord[], byMember: Map<string, Set<string>>): NetworkColumns {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const ref = (s: string | undefined): number => {
    if (s === undefined) return -1;
    let i = index.get(s);
    if (i === undefined) index.set(s, (i = strings.push(s) - 1));
    return i;
  };
  const rowOf = new Map<string, number>();
  const fields: number[] = [];
  const byMemberRows: number[] = [];
  const columns: NetworkColumns = { networkId, strings, ids: [], occurredAt: [], loggedAt: [], fields: '', extra: {}, byMember: '' };
  sorted.forEach((r, row) => {
    rowOf.set(r.id, row);
    columns.ids.push(r.id);
    columns.occurredAt.push(r.occurredAt);
    columns.loggedAt.push(r.loggedAt);
    fields.push(ref(r.kind), ref(r.loggedBy), ref(r.source), ref(r.channel), ref(r.initiator), r.status === 'retracted' ? 1 : 0, r.participants.length, ...r.participants.map(ref));
    const extra: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(r)) if (!COLUMNS.has(key) && value !== undefined) extra[key] = value;
    for (const key of ['note', 'correctedAt', 'retractedAt'] as const) if (r[key] !== undefined) extra[key] = r[key];
    if (Object.keys(extra).length > 0) columns.extra[row] = extra;
  });
  for (const [memberId, ids] of byMember) {
    const rows = [...ids].map((id) => rowOf.get(id)).filter((row): row is number => row !== undefined);
    byMemberRows.push(ref(memberId), rows.length, ...rows);
  }
  return { ...columns, fields: packedNumbers.ints(fields), byMember: packedNumbers.ints(byMemberRows) };
}

export function decodeNetwork(columns: NetworkColumns): { sorted: InteractionRecord[]; byId: Map<string, InteractionRecord>; byMember: Map<string, Set<string>> } {
  const { strings, ids, occurredAt, loggedAt, extra, networkId } = columns;
  const fields = packedNumbers.unpackInts(columns.fields);
  const sorted: InteractionRecord[] = new Array(ids.length);
  const byId = new Map<string, InteractionRecord>();
  let f = 0;
  for (let row = 0; row < ids.length; row++) {
    const count = fields[f + 6];
    const participants = new Array<string>(count);
    for (let p = 0; p < count; p++) participants[p] = strings[fields[f + 7 + p]];
    // One shape for every record (absent optional fields are undefined), built without spreads: fast to make.
    const record: InteractionRecord = {
      id: ids[row],
      networkId,
      kind: strings[fields[f]] as InteractionRecord['kind'],
      participants,
      occurredAt: occurredAt[row],
      initiator: fields[f + 4] >= 0 ? strings[fields[f + 4]] : undefined,
      channel: fields[f + 3] >= 0 ? (strings[fields[f + 3]] as InteractionRecord['channel']) : undefined,
      status: fields[f + 5] ? 'retracted' : 'active',
      loggedAt: loggedAt[row],
      loggedBy: strings[fields[f + 1]],
      source: strings[fields[f + 2]],
    };
    f += 7 + count;
    const rare = extra[row];
    if (rare !== undefined) Object.assign(record, rare);
    sorted[row] = record;
    byId.set(record.id, record);
  }
  const byMember = new Map<string, Set<string>>();
  const packed = packedNumbers.unpackInts(columns.byMember);
  for (let i = 0; i < packed.length; ) {
    const count = packed[i + 1];
    const set = new Set<string>();
    for (let k = 0; k < count; k++) set.add(ids[packed[i + 2 + k]]);
    byMember.set(strings[packed[i]], set);
    i += 2 + count;
  }
  return { sorted, byId, byMember };
}
