import { createHmac } from 'node:crypto';
import { isTeamsSecurityToken, teamsSignature, verifyTeamsRequest } from './teams-signature';

const TOKEN = Buffer.from('a teams security token of 32 b!!').toString('base64');
const BODY = Buffer.from('{"type":"message","text":"<at>Solmu</at> discussed <at>Aino</at>"}');

describe('Teams outgoing-webhook signatures', () => {
  it('given the HMAC Microsoft describes (key = the decoded token), when verified, then it passes', () => {
    const hmac = createHmac('sha256', Buffer.from(TOKEN, 'base64')).update(BODY).digest('base64');
    expect(teamsSignature(TOKEN, BODY)).toBe(hmac);
    expect(verifyTeamsRequest({ securityToken: TOKEN, authorization: `HMAC ${hmac}`, rawBody: BODY })).toEqual({ ok: true });
  });

  it.each([
    ['no Authorization', undefined],
    ['a bearer token', `Bearer ${teamsSignature(TOKEN, BODY)}`],
    ['a signature of another body', `HMAC ${teamsSignature(TOKEN, Buffer.from('{}'))}`],
    ['a signature with the token used as text, not decoded', `HMAC ${createHmac('sha256', TOKEN).update(BODY).digest('base64')}`],
    ['garbage', 'HMAC not base64!'],
  ])('given %s, when verified, then it is refused', (_case, authorization) => {
    expect(verifyTeamsRequest({ securityToken: TOKEN, authorization, rawBody: BODY }).ok).toBe(false);
  });

  it('accepts only base64 tokens of at least 16 bytes', () => {
    expect(isTeamsSecurityToken(TOKEN)).toBe(true);
    expect(isTeamsSecurityToken('c2hvcnQ=')).toBe(false);
    expect(isTeamsSecurityToken('not base64 at all, sorry')).toBe(false);
  });
});
