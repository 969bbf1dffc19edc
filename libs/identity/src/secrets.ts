import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The one place where the identity library draws randomness and hashes secrets.
 *
 * Every credential Solmu hands out (session ids, bearer tokens, API tokens, invitations, the set-up
 * token) is 32 random bytes in base64url behind a recognisable prefix, so secret scanners and
 * log reviews can spot them. Only the SHA-256 of a credential is stored: a credential carries
 * 256 bits of entropy, so a plain hash cannot be reversed by guessing and needs no salt or KDF
 * (passwords, which people choose, go through {@link PasswordHasher} instead).
 */

/** Prefixes of the credentials Solmu issues; a token's kind is readable from its first characters. */
export const TOKEN_PREFIXES = {
  session: 'solmu_ses_',
  bearer: 'solmu_at_',
  apiToken: 'solmu_pat_',
  invitation: 'solmu_inv_',
  setup: 'solmu_setup_',
  oidcLogin: 'solmu_oidc_',
} as const;

export type TokenKind = keyof typeof TOKEN_PREFIXES;

const TOKEN_BYTES = 32;

/** `bytes` random bytes as base64url text (43 characters for 32 bytes). */
export function randomText(bytes = TOKEN_BYTES): string {
  return randomBytes(bytes).toString('base64url');
}

/** A new credential of the given kind: its prefix followed by 32 random bytes in base64url. */
export function newToken(kind: TokenKind): string {
  return `${TOKEN_PREFIXES[kind]}${randomText()}`;
}

/** Whether a presented string looks like a credential of this kind (cheap pre-check before any lookup). */
export function looksLike(kind: TokenKind, token: string | undefined): token is string {
  const prefix = TOKEN_PREFIXES[kind];
  return typeof token === 'string' && token.length === prefix.length + 43 && token.startsWith(prefix);
}

/** The stored form of a credential: lowercase hex SHA-256. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Random salt bytes for the password KDF. */
export function randomSalt(bytes: number): Buffer {
  return randomBytes(bytes);
}

/** HMAC-SHA256 of `message` under `key`, base64url. */
export function hmac(key: string, message: string): string {
  return createHmac('sha256', key).update(message, 'utf8').digest('base64url');
}

/** Compares two secrets in constant time (their digests are compared, so lengths do not leak either). */
export function sameSecret(a: string, b: string): boolean {
  const da = createHash('sha256').update(a, 'utf8').digest();
  const db = createHash('sha256').update(b, 'utf8').digest();
  return timingSafeEqual(da, db);
}

/** Constant-time comparison of two equally long buffers; false when the lengths differ. */
export function sameBytes(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The PKCE S256 code challenge for a verifier (RFC 7636 §4.2). */
export function pkceChallenge(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}
