import type { Snapshot, SnapshotStore } from '../../snapshot-store.port';

/** Snapshots kept in memory: for the in-memory event store and for tests. */
export class InMemorySnapshotStore implements SnapshotStore {
  private readonly snapshots = new Map<string, Snapshot>();

  async load(name: string): Promise<Snapshot | undefined> {
    const snapshot = this.snapshots.get(name);
    return snapshot && { ...snapshot, state: Uint8Array.from(snapshot.state) };
  }

  async save(snapshots: readonly Snapshot[]): Promise<void> {
    for (const snapshot of snapshots) this.snapshots.set(snapshot.name, { ...snapshot, state: Uint8Array.from(snapshot.state) });
  }

  async delete(name: string): Promise<void> {
    this.snapshots.delete(name);
  }

  /** Names held (for tests). */
  names(): string[] {
    return [...this.snapshots.keys()];
  }

  async close(): Promise<void> {}
}
