import { randomUUID } from 'node:crypto';
import { DATA_KEY_BYTES, ERASED, KeyStore } from '../key-store.port';

/**
 * The one contract every KeyStore adapter honours, run against the in-memory store (unit tier)
 * and the SQLite file (integration tier).
 */
export interface KeyStoreSubject {
  keys: KeyStore;
  cleanup?: () => Promise<void>;
}

export function describeKeyStoreContract(name: string, factory: () => Promise<KeyStoreSubject>): void {
  describe(`KeyStore contract: ${name}`, () => {
    let subject: KeyStoreSubject;
    let keys: KeyStore;

    beforeEach(async () => {
      subject = await factory();
      keys = subject.keys;
    });

    afterEach(async () => {
      await keys.close();
      await subject.cleanup?.();
    });

    const member = () => `member-${randomUUID()}`;

    it('creates a random 256-bit key per subject and hands out the same key afterwards', async () => {
      const [a, b] = [member(), member()];

      const created = await keys.getOrCreateKeys([a, b]);
      const again = await keys.getOrCreateKeys([a]);
      const read = await keys.getKeys([a, b]);

      const keyA = created.get(a) as Buffer;
      expect(keyA).toBeInstanceOf(Buffer);
      expect(keyA).toHaveLength(DATA_KEY_BYTES);
      expect(keyA.equals(created.get(b) as Buffer)).toBe(false);
      expect((again.get(a) as Buffer).equals(keyA)).toBe(true);
      expect((read.get(a) as Buffer).equals(keyA)).toBe(true);
    });

    it('creates nothing when only asked to get', async () => {
      const stranger = member();

      const read = await keys.getKeys([stranger]);

      expect(read.has(stranger)).toBe(false);
      expect((await keys.getKeys([stranger])).has(stranger)).toBe(false);
    });

    it('gives concurrent requests for one new subject the same key', async () => {
      const a = member();

      const answers = await Promise.all(Array.from({ length: 5 }, () => keys.getOrCreateKeys([a, a])));

      const first = answers[0].get(a) as Buffer;
      expect(answers.every((m) => (m.get(a) as Buffer).equals(first))).toBe(true);
    });

    it('destroys a key, records the erasure, and never creates a new key for that subject', async () => {
      const [gone, kept] = [member(), member()];
      await keys.getOrCreateKeys([gone, kept]);

      await keys.destroyKeys([gone]);

      expect((await keys.getKeys([gone])).get(gone)).toBe(ERASED);
      expect((await keys.getOrCreateKeys([gone])).get(gone)).toBe(ERASED);
      expect((await keys.getKeys([kept])).get(kept)).toBeInstanceOf(Buffer);
      const erased = await keys.erasedAt([gone, kept]);
      expect([...erased.keys()]).toEqual([gone]);
      expect(Math.abs(erased.get(gone)!.getTime() - Date.now())).toBeLessThan(60_000);
    });

    it('erases a subject that never had a key, and is idempotent', async () => {
      const never = member();

      await keys.destroyKeys([never]);
      const firstErasure = (await keys.erasedAt([never])).get(never);
      await keys.destroyKeys([never]);

      expect((await keys.getOrCreateKeys([never])).get(never)).toBe(ERASED);
      expect((await keys.erasedAt([never])).get(never)).toEqual(firstErasure);
    });

    it('does not let a caller change a stored key through the buffer it was given', async () => {
      const a = member();
      const key = (await keys.getOrCreateKeys([a])).get(a) as Buffer;
      const copy = Buffer.from(key);

      key.fill(0);

      expect((await keys.getKeys([a])).get(a)).toEqual(copy);
    });

    it('refuses malformed subject ids', async () => {
      await expect(keys.getOrCreateKeys([''])).rejects.toThrow(/subject id/);
      await expect(keys.getOrCreateKeys(['has space'])).rejects.toThrow(/subject id/);
      await expect(keys.destroyKeys(['x'.repeat(201)])).rejects.toThrow(/subject id/);
    });
  });
}
