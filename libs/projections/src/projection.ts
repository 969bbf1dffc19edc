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
 * Numbers packed as base64 inside a JSON snapshot: parsing millions of numbers one by one is most of
 * a large snapshot's load time, decoding one string is not.
 */
export const packedNumbers = {
  ints: (values: ArrayLike<number>): string => Buffer.from(Int32Array.from(values).buffer).toString('base64'),
  unpackInts: (text: string): Int32Array => {
    const bytes = Buffer.from(text, 'base64');
    return new Int32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  },
  doubles: (values: ArrayLike<number>): string => Buffer.from(Float64Array.from(values).buffer).toString('base64'),
  unpackDoubles: (text: string): Float64Array => {
    const bytes = Buffer.from(text, 'base64');
    return new Float64Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  },
};
