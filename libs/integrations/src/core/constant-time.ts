import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Compares a presented signature with the expected one in constant time. Both are hashed first, so
 * neither their contents nor their lengths leak through timing.
 */
export function sameSignature(presented: string | Buffer, expected: string | Buffer): boolean {
  const a = createHash('sha256').update(presented).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}
