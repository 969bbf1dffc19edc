import { randomBytes } from 'node:crypto';
import { assertSubjectId, DATA_KEY_BYTES, ERASED, KeyStore, SubjectKey } from '../key-store.port';

/**
 * Keys held in memory: for unit tests and throwaway demos. Same semantics as the SQLite key store
 * (erased subjects answer {@link ERASED} and never get a new key); nothing survives the process.
 */
export class InMemoryKeyStore implements KeyStore {
  private readonly keys = new Map<string, Buffer>();
  private readonly erased = new Map<string, Date>();
  private closed = false;

  async getOrCreateKeys(subjectIds: readonly string[]): Promise<Map<string, SubjectKey>> {
    this.assertOpen();
    subjectIds.forEach(assertSubjectId);
    for (const subject of subjectIds) {
      if (!this.erased.has(subject) && !this.keys.has(subject)) this.keys.set(subject, randomBytes(DATA_KEY_BYTES));
    }
    return this.lookup(subjectIds);
  }

  async getKeys(subjectIds: readonly string[]): Promise<Map<string, SubjectKey>> {
    this.assertOpen();
    return this.lookup(subjectIds);
  }

  async destroyKeys(subjectIds: readonly string[]): Promise<void> {
    this.assertOpen();
    subjectIds.forEach(assertSubjectId);
    const now = new Date();
    for (const subject of subjectIds) {
      this.keys.get(subject)?.fill(0);
      this.keys.delete(subject);
      if (!this.erased.has(subject)) this.erased.set(subject, now);
    }
  }

  async erasedAt(subjectIds: readonly string[]): Promise<Map<string, Date>> {
    this.assertOpen();
    const found = new Map<string, Date>();
    for (const subject of subjectIds) {
      const at = this.erased.get(subject);
      if (at) found.set(subject, new Date(at));
    }
    return found;
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  /** Copies, so a caller holding a key never shares memory with the store. */
  private lookup(subjectIds: readonly string[]): Map<string, SubjectKey> {
    const found = new Map<string, SubjectKey>();
    for (const subject of subjectIds) {
      if (this.erased.has(subject)) found.set(subject, ERASED);
      else {
        const key = this.keys.get(subject);
        if (key) found.set(subject, Buffer.from(key));
      }
    }
    return found;
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('The key store is closed');
  }
}
