import { createHmac } from 'node:crypto';
import { sameSignature } from '../core/constant-time';

/**
 * Slack's request signing, version 0 (https://api.slack.com/authentication/verifying-requests-from-slack):
 * `X-Slack-Signature: v0=<hex HMAC-SHA256(signing secret, "v0:<timestamp>:<raw body>")>`, with
 * `X-Slack-Request-Timestamp` in Unix seconds. A request older (or newer) than five minutes is a
 * replay and refused, whatever its signature.
 */
export const SLACK_REPLAY_WINDOW_SECONDS = 5 * 60;

export interface SlackSignedRequest {
  signingSecret: string;
  /** X-Slack-Request-Timestamp */
  timestamp: string | undefined;
  /** X-Slack-Signature */
  signature: string | undefined;
  /** The body exactly as received: the signature is over these bytes. */
  rawBody: Buffer;
  now: Date;
}

export type SignatureVerdict = { ok: true } | { ok: false; problem: string };

export function verifySlackRequest({ signingSecret, timestamp, signature, rawBody, now }: SlackSignedRequest): SignatureVerdict {
  if (!timestamp || !/^\d{1,12}$/.test(timestamp)) return { ok: false, problem: 'X-Slack-Request-Timestamp is missing or not a Unix time' };
  if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > SLACK_REPLAY_WINDOW_SECONDS) {
    return { ok: false, problem: 'X-Slack-Request-Timestamp is more than five minutes away from now (a replay?)' };
  }
  if (!signature) return { ok: false, problem: 'X-Slack-Signature is missing' };
  const expected = slackSignature(signingSecret, timestamp, rawBody);
  return sameSignature(signature, expected) ? { ok: true } : { ok: false, problem: 'X-Slack-Signature does not match the request' };
}

/** The `v0=…` signature Slack sends for this body and timestamp (also what tests sign with). */
export function slackSignature(signingSecret: string, timestamp: string, rawBody: Buffer | string): string {
  const hmac = createHmac('sha256', signingSecret);
  hmac.update(`v0:${timestamp}:`, 'utf8');
  hmac.update(rawBody);
  return `v0=${hmac.digest('hex')}`;
}
