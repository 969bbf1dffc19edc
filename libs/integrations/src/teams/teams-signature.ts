import { createHmac } from 'node:crypto';
import { sameSignature } from '../core/constant-time';
import type { SignatureVerdict } from '../slack/slack-signature';

/**
 * Teams outgoing webhooks sign each request with the security token Teams showed when the webhook
 * was created (https://learn.microsoft.com/microsoftteams/platform/webhooks-and-connectors/how-to/add-outgoing-webhook):
 * `Authorization: HMAC <base64 HMAC-SHA256(key = base64-decoded token, message = raw body)>`.
 * Teams sends no timestamp header, so there is no replay window to check here; a replayed message
 * lands on the same idempotency key (derived from the message id) and logs nothing new.
 */
export function verifyTeamsRequest({ securityToken, authorization, rawBody }: { securityToken: string; authorization: string | undefined; rawBody: Buffer }): SignatureVerdict {
  const match = /^HMAC ([A-Za-z0-9+/]+={0,2})$/.exec(authorization?.trim() ?? '');
  if (!match) return { ok: false, problem: 'Authorization must be "HMAC <base64 signature>"' };
  return sameSignature(match[1], teamsSignature(securityToken, rawBody)) ? { ok: true } : { ok: false, problem: 'the HMAC signature does not match the request' };
}

/** The base64 HMAC Teams sends for this body (also what tests sign with). */
export function teamsSignature(securityToken: string, rawBody: Buffer | string): string {
  return createHmac('sha256', Buffer.from(securityToken, 'base64')).update(rawBody).digest('base64');
}

/** A Teams security token is base64 of at least 16 bytes. */
export function isTeamsSecurityToken(token: string): boolean {
  return /^[A-Za-z0-9+/]+={0,2}$/.test(token) && token.length % 4 === 0 && Buffer.from(token, 'base64').length >= 16;
}
