import { scrypt as scryptCallback, type ScryptOptions } from 'node:crypto';
import { normalisePassword } from './account-rules';
import { randomSalt, sameBytes } from './secrets';

/**
 * scrypt (RFC 7914), memory-hard, from node:crypto. The defaults follow the OWASP Password
 * Storage Cheat Sheet: N = 2^15 (cost), r = 8 (block size), p = 1 (parallelism) — 32 MiB and
 * roughly 50–100 ms per hash on a server core — with a 16-byte random salt per account and a
 * 64-byte derived key.
 */
export interface ScryptParams {
  /** log2 of the CPU/memory cost N. */
  logN: number;
  r: number;
  p: number;
  keyLength: number;
  saltLength: number;
}

export const DEFAULT_SCRYPT_PARAMS: Readonly<ScryptParams> = Object.freeze({ logN: 15, r: 8, p: 1, keyLength: 64, saltLength: 16 });

const FORMAT = /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,3}),p=(\d{1,3})\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/;
/** PHC strings use standard base64 without padding. */
const b64 = (bytes: Buffer) => bytes.toString('base64').replace(/=+$/, '');

interface ParsedHash {
  logN: number;
  r: number;
  p: number;
  salt: Buffer;
  key: Buffer;
}

function derive(password: string, salt: Buffer, keyLength: number, logN: number, r: number, p: number): Promise<Buffer> {
  const N = 2 ** logN;
  // Node refuses when 128·N·r exceeds maxmem (32 MiB by default, exactly what N=2^15, r=8 needs).
  const options: ScryptOptions = { N, r, p, maxmem: 256 * N * r };
  return new Promise((resolve, reject) =>
    scryptCallback(normalisePassword(password), salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

/**
 * Hashes and verifies passwords. A hash is stored in PHC string format with its parameters,
 * `$scrypt$ln=15,r=8,p=1$<salt>$<key>` (base64, unpadded), so the parameters can be raised later:
 * old hashes keep verifying and {@link needsRehash} tells when to re-hash at the next sign-in.
 */
export class PasswordHasher {
  private readonly params: ScryptParams;

  constructor(params: Partial<ScryptParams> = {}) {
    this.params = { ...DEFAULT_SCRYPT_PARAMS, ...params };
    const { logN, r, p, keyLength, saltLength } = this.params;
    if (logN < 1 || logN > 24 || r < 1 || p < 1 || keyLength < 16 || saltLength < 16) {
      throw new Error('Unsafe scrypt parameters');
    }
  }

  async hash(password: string): Promise<string> {
    const { logN, r, p, keyLength, saltLength } = this.params;
    const salt = randomSalt(saltLength);
    const key = await derive(password, salt, keyLength, logN, r, p);
    return `$scrypt$ln=${logN},r=${r},p=${p}$${b64(salt)}$${b64(key)}`;
  }

  /** Whether the password matches the stored hash; false for a malformed hash. Constant-time comparison. */
  async verify(password: string, stored: string): Promise<boolean> {
    const parsed = parse(stored);
    if (!parsed) return false;
    const key = await derive(password, parsed.salt, parsed.key.length, parsed.logN, parsed.r, parsed.p);
    return sameBytes(key, parsed.key);
  }

  /** True when the stored hash was made with weaker parameters than the current ones. */
  needsRehash(stored: string): boolean {
    const parsed = parse(stored);
    if (!parsed) return true;
    const { logN, r, p, keyLength, saltLength } = this.params;
    return parsed.logN < logN || parsed.r < r || parsed.p < p || parsed.key.length < keyLength || parsed.salt.length < saltLength;
  }
}

function parse(stored: string): ParsedHash | undefined {
  const match = FORMAT.exec(stored);
  if (!match) return undefined;
  const [, logN, r, p, salt, key] = match;
  const parsed = { logN: Number(logN), r: Number(r), p: Number(p), salt: Buffer.from(salt, 'base64'), key: Buffer.from(key, 'base64') };
  // Refuse hashes that would make us allocate absurd memory (a tampered row must not take the server down).
  if (parsed.logN < 1 || parsed.logN > 24 || parsed.r < 1 || parsed.p < 1 || parsed.key.length < 16) return undefined;
  return parsed;
}
