/**
 * One network's interactions as columns: typed arrays of numbers, and each distinct string (kind,
 * channel, source, logger, member id) once in a table, referred to by its index. Half a million
 * interactions as objects took about 300 MB on the main thread and seconds to restore from a
 * snapshot; as columns they take about a third of that and restore in a fraction of a second. A
 * record is made as an object only when a query returns it.
 *
 * Times are kept as epoch milliseconds. The write side writes `occurredAt` as `toISOString()`, so the
 * text is that of its milliseconds; a text that is not (an older or imported form) is kept as it is,
 * and orders and filters as text, as before.
 */
import type { InteractionFilter, InteractionRecord } from './interaction-log.types';
import { float64Column, int32Column } from '../projection';

/** Fields with a column of their own; any other field a record carries is kept as it came. */
const KNOWN = new Set(['interactionId', 'networkId', 'kind', 'participants', 'occurredAt', 'initiator', 'channel', 'note', 'reason']);
const NONE = -1;

const FLOAT_COLUMNS = ['occurredMs', 'loggedMs', 'correctedMs', 'retractedMs'] as const;
const INT_COLUMNS = ['kind', 'loggedBy', 'source', 'channel', 'initiator', 'retracted', 'partStart', 'partCount', 'sorted'] as const;
type FloatColumn = (typeof FLOAT_COLUMNS)[number];
type IntColumn = (typeof INT_COLUMNS)[number];

/** What a snapshot holds of one network besides its columns (see {@link InteractionColumns.toSnapshot}). */
export interface ColumnsHeader {
  networkId: string;
  strings: string[];
  ids: string[];
  length: number;
  texts: Array<[number, string]>;
  notes: Array<[number, string]>;
  extra: Array<[number, Record<string, unknown>]>;
}

/** Columns per network in a snapshot: the float and int columns, the participants pool, and `ever` (member, count, rows…). */
export const COLUMNS_PER_NETWORK = FLOAT_COLUMNS.length + INT_COLUMNS.length + 2;

export interface Details {
  kind: string;
  participants: string[];
  occurredAt: string;
  initiator?: string;
  channel?: string;
  note?: string;
  [field: string]: unknown;
}

export class InteractionColumns {
  private strings: string[] = [];
  private stringIndex = new Map<string, number>();
  private ids: string[] = [];
  /** Row of each id, for the first `indexed` rows (restored snapshots index theirs in the background). */
  private readonly rowOf = new Map<string, number>();
  private indexed = 0;
  private length = 0;
  private capacity = 0;
  private floats = {} as Record<FloatColumn, Float64Array>;
  private ints = {} as Record<IntColumn, Int32Array>;
  private parts = new Int32Array(0);
  private partsLength = 0;
  private texts = new Map<number, string>();
  private notes = new Map<number, string>();
  private extra = new Map<number, Record<string, unknown>>();
  /** Rows of every interaction each member ever took part in (corrections and retractions included). */
  private ever = new Map<number, number[]>();
  /** Rows in `sorted`: all of them, except while a row is being (re)placed. */
  private sortedLength = 0;

  constructor(readonly networkId: string) {
    this.grow(1024);
  }

  get size(): number {
    return this.length;
  }

  logged(id: string, details: Details, loggedAt: Date, loggedBy: string, source: string): void {
    if (this.length === this.capacity) this.grow(this.capacity * 2);
    const row = this.length++;
    this.ids.push(id);
    if (this.indexed === row) (this.rowOf.set(id, row), (this.indexed += 1));
    this.floats.loggedMs[row] = loggedAt.getTime();
    this.floats.correctedMs[row] = NaN;
    this.floats.retractedMs[row] = NaN;
    this.ints.loggedBy[row] = this.ref(loggedBy);
    this.ints.source[row] = this.ref(source);
    this.ints.retracted[row] = 0;
    this.setDetails(row, details, {});
    this.insertSorted(row);
  }

  /** Replaces every detail (initiator, channel and note included: absent means gone); other fields stay unless given. */
  corrected(id: string, details: Details, at: Date): void {
    const row = this.row(id);
    if (row === undefined) return;
    this.removeSorted(row);
    this.setDetails(row, details, this.extra.get(row) ?? {});
    this.floats.correctedMs[row] = at.getTime();
    this.insertSorted(row);
  }

  retracted(id: string, at: Date): void {
    const row = this.row(id);
    if (row === undefined) return;
    this.ints.retracted[row] = 1;
    this.floats.retractedMs[row] = at.getTime();
  }

  /** Erasure shreds the notes of a member's interactions: the copies held here go too. */
  forgetNotesOf(memberId: string): void {
    const member = this.stringIndex.get(memberId);
    for (const row of member === undefined ? [] : (this.ever.get(member) ?? [])) this.notes.delete(row);
  }

  interactionIdsOf(memberId: string): string[] {
    const member = this.stringIndex.get(memberId);
    return member === undefined ? [] : [...new Set((this.ever.get(member) ?? []).map((row) => this.ids[row]))];
  }

  get(id: string): InteractionRecord | undefined {
    const row = this.row(id);
    return row === undefined ? undefined : this.record(row);
  }

  participantsOf(id: string): string[] {
    const row = this.row(id);
    return row === undefined ? [] : this.participants(row);
  }

  /** Newest first, from the cursor's key (exclusive) down; `more` when the scan stopped on the limit. */
  page(filter: InteractionFilter, limit: number, after?: { occurredAt: string; id: string }): { records: InteractionRecord[]; more: boolean } {
    const sorted = this.ints.sorted;
    let i = after ? this.lowerBoundIn(this.sortedLength, after.occurredAt, after.id) - 1 : this.sortedLength - 1;
    if (filter.to) i = Math.min(i, this.lowerBoundIn(this.sortedLength, filter.to, '') - 1);
    const kind = filter.kind === undefined ? undefined : this.stringIndex.get(filter.kind) ?? -2;
    const member = filter.member === undefined ? undefined : this.stringIndex.get(filter.member) ?? -2;
    const records: InteractionRecord[] = [];
    for (; i >= 0 && records.length < limit; i -= 1) {
      const row = sorted[i];
      if (filter.from && this.compareText(row, filter.from) < 0) break;
      if (!filter.includeRetracted && this.ints.retracted[row]) continue;
      if (kind !== undefined && this.ints.kind[row] !== kind) continue;
      if (member !== undefined && !this.hasParticipant(row, member)) continue;
      records.push(this.record(row));
    }
    return { records, more: records.length === limit && i >= 0 };
  }

  /** The header, and the columns in the order {@link fromSnapshot} reads them. */
  toSnapshot(): { header: ColumnsHeader; columns: ArrayBufferView[] } {
    const ever: number[] = [];
    for (const [member, rows] of this.ever) ever.push(member, rows.length, ...rows);
    return {
      header: { networkId: this.networkId, strings: this.strings, ids: this.ids, length: this.length, texts: [...this.texts], notes: [...this.notes], extra: [...this.extra] },
      columns: [
        ...FLOAT_COLUMNS.map((c) => this.floats[c].subarray(0, this.length)),
        ...INT_COLUMNS.map((c) => this.ints[c].subarray(0, this.length)),
        this.parts.subarray(0, this.partsLength),
        Int32Array.from(ever),
      ],
    };
  }

  static fromSnapshot(h: ColumnsHeader, buffers: Uint8Array[]): InteractionColumns {
    const columns = new InteractionColumns(h.networkId);
    columns.strings = h.strings;
    h.strings.forEach((text, i) => columns.stringIndex.set(text, i));
    columns.ids = h.ids;
    columns.indexInBackground();
    columns.grow(Math.max(1024, h.length));
    columns.length = h.length;
    columns.sortedLength = h.length;
    let next = 0;
    for (const c of FLOAT_COLUMNS) columns.floats[c].set(float64Column(buffers[next++]));
    for (const c of INT_COLUMNS) columns.ints[c].set(int32Column(buffers[next++]));
    const parts = int32Column(buffers[next++]);
    columns.parts = new Int32Array(Math.max(1024, parts.length * 2));
    columns.parts.set(parts);
    columns.partsLength = parts.length;
    columns.texts = new Map(h.texts);
    columns.notes = new Map(h.notes);
    columns.extra = new Map(h.extra);
    const ever = int32Column(buffers[next++]);
    for (let i = 0; i < ever.length; ) {
      const count = ever[i + 1];
      columns.ever.set(ever[i], Array.from(ever.subarray(i + 2, i + 2 + count)));
      i += 2 + count;
    }
    return columns;
  }

  private row(id: string): number | undefined {
    if (this.indexed < this.length) this.indexUpTo(this.length);
    return this.rowOf.get(id);
  }

  private indexUpTo(end: number): void {
    for (let row = this.indexed; row < end; row++) this.rowOf.set(this.ids[row], row);
    this.indexed = Math.max(this.indexed, end);
  }

  /**
   * Half a million ids into a Map take 0.2–1 s: a restored snapshot indexes them after the start,
   * a slice per turn of the event loop; a lookup before the end finishes the rest at once.
   */
  private indexInBackground(): void {
    const slice = () => {
      if (this.indexed >= this.length) return;
      this.indexUpTo(Math.min(this.length, this.indexed + 20_000));
      setImmediate(slice);
    };
    setImmediate(slice);
  }

  private setDetails(row: number, details: Details, previousExtra: Record<string, unknown>): void {
    const { kind, participants, occurredAt, initiator, channel, note } = details;
    this.ints.kind[row] = this.ref(kind);
    this.ints.initiator[row] = initiator === undefined ? NONE : this.ref(initiator);
    this.ints.channel[row] = channel === undefined ? NONE : this.ref(channel);
    if (note === undefined) this.notes.delete(row);
    else this.notes.set(row, note);
    const ms = Date.parse(occurredAt);
    this.floats.occurredMs[row] = ms;
    if (Number.isNaN(ms) || new Date(ms).toISOString() !== occurredAt) this.texts.set(row, occurredAt);
    else this.texts.delete(row);
    // Participants as given (the log shows what was logged); each new list goes to the end of the pool.
    if (this.partsLength + participants.length > this.parts.length) {
      const bigger = new Int32Array(Math.max(1024, (this.partsLength + participants.length) * 2));
      bigger.set(this.parts.subarray(0, this.partsLength));
      this.parts = bigger;
    }
    this.ints.partStart[row] = this.partsLength;
    this.ints.partCount[row] = participants.length;
    for (const memberId of participants) {
      const member = this.ref(memberId);
      this.parts[this.partsLength++] = member;
      let rows = this.ever.get(member);
      if (!rows) this.ever.set(member, (rows = []));
      if (rows[rows.length - 1] !== row) rows.push(row);
    }
    const extra = { ...previousExtra };
    for (const [key, value] of Object.entries(details)) if (!KNOWN.has(key)) extra[key] = value;
    if (Object.keys(extra).length > 0) this.extra.set(row, extra);
    else this.extra.delete(row);
  }

  private record(row: number): InteractionRecord {
    const { floats, ints } = this;
    const note = this.notes.get(row);
    const record: InteractionRecord = {
      id: this.ids[row],
      networkId: this.networkId,
      kind: this.strings[ints.kind[row]] as InteractionRecord['kind'],
      participants: this.participants(row),
      occurredAt: this.text(row),
      ...(ints.initiator[row] !== NONE && { initiator: this.strings[ints.initiator[row]] }),
      ...(ints.channel[row] !== NONE && { channel: this.strings[ints.channel[row]] as InteractionRecord['channel'] }),
      ...(note !== undefined && { note }),
      ...this.extra.get(row),
      status: ints.retracted[row] ? 'retracted' : 'active',
      loggedAt: new Date(floats.loggedMs[row]).toISOString(),
      loggedBy: this.strings[ints.loggedBy[row]],
      source: this.strings[ints.source[row]],
      ...(!Number.isNaN(floats.correctedMs[row]) && { correctedAt: new Date(floats.correctedMs[row]).toISOString() }),
      ...(!Number.isNaN(floats.retractedMs[row]) && { retractedAt: new Date(floats.retractedMs[row]).toISOString() }),
    };
    return record;
  }

  private participants(row: number): string[] {
    const start = this.ints.partStart[row];
    const out = new Array<string>(this.ints.partCount[row]);
    for (let k = 0; k < out.length; k++) out[k] = this.strings[this.parts[start + k]];
    return out;
  }

  private hasParticipant(row: number, member: number): boolean {
    const start = this.ints.partStart[row];
    const end = start + this.ints.partCount[row];
    for (let k = start; k < end; k++) if (this.parts[k] === member) return true;
    return false;
  }

  private text(row: number): string {
    return this.texts.get(row) ?? new Date(this.floats.occurredMs[row]).toISOString();
  }

  /** The row's occurredAt against a text, as text (the order the log has always had). */
  private compareText(row: number, occurredAt: string): number {
    const text = this.text(row);
    return text < occurredAt ? -1 : text > occurredAt ? 1 : 0;
  }

  private compareKey(row: number, occurredAt: string, id: string): number {
    const byTime = this.compareText(row, occurredAt);
    if (byTime !== 0) return byTime;
    const own = this.ids[row];
    return own < id ? -1 : own > id ? 1 : 0;
  }

  /** Rows are sorted by (occurredAt, id); most logging is recent, so inserts land near the end. `length` already counts the row. */
  private insertSorted(row: number): void {
    const sorted = this.ints.sorted;
    const count = this.sortedCount();
    const text = this.text(row);
    const id = this.ids[row];
    const last = count > 0 ? sorted[count - 1] : undefined;
    const at = last === undefined || this.compareKey(last, text, id) < 0 ? count : this.lowerBoundIn(count, text, id);
    sorted.copyWithin(at + 1, at, count);
    sorted[at] = row;
    this.sortedLength = count + 1;
  }

  private removeSorted(row: number): void {
    const count = this.sortedCount();
    const at = this.lowerBoundIn(count, this.text(row), this.ids[row]);
    if (this.ints.sorted[at] !== row) return;
    this.ints.sorted.copyWithin(at, at + 1, count);
    this.sortedLength = count - 1;
  }

  private sortedCount(): number {
    return this.sortedLength;
  }

  /** Index among the first `count` sorted rows of the first not before (occurredAt, id). */
  private lowerBoundIn(count: number, occurredAt: string, id: string): number {
    let lo = 0;
    let hi = count;
    const sorted = this.ints.sorted;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.compareKey(sorted[mid], occurredAt, id) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private ref(text: string): number {
    let i = this.stringIndex.get(text);
    if (i === undefined) this.stringIndex.set(text, (i = this.strings.push(text) - 1));
    return i;
  }

  private grow(capacity: number): void {
    for (const c of FLOAT_COLUMNS) {
      const bigger = new Float64Array(capacity);
      if (this.floats[c]) bigger.set(this.floats[c].subarray(0, this.length));
      this.floats[c] = bigger;
    }
    for (const c of INT_COLUMNS) {
      const bigger = new Int32Array(capacity);
      if (this.ints[c]) bigger.set(this.ints[c].subarray(0, this.length));
      this.ints[c] = bigger;
    }
    this.capacity = capacity;
  }
}
