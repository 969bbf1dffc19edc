import type { Position, RecordedEvent } from '@solmu/event-store';

/**
 * A read model kept up to date from the event store. `apply` is called once per event in global
 * order; it must be deterministic (no clock, no randomness) so that a rebuild from position zero
 * gives exactly what the live projection gives. It ignores an event at or before the last position
 * it applied, so a projection restored from a snapshot may be fed from an older position.
 */
export interface Projection {
  readonly name: string;
  apply(event: RecordedEvent): void;
  /**
   * False for a projection that needs no history at start (it loads what it needs when asked):
   * the runner then starts from the snapshots of the others without waiting for it.
   */
  readonly replaysHistory?: boolean;
  /** Told where the log is read from at start (after the snapshots restored), before any event. */
  resumeFrom?(position: Position): void;
}

/**
 * A projection whose state can be saved with the position it reached, and restored from it. The
 * runner saves them together (ProjectionRunner) and, at start, restores each and catches up from
 * the oldest position. `snapshotVersion` names the format of `toSnapshot`: bump it whenever the
 * state or the way events fold into it changes, and the old snapshot is discarded and rebuilt.
 */
export interface SnapshottingProjection extends Projection {
  readonly snapshotVersion: number;
  /** The position of the last event applied (0 before any). */
  readonly appliedPosition: Position;
  toSnapshot(): Uint8Array;
  /** Replaces the state with the snapshot's; the projection is then at `position`. */
  restore(state: Uint8Array, position: Position): void;
}

export function isSnapshotting(projection: Projection): projection is SnapshottingProjection {
  return typeof (projection as Partial<SnapshottingProjection>).toSnapshot === 'function';
}

/** DI token under which every projection is registered with the runner. */
export const PROJECTIONS = Symbol('PROJECTIONS');

/** Text state (JSON) as snapshot bytes, and back. */
export const jsonSnapshot = {
  encode: (value: unknown): Uint8Array => Buffer.from(JSON.stringify(value)),
  decode: <T>(bytes: Uint8Array): T => JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8')) as T,
};

/**
 * A snapshot in two parts: a JSON header (strings, ids, what is sparse) and raw binary columns after
 * it, each padded to 8 bytes. Columns as bytes, not text: no base64 to make and parse, and the header
 * a JSON parser reads is a fraction of the whole.
 *
 * Layout: u32 header length, u32 column count, u32 length of each column, the header (UTF-8), then
 * each column from an 8-byte boundary (relative to the start).
 */
/** A column of {@link framedSnapshot} as the typed array it was written from (a view, not a copy). */
export const float64Column = (bytes: Uint8Array): Float64Array => new Float64Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 8);
export const int32Column = (bytes: Uint8Array): Int32Array => new Int32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);

export const framedSnapshot = {
  encode(header: unknown, columns: ReadonlyArray<ArrayBufferView>): Uint8Array {
    const json = Buffer.from(JSON.stringify(header));
    const pad = (n: number) => (n + 7) & ~7;
    const start = pad(8 + 4 * columns.length + json.length);
    const total = columns.reduce((at, c) => pad(at + c.byteLength), start);
    const out = Buffer.alloc(total);
    out.writeUInt32LE(json.length, 0);
    out.writeUInt32LE(columns.length, 4);
    columns.forEach((c, i) => out.writeUInt32LE(c.byteLength, 8 + 4 * i));
    json.copy(out, 8 + 4 * columns.length);
    let at = start;
    for (const c of columns) {
      out.set(new Uint8Array(c.buffer, c.byteOffset, c.byteLength), at);
      at = pad(at + c.byteLength);
    }
    return out;
  },
  /**
   * The header, and each column as a view of `bytes` when they start on an 8-byte boundary (so typed
   * arrays of any width can view them), else copied. Views, not copies: a copy of every column lay
   * beside the bytes until the next collection (42 MB for the interaction log of 500,000 interactions).
   * A caller that keeps a column keeps all of `bytes`, so it copies what it keeps.
   */
  decode<T>(bytes: Uint8Array): { header: T; columns: Uint8Array[] } {
    const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const pad = (n: number) => (n + 7) & ~7;
    const headerLength = view.readUInt32LE(0);
    const count = view.readUInt32LE(4);
    const lengths = Array.from({ length: count }, (_, i) => view.readUInt32LE(8 + 4 * i));
    const header = JSON.parse(view.toString('utf8', 8 + 4 * count, 8 + 4 * count + headerLength)) as T;
    let at = pad(8 + 4 * count + headerLength);
    const aligned = view.byteOffset % 8 === 0;
    const columns = lengths.map((length) => {
      const column = aligned ? new Uint8Array(view.buffer, view.byteOffset + at, length) : new Uint8Array(view.subarray(at, at + length));
      at = pad(at + length);
      return column;
    });
    return { header, columns };
  },
};
