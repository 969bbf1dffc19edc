import { InMemoryKeyStore } from './adapters/in-memory-key-store';
import { ERASED, KeyStore, SubjectKey } from './key-store.port';
import { MissingKeyError, PersonalDataVault, SubjectErasedError, TamperedCiphertextError } from './personal-data-vault';

/** A key store that counts how often the vault had to reach it. */
class CountingKeyStore implements KeyStore {
  fetches = 0;
  constructor(private readonly inner: KeyStore = new InMemoryKeyStore()) {}
  getOrCreateKeys(ids: readonly string[]): Promise<Map<string, SubjectKey>> {
    this.fetches += 1;
    return this.inner.getOrCreateKeys(ids);
  }
  getKeys(ids: readonly string[]): Promise<Map<string, SubjectKey>> {
    this.fetches += 1;
    return this.inner.getKeys(ids);
  }
  destroyKeys(ids: readonly string[]): Promise<void> {
    return this.inner.destroyKeys(ids);
  }
  erasedAt(ids: readonly string[]): Promise<Map<string, Date>> {
    return this.inner.erasedAt(ids);
  }
  close(): Promise<void> {
    return this.inner.close();
  }
}

const NAME = 'Zyxwvut Erasable-Person';

/** Replaces one character of the part of a sealed value at `part` (0 = `pd1` … 4 = tag). */
function alter(sealed: string, part: number): string {
  const parts = sealed.split('.');
  const index = part < 0 ? parts.length + part : part;
  const chars = [...parts[index]];
  chars[1] = chars[1] === 'A' ? 'B' : 'A';
  parts[index] = chars.join('');
  return parts.join('.');
}

describe('PersonalDataVault', () => {
  let keys: InMemoryKeyStore;
  let vault: PersonalDataVault;

  beforeEach(() => {
    keys = new InMemoryKeyStore();
    vault = new PersonalDataVault(keys);
  });

  describe('sealing', () => {
    it.each([
      ['a name', NAME],
      ['an email', 'zyxwvut@example.invalid'],
      ['text beyond ASCII', 'Äänekoski: Ørsted ja 鮭 🐟'],
      ['the empty string', ''],
      ['a long note', 'salmon quotas '.repeat(80)],
    ])('round-trips %s', async (_, plaintext) => {
      const sealed = await vault.encrypt('member-1', plaintext);

      expect(await vault.decrypt(sealed)).toBe(plaintext);
    });

    it('writes the documented self-describing form, without the plaintext', async () => {
      const sealed = await vault.encrypt('member-7f3a', NAME);

      expect(sealed).toMatch(/^pd1\.member-7f3a\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{22}$/);
      expect(sealed).not.toContain('Zyxwvut');
      expect(vault.isEncrypted(sealed)).toBe(true);
      expect(vault.subjectOf(sealed)).toBe('member-7f3a');
    });

    it('seals the same plaintext differently every time (random IV)', async () => {
      const [a, b] = [await vault.encrypt('member-1', NAME), await vault.encrypt('member-1', NAME)];

      expect(a).not.toBe(b);
      expect([await vault.decrypt(a), await vault.decrypt(b)]).toEqual([NAME, NAME]);
    });

    it('accepts subject ids that contain dots', async () => {
      const sealed = await vault.encrypt('member.with.dots', NAME);

      expect(vault.subjectOf(sealed)).toBe('member.with.dots');
      expect(await vault.decrypt(sealed)).toBe(NAME);
    });

    it('tells sealed values from plaintext', () => {
      expect(vault.isEncrypted(NAME)).toBe(false);
      expect(vault.isEncrypted('pd1.looks.like.it')).toBe(false);
      expect(vault.isEncrypted(42)).toBe(false);
      expect(vault.isEncrypted(null)).toBe(false);
    });
  });

  describe('integrity', () => {
    it.each([
      ['IV', 2],
      ['ciphertext', 3],
      ['tag', 4],
    ])('refuses a value with an altered %s', async (_, part) => {
      const sealed = await vault.encrypt('member-1', NAME);

      await expect(vault.decrypt(alter(sealed, part))).rejects.toBeInstanceOf(TamperedCiphertextError);
    });

    it('refuses a value moved to another subject, even one with a key', async () => {
      const sealed = await vault.encrypt('member-1', NAME);
      await vault.encrypt('member-2', 'someone else');

      const moved = sealed.replace('pd1.member-1.', 'pd1.member-2.');

      await expect(vault.decrypt(moved)).rejects.toMatchObject({ name: 'TamperedCiphertextError', subjectId: 'member-2' });
    });

    it('refuses a value that is not sealed at all', async () => {
      await expect(vault.decrypt(NAME)).rejects.toBeInstanceOf(TamperedCiphertextError);
    });

    it('refuses to open a value whose subject has no key and no erasure (a mismatched key store)', async () => {
      const sealed = await vault.encrypt('member-1', NAME);
      const elsewhere = new PersonalDataVault(new InMemoryKeyStore());

      await expect(elsewhere.decrypt(sealed)).rejects.toBeInstanceOf(MissingKeyError);
      await expect(new PersonalDataVault(new InMemoryKeyStore(), { onMissingKey: 'erased' }).decrypt(sealed)).resolves.toBe(ERASED);
    });
  });

  describe('erasure', () => {
    it('opens an erased subject’s values as ERASED and leaves other subjects readable', async () => {
      const gone = await vault.encrypt('member-1', NAME);
      const kept = await vault.encrypt('member-2', 'Kept Person');

      await vault.erase(['member-1']);

      expect(await vault.decrypt(gone)).toBe(ERASED);
      expect(await vault.decrypt(kept)).toBe('Kept Person');
      expect(await vault.isErased('member-1')).toBe(true);
      expect(await vault.isErased('member-2')).toBe(false);
    });

    it('refuses to seal new data for an erased subject, and the key store makes no new key', async () => {
      await vault.encrypt('member-1', NAME);
      await vault.erase(['member-1']);

      await expect(vault.encrypt('member-1', NAME)).rejects.toBeInstanceOf(SubjectErasedError);
      await expect(vault.encrypt('member-1', NAME)).rejects.toMatchObject({ kind: 'conflict', code: 'subject_erased' });
      expect((await keys.getOrCreateKeys(['member-1'])).get('member-1')).toBe(ERASED);
    });

    it('erasure is seen by another vault on the same key store (a restart)', async () => {
      const sealed = await vault.encrypt('member-1', NAME);
      await vault.erase(['member-1']);

      expect(await new PersonalDataVault(keys).decrypt(sealed)).toBe(ERASED);
    });

    it('a key fetch racing an erasure does not bring the key back into the cache', async () => {
      const sealed = await vault.encrypt('member-1', NAME);
      const fresh = new PersonalDataVault(keys);

      const racing = fresh.keyRing(['member-1'], { create: false });
      await fresh.erase(['member-1']);
      await racing;

      expect(await fresh.decrypt(sealed)).toBe(ERASED);
    });
  });

  describe('key cache', () => {
    it('reaches the key store once for many values of the same subjects', async () => {
      const counting = new CountingKeyStore();
      const cached = new PersonalDataVault(counting);
      const ring = await cached.keyRing(['member-1', 'member-2'], { create: true });
      const sealed = Array.from({ length: 100 }, (_, i) => ring.encrypt(i % 2 ? 'member-1' : 'member-2', `value ${i}`));

      const opened = await Promise.all(sealed.map((s) => cached.decrypt(s)));

      expect(opened[99]).toBe('value 99');
      expect(counting.fetches).toBe(1);
    });

    it('is bounded: the least recently used subject is fetched again', async () => {
      const counting = new CountingKeyStore();
      const small = new PersonalDataVault(counting, { cacheSize: 2 });
      const a = await small.encrypt('member-a', 'A');
      await small.encrypt('member-b', 'B');
      await small.encrypt('member-c', 'C');
      const before = counting.fetches;

      await small.decrypt(a);

      expect(counting.fetches).toBe(before + 1);
    });

    it('drops an erased subject’s key even while it is cached', async () => {
      const counting = new CountingKeyStore();
      const cached = new PersonalDataVault(counting);
      const sealed = await cached.encrypt('member-1', NAME);

      await cached.erase(['member-1']);

      expect(await cached.decrypt(sealed)).toBe(ERASED);
    });
  });
});
