import { hashToken } from './secrets';
import { SESSION_TOUCH_INTERVAL_MS, Sessions } from './sessions';
import { identityFixture } from './testing/identity-fixture';

const DAY = 24 * 3600_000;

async function signedIn(admin = false) {
  const fixture = identityFixture();
  const account = await fixture.accounts.register({ email: 'p@example.test', password: 'pitkä salasana', displayName: 'P', admin });
  return { ...fixture, account };
}

describe('Sessions', () => {
  it('starts a session with an opaque prefixed id, of which only the hash is stored', async () => {
    const { sessions, account, store } = await signedIn();
    const started = await sessions.start(account.id);

    expect(started.sessionId).toMatch(/^solmu_ses_[A-Za-z0-9_-]{43}$/);
    expect(started.expiresAt).toEqual(new Date('2025-03-08T10:00:00.000Z'));
    expect(started.absoluteExpiresAt).toEqual(new Date('2025-03-31T10:00:00.000Z'));
    const dump = JSON.stringify(store.dump());
    expect(dump).not.toContain(started.sessionId);
    expect(dump).toContain(hashToken(started.sessionId));
  });

  it('resumes into the account’s principal, with its admin flag read afresh', async () => {
    const { sessions, account, accounts } = await signedIn(true);
    const { sessionId } = await sessions.start(account.id);
    await accounts.register({ email: 'other-admin@example.test', password: 'pitkä salasana', displayName: 'O', admin: true });

    expect((await sessions.resume(sessionId))?.principal).toEqual({ kind: 'account', accountId: account.id, admin: true });
    await accounts.setAdmin(account.id, false);
    expect((await sessions.resume(sessionId))?.principal).toEqual({ kind: 'account', accountId: account.id, admin: false });
  });

  it('ignores missing, malformed and unknown session ids', async () => {
    const { sessions } = await signedIn();
    expect(await sessions.resume(undefined)).toBeUndefined();
    expect(await sessions.resume('')).toBeUndefined();
    expect(await sessions.resume('solmu_ses_short')).toBeUndefined();
    expect(await sessions.resume(`solmu_ses_${'A'.repeat(43)}`)).toBeUndefined();
  });

  it('expires after 7 idle days, sliding forward with use', async () => {
    const { sessions, account, clock } = await signedIn();
    const { sessionId } = await sessions.start(account.id);

    clock.advance(6 * DAY);
    expect(await sessions.resume(sessionId)).toMatchObject({ expiresAt: new Date('2025-03-14T10:00:00.000Z') });
    clock.advance(6 * DAY); // 12 days after sign-in, 6 after last use
    expect(await sessions.resume(sessionId)).toBeDefined();
    clock.advance(7 * DAY);
    expect(await sessions.resume(sessionId)).toBeUndefined();
  });

  it('ends 30 days after sign-in however active it is', async () => {
    const { sessions, account, clock } = await signedIn();
    const { sessionId } = await sessions.start(account.id);
    for (let day = 1; day < 30; day += 1) {
      clock.advance(DAY);
      expect(await sessions.resume(sessionId)).toBeDefined();
    }
    clock.advance(DAY - 1);
    expect((await sessions.resume(sessionId))?.expiresAt).toEqual(new Date('2025-03-31T10:00:00.000Z'));
    clock.advance(1);
    expect(await sessions.resume(sessionId)).toBeUndefined();
  });

  it('writes the sliding expiry at most once a minute', async () => {
    const { sessions, account, clock, store } = await signedIn();
    const { sessionId } = await sessions.start(account.id);
    const stored = () => store.getSession(hashToken(sessionId));

    clock.advance(SESSION_TOUCH_INTERVAL_MS - 1);
    await sessions.resume(sessionId);
    expect((await stored())?.lastSeenAt).toEqual(new Date('2025-03-01T10:00:00.000Z'));
    clock.advance(1);
    await sessions.resume(sessionId);
    expect((await stored())?.lastSeenAt).toEqual(new Date('2025-03-01T10:01:00.000Z'));
  });

  it('honours configured lifetimes', async () => {
    const fixture = await signedIn();
    const short = new Sessions(fixture.store, fixture.clock, { idleTimeoutMs: 3600_000, absoluteLifetimeMs: 2 * 3600_000 });
    const { sessionId } = await short.start(fixture.account.id);
    fixture.clock.advance(3600_000 - 1);
    expect(await short.resume(sessionId)).toBeDefined();
    fixture.clock.advance(3600_000);
    expect(await short.resume(sessionId)).toBeUndefined();
  });

  it('signs out one session, or all of an account', async () => {
    const { sessions, account } = await signedIn();
    const a = await sessions.start(account.id);
    const b = await sessions.start(account.id);
    const c = await sessions.start(account.id);

    await sessions.end(a.sessionId);
    expect(await sessions.resume(a.sessionId)).toBeUndefined();
    expect(await sessions.resume(b.sessionId)).toBeDefined();
    expect(await sessions.endAll(account.id, c.sessionId)).toBe(1);
    expect(await sessions.resume(b.sessionId)).toBeUndefined();
    expect(await sessions.resume(c.sessionId)).toBeDefined();
    await expect(sessions.end(undefined)).resolves.toBeUndefined();
  });

  it('refuses a session whose account was deleted', async () => {
    const { sessions, accounts, account } = await signedIn();
    const { sessionId } = await sessions.start(account.id);
    await accounts.deleteAccount(account.id);
    expect(await sessions.resume(sessionId)).toBeUndefined();
  });

  describe('CSRF tokens', () => {
    it('gives each session a stable token that matches only itself', async () => {
      const { sessions, account } = await signedIn();
      const a = await sessions.start(account.id);
      const b = await sessions.start(account.id);
      const resumedA = (await sessions.resume(a.sessionId))!;

      expect(resumedA.csrfToken).toBe(a.csrfToken);
      expect(a.csrfToken).not.toBe(b.csrfToken);
      expect(sessions.csrfTokenMatches(resumedA, a.csrfToken)).toBe(true);
      expect(sessions.csrfTokenMatches(resumedA, b.csrfToken)).toBe(false);
      expect(sessions.csrfTokenMatches(resumedA, undefined)).toBe(false);
      expect(sessions.csrfTokenMatches(resumedA, '')).toBe(false);
      expect(sessions.csrfTokenMatches(resumedA, a.sessionId)).toBe(false);
    });
  });
});
