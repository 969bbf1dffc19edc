import { slackSignature, verifySlackRequest } from './slack-signature';

const SECRET = '8f742231b10e8888abcd99yyyzzz85a5';
const NOW = new Date('2025-06-01T12:00:00.000Z');
const TS = String(NOW.getTime() / 1000);
const BODY = Buffer.from('token=x&team_id=T1&user_id=U1&command=%2Fsolmu&text=discussed+%3C%40U2%7Caino%3E');
const signed = (overrides: Partial<Parameters<typeof verifySlackRequest>[0]> = {}) =>
  verifySlackRequest({ signingSecret: SECRET, timestamp: TS, signature: slackSignature(SECRET, TS, BODY), rawBody: BODY, now: NOW, ...overrides });

describe('Slack request signatures (v0)', () => {
  it('given a request signed with the secret, when verified, then it passes', () => {
    expect(signed()).toEqual({ ok: true });
  });

  it('matches Slack\'s documented example', () => {
    // From https://api.slack.com/authentication/verifying-requests-from-slack
    const body = 'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';
    expect(slackSignature('8f742231b10e8888abcd99yyyzzz85a5', '1531420618', body)).toBe('v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503');
  });

  it.each([
    ['a changed body', { rawBody: Buffer.from(`${BODY.toString()}&x=1`) }, /does not match/],
    ['another secret', { signingSecret: 'another-secret-entirely-0000000' }, /does not match/],
    ['no signature', { signature: undefined }, /missing/],
    ['a truncated signature', { signature: slackSignature(SECRET, TS, BODY).slice(0, 20) }, /does not match/],
    ['no timestamp', { timestamp: undefined }, /Timestamp/],
    ['a timestamp six minutes old', { timestamp: String(NOW.getTime() / 1000 - 360) }, /five minutes/],
    ['a timestamp six minutes ahead', { timestamp: String(NOW.getTime() / 1000 + 360) }, /five minutes/],
  ])('given %s, when verified, then it is refused', (_case, overrides, problem) => {
    const verdict = signed(overrides as never);
    expect(verdict.ok).toBe(false);
    expect(!verdict.ok && verdict.problem).toMatch(problem);
  });

  it('refuses an old request even with a valid signature for its timestamp (a replay)', () => {
    const old = String(NOW.getTime() / 1000 - 301);
    expect(verifySlackRequest({ signingSecret: SECRET, timestamp: old, signature: slackSignature(SECRET, old, BODY), rawBody: BODY, now: NOW }).ok).toBe(false);
  });
});
