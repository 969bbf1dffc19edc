import { DEFAULT_SCRYPT_PARAMS, PasswordHasher } from './password-hasher';

describe('PasswordHasher', () => {
  const fast = new PasswordHasher({ logN: 10 });

  it('hashes with the documented defaults (scrypt N=2^15, r=8, p=1, 16-byte salt, 64-byte key) in PHC format', async () => {
    expect(DEFAULT_SCRYPT_PARAMS).toEqual({ logN: 15, r: 8, p: 1, keyLength: 64, saltLength: 16 });
    const hasher = new PasswordHasher();
    const hash = await hasher.hash('correct horse battery staple');

    const [, algorithm, params, salt, key] = hash.split('$');
    expect(algorithm).toBe('scrypt');
    expect(params).toBe('ln=15,r=8,p=1');
    expect(Buffer.from(salt, 'base64')).toHaveLength(16);
    expect(Buffer.from(key, 'base64')).toHaveLength(64);
    expect(await hasher.verify('correct horse battery staple', hash)).toBe(true);
  });

  it('refuses a wrong password', async () => {
    const hash = await fast.hash('correct horse battery staple');
    expect(await fast.verify('correct horse battery stapler', hash)).toBe(false);
    expect(await fast.verify('', hash)).toBe(false);
  });

  it('salts every hash afresh, so equal passwords do not give equal hashes', async () => {
    const [a, b] = await Promise.all([fast.hash('same password!'), fast.hash('same password!')]);
    expect(a).not.toBe(b);
  });

  it('compares passwords in NFKC form, so the same text typed differently matches', async () => {
    const composed = 'Ångström-salasana'; // Å as one code point
    const decomposed = 'A\u030Angstro\u0308m-salasana'; // A + ring, o + diaeresis
    expect(composed).not.toBe(decomposed);
    expect(await fast.verify(decomposed, await fast.hash(composed))).toBe(true);
  });

  it('keeps verifying old hashes after the parameters are raised, and says they need re-hashing', async () => {
    const old = await new PasswordHasher({ logN: 10 }).hash('an old password');
    const stronger = new PasswordHasher({ logN: 11 });
    expect(await stronger.verify('an old password', old)).toBe(true);
    expect(stronger.needsRehash(old)).toBe(true);
    expect(stronger.needsRehash(await stronger.hash('a new password'))).toBe(false);
  });

  it('treats a malformed or absurd hash as not matching', async () => {
    expect(await fast.verify('x', 'not a hash')).toBe(false);
    expect(await fast.verify('x', '$scrypt$ln=40,r=8,p=1$c2FsdHNhbHRzYWx0c2FsdA$a2V5a2V5a2V5a2V5a2V5a2V5')).toBe(false);
    expect(fast.needsRehash('not a hash')).toBe(true);
  });

  it('refuses to be configured with unsafe parameters', () => {
    expect(() => new PasswordHasher({ saltLength: 4 })).toThrow(/Unsafe/);
    expect(() => new PasswordHasher({ keyLength: 8 })).toThrow(/Unsafe/);
  });
});
