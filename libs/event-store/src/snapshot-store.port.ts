import type { Position } from './event-store.port';

/**
 * A projection's state as of a position in the log, kept so that a start loads it and catches up
 * from there instead of replaying the whole history. Snapshots are derived data: losing one costs
 * a slower start, never an event. `version` is the projection's snapshot format; a projection that
 * finds another version discards the snapshot and rebuilds from the log.
 */
export interface Snapshot {
  /** The projection's name, or `<projection>:<key>` for one of many (an analysed network). */
  name: string;
  version: number;
  /** The state holds every event up to and including this position. */
  position: Position;
  state: Uint8Array;
}

export interface SnapshotStore {
  load(name: string): Promise<Snapshot | undefined>;
  /** Replaces the snapshots of these names, all at once. */
  save(snapshots: readonly Snapshot[]): Promise<void>;
  /** Forgets a snapshot (it held personal data now erased, or it can no longer be trusted). */
  delete(name: string): Promise<void>;
  close(): Promise<void>;
}

/** DI token of the store's {@link SnapshotStore}. */
export const SNAPSHOT_STORE = Symbol('SNAPSHOT_STORE');
