import { StateConflict } from '@solmu/kernel';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { assertSubjectId, ERASED, Erased, KeyStore, SubjectKey } from './key-store.port';

/**
 * Field-level encryption of personal data with per-subject keys (AES-256-GCM), so that destroying a
 * subject's key erases their data from an append-only log (crypto-shredding).
 *
 * A sealed value is one self-describing ASCII string, safe inside JSON:
 *
 *     pd1.<subject>.<iv>.<ciphertext>.<tag>
 *
 * - `pd1` is the format version (AES-256-GCM, 96-bit random IV, 128-bit tag);
 * - `<subject>` is the subject id as is (printable ASCII, may itself contain dots: the three parts
 *   after it are found from the right, and base64url never contains a dot);
 * - `<iv>`, `<ciphertext>` (UTF-8 plaintext) and `<tag>` are unpadded base64url (16, any, 22 chars).
 *
 * The associated data is `pd1.<subject>`: a value moved to another subject, or altered in any way,
 * fails authentication instead of decrypting. A sealed value is about 1.33 × the plaintext + 45
 * characters + the subject id.
 */

const VERSION = 'pd1';
const IV_BYTES = 12;
const SEALED = /^pd1\.([\x21-\x7e]{1,200})\.([A-Za-z0-9_-]{16})\.([A-Za-z0-9_-]*)\.([A-Za-z0-9_-]{22})$/;

interface Sealed {
  subjectId: string;
  iv: string;
  ciphertext: string;
  tag: string;
}

/** Personal data may not be written for a subject whose keys were destroyed. */
export class SubjectErasedError extends StateConflict {
  constructor(
    readonly subjectId: string,
    field?: string,
  ) {
    super('subject_erased', `The personal data of ${subjectId} was erased; no new personal data can be stored for it`, field);
  }
}

/** A sealed value failed authentication: it was altered, truncated, or moved to another subject. */
export class TamperedCiphertextError extends Error {
  constructor(readonly subjectId: string | undefined) {
    super(subjectId ? `A sealed value of ${subjectId} failed authentication (altered or moved)` : 'Not a sealed value');
    this.name = 'TamperedCiphertextError';
  }
}

/**
 * A sealed value whose subject has neither a key nor an erasure record: the key store is not the
 * one that goes with this data (a wrong path, or a key backup older than the events).
 */
export class MissingKeyError extends Error {
  constructor(readonly subjectId: string) {
    super(`No key and no erasure record for ${subjectId}: is the key store the one that belongs to this event store?`);
    this.name = 'MissingKeyError';
  }
}

export interface PersonalDataVaultOptions {
  /** Subjects whose key (or erased state) stays in memory, least recently used dropped first. Default 10,000. */
  cacheSize?: number;
  /**
   * How a sealed value whose subject has no key and was never erased reads: `'throw'` a
   * {@link MissingKeyError} (the default: a misconfigured key store fails loudly), or `'erased'`,
   * for a deliberate recovery when keys were lost.
   */
  onMissingKey?: 'throw' | 'erased';
}

/** The keys of a set of subjects, fetched once: seals and opens values synchronously. */
export class KeyRing {
  constructor(
    private readonly keys: ReadonlyMap<string, SubjectKey | undefined>,
    private readonly onMissingKey: 'throw' | 'erased',
  ) {}

  /** Seals a plaintext for a subject of this ring. Throws {@link SubjectErasedError} for an erased subject. */
  encrypt(subjectId: string, plaintext: string, field?: string): string {
    if (typeof plaintext !== 'string') throw new TypeError('Only strings can be sealed');
    const key = this.keyOf(subjectId);
    if (key === ERASED) throw new SubjectErasedError(subjectId, field);
    if (key === undefined) throw new MissingKeyError(subjectId);
    const header = `${VERSION}.${subjectId}`;
    const iv = nextIv();
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(Buffer.from(header, 'latin1'));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return `${header}.${iv.toString('base64url')}.${ciphertext.toString('base64url')}.${cipher.getAuthTag().toString('base64url')}`;
  }

  /** Opens a sealed value of a subject of this ring: the plaintext, or {@link ERASED}. */
  decrypt(value: string): string | Erased {
    const sealed = parseSealed(value);
    if (!sealed) throw new TamperedCiphertextError(undefined);
    const key = this.keyOf(sealed.subjectId);
    if (key === ERASED) return ERASED;
    if (key === undefined) {
      if (this.onMissingKey === 'erased') return ERASED;
      throw new MissingKeyError(sealed.subjectId);
    }
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64url'));
      decipher.setAAD(Buffer.from(`${VERSION}.${sealed.subjectId}`, 'latin1'));
      decipher.setAuthTag(Buffer.from(sealed.tag, 'base64url'));
      return decipher.update(sealed.ciphertext, 'base64url', 'utf8') + decipher.final('utf8');
    } catch {
      throw new TamperedCiphertextError(sealed.subjectId);
    }
  }

  private keyOf(subjectId: string): SubjectKey | undefined {
    if (!this.keys.has(subjectId)) throw new Error(`${subjectId} is not in this key ring`);
    return this.keys.get(subjectId);
  }
}

/**
 * Seals and opens personal data with per-subject keys from a {@link KeyStore}, keeping recently
 * used keys in memory so a hot path does not reach the key store for every field. Erasing a subject
 * destroys its key in the store and in this cache; from then on its values open as {@link ERASED}.
 */
export class PersonalDataVault {
  private readonly cache = new Map<string, SubjectKey>();
  /** Subjects erased through this vault: never cached as keys again, whatever a racing fetch returns. */
  private readonly erasedHere = new Set<string>();
  private readonly cacheSize: number;
  private readonly onMissingKey: 'throw' | 'erased';

  constructor(
    private readonly keys: KeyStore,
    options: PersonalDataVaultOptions = {},
  ) {
    this.cacheSize = Math.max(1, options.cacheSize ?? 10_000);
    this.onMissingKey = options.onMissingKey ?? 'throw';
  }

  /** Seals a plaintext with the subject's key, creating the key on first use. */
  async encrypt(subjectId: string, plaintext: string): Promise<string> {
    return (await this.keyRing([subjectId], { create: true })).encrypt(subjectId, plaintext);
  }

  /** Opens a sealed value: the plaintext, or {@link ERASED} once the subject was erased. */
  async decrypt(value: string): Promise<string | Erased> {
    const subjectId = this.subjectOf(value);
    if (subjectId === undefined) throw new TamperedCiphertextError(undefined);
    return (await this.keyRing([subjectId], { create: false })).decrypt(value);
  }

  /** Whether a value is a sealed value (of any subject). */
  isEncrypted(value: unknown): value is string {
    return typeof value === 'string' && value.startsWith('pd1.') && SEALED.test(value);
  }

  /** The subject a sealed value belongs to, or undefined when the value is not sealed. */
  subjectOf(value: string): string | undefined {
    return parseSealed(value)?.subjectId;
  }

  /**
   * The keys of these subjects in one fetch, for sealing or opening many values synchronously.
   * With `create`, subjects without a key get one (durably, before this resolves).
   */
  async keyRing(subjectIds: Iterable<string>, { create }: { create: boolean }): Promise<KeyRing> {
    const ring = new Map<string, SubjectKey | undefined>();
    const missing: string[] = [];
    for (const subjectId of subjectIds) {
      if (ring.has(subjectId)) continue;
      const cached = this.cached(subjectId);
      ring.set(subjectId, cached);
      if (cached === undefined) missing.push(subjectId);
    }
    if (missing.length > 0) {
      missing.forEach(assertSubjectId);
      const found = create ? await this.keys.getOrCreateKeys(missing) : await this.keys.getKeys(missing);
      for (const subjectId of missing) {
        const key = this.erasedHere.has(subjectId) ? ERASED : found.get(subjectId);
        ring.set(subjectId, key);
        if (key !== undefined) this.remember(subjectId, key);
      }
    }
    return new KeyRing(ring, this.onMissingKey);
  }

  /** Erases these subjects: destroys their keys, so every value sealed for them opens as {@link ERASED}. */
  async erase(subjectIds: readonly string[]): Promise<void> {
    subjectIds.forEach(assertSubjectId);
    for (const subjectId of subjectIds) {
      this.erasedHere.add(subjectId);
      this.remember(subjectId, ERASED);
    }
    await this.keys.destroyKeys(subjectIds);
  }

  async isErased(subjectId: string): Promise<boolean> {
    if (this.erasedHere.has(subjectId)) return true;
    return (await this.keys.erasedAt([subjectId])).has(subjectId);
  }

  /** Closes the key store. */
  async close(): Promise<void> {
    this.cache.clear();
    await this.keys.close();
  }

  private cached(subjectId: string): SubjectKey | undefined {
    const key = this.cache.get(subjectId);
    if (key !== undefined) {
      // Most recently used last: Map iteration order is insertion order.
      this.cache.delete(subjectId);
      this.cache.set(subjectId, key);
    }
    return key;
  }

  private remember(subjectId: string, key: SubjectKey): void {
    this.cache.delete(subjectId);
    this.cache.set(subjectId, key);
    if (this.cache.size > this.cacheSize) this.cache.delete(this.cache.keys().next().value as string);
  }
}

/**
 * IVs drawn from a pool of random bytes, each slice used once: one `randomBytes` call per 512 IVs
 * instead of one per field (a 12-byte `randomBytes` costs ~5 µs, as much as the encryption).
 * IVs need to be unique per key, not secret.
 */
let ivPool = Buffer.alloc(0);
let ivOffset = 0;
function nextIv(): Buffer {
  if (ivOffset + IV_BYTES > ivPool.length) {
    ivPool = randomBytes(IV_BYTES * 512);
    ivOffset = 0;
  }
  const iv = ivPool.subarray(ivOffset, ivOffset + IV_BYTES);
  ivOffset += IV_BYTES;
  return iv;
}

function parseSealed(value: string): Sealed | undefined {
  if (typeof value !== 'string' || !value.startsWith('pd1.')) return undefined;
  const match = SEALED.exec(value);
  return match ? { subjectId: match[1], iv: match[2], ciphertext: match[3], tag: match[4] } : undefined;
}
