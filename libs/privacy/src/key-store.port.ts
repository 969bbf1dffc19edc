/**
 * The key store port: one random 256-bit data key per subject (a member, an interaction's notes),
 * kept apart from the data it protects. Destroying a subject's key is how Solmu erases personal data
 * from an append-only log (crypto-shredding): the ciphertext stays in the events, unreadable forever.
 *
 * A destroyed key is remembered as an erasure (subject id and time, never the key), so the store
 * never quietly makes a fresh key for an erased subject: from then on it answers {@link ERASED}.
 *
 * Subject ids are opaque, pseudonymous strings such as `member-<memberId>` or
 * `interaction-<interactionId>`; they must not themselves carry personal data.
 */

/** The answer for a subject whose key was destroyed. */
export const ERASED: unique symbol = Symbol('solmu.privacy.erased');
export type Erased = typeof ERASED;

/** A subject's 256-bit AES key (32 bytes). */
export type DataKey = Buffer;

export const DATA_KEY_BYTES = 32;

/** What the store knows of a subject: its key, or that it was erased. */
export type SubjectKey = DataKey | Erased;

export interface KeyStore {
  /**
   * The keys of these subjects, creating (and durably storing) one for each subject that has none.
   * An erased subject maps to {@link ERASED}: it never gets a new key. Every subject asked for is in
   * the answer. A key is durable before this resolves, so data encrypted with it cannot outlive it
   * by accident of a crash.
   */
  getOrCreateKeys(subjectIds: readonly string[]): Promise<Map<string, SubjectKey>>;
  /** The keys of these subjects, creating none: a subject that never had a key is absent. */
  getKeys(subjectIds: readonly string[]): Promise<Map<string, SubjectKey>>;
  /**
   * Erases these subjects: destroys their keys beyond recovery (as far as the medium allows) and
   * records the erasure. Idempotent; a subject that never had a key is recorded as erased too.
   */
  destroyKeys(subjectIds: readonly string[]): Promise<void>;
  /** When each of these subjects was erased; subjects that were not are absent. */
  erasedAt(subjectIds: readonly string[]): Promise<Map<string, Date>>;
  close(): Promise<void>;
}

/** A subject id the key store accepts: non-empty, printable, without whitespace, at most 200 characters. */
export function assertSubjectId(subjectId: string): void {
  if (typeof subjectId !== 'string' || !/^[\x21-\x7e]{1,200}$/.test(subjectId)) {
    throw new TypeError(`${JSON.stringify(subjectId)} is not a valid subject id (1-200 printable ASCII characters, no spaces)`);
  }
}
