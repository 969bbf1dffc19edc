import { NotFound, StateConflict, ValidationFailed } from '@solmu/kernel';
import { AuthenticationFailed } from './identity.errors';
import { PasswordHasher } from './password-hasher';
import { identityFixture } from './testing/identity-fixture';

const PASSWORD = 'kolmetoista merkkiä';

describe('Accounts', () => {
  it('registers an account with a normalised email and keeps only a scrypt hash of the password', async () => {
    const { accounts, store } = identityFixture();
    const account = await accounts.register({ email: '  Pauliina@Example.TEST ', password: PASSWORD, displayName: ' Pauliina ' });

    expect(account).toEqual({
      id: expect.any(String),
      email: 'pauliina@example.test',
      displayName: 'Pauliina',
      admin: false,
      hasPassword: true,
      createdAt: new Date('2025-03-01T10:00:00.000Z'),
    });
    expect(account).not.toHaveProperty('passwordHash');
    const record = await store.getAccount(account.id);
    expect(record?.passwordHash).toMatch(/^\$scrypt\$ln=10,r=8,p=1\$/);
    expect(JSON.stringify(store.dump())).not.toContain(PASSWORD);
  });

  it.each([
    ['a password shorter than 10 characters', { password: 'lyhyt1234' }, 'password'],
    ['the email as password', { email: 'long.address@example.test', password: ' LONG.address@example.test' }, 'password'],
    ['an email that is not one', { email: 'not-an-email' }, 'email'],
    ['an empty display name', { displayName: '   ' }, 'displayName'],
  ])('refuses %s, naming the field', async (_, change, field) => {
    const { accounts } = identityFixture();
    const error = await accounts.register({ email: 'someone@example.test', password: PASSWORD, displayName: 'Someone', ...change }).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationFailed);
    expect((error as ValidationFailed).problems[0].field).toBe(field);
  });

  it('refuses a second account with the same email, whatever its case', async () => {
    const { accounts } = identityFixture();
    await accounts.register({ email: 'same@example.test', password: PASSWORD, displayName: 'First' });
    const error = await accounts.register({ email: 'SAME@example.test', password: PASSWORD, displayName: 'Second' }).catch((e) => e);
    expect(error).toBeInstanceOf(StateConflict);
    expect(error.code).toBe('email_taken');
  });

  describe('authenticate', () => {
    it('signs in with the right password, whatever the email’s case and spacing', async () => {
      const { accounts } = identityFixture();
      const registered = await accounts.register({ email: 'pauliina@example.test', password: PASSWORD, displayName: 'Pauliina' });
      expect(await accounts.authenticate(' PAULIINA@example.test', PASSWORD)).toEqual(registered);
    });

    it('refuses a wrong password and an unknown email with the same error', async () => {
      const { accounts } = identityFixture();
      await accounts.register({ email: 'pauliina@example.test', password: PASSWORD, displayName: 'Pauliina' });

      const wrong = await accounts.authenticate('pauliina@example.test', `${PASSWORD}!`).catch((e) => e);
      const unknown = await accounts.authenticate('nobody@example.test', PASSWORD).catch((e) => e);
      const garbage = await accounts.authenticate(undefined, 42).catch((e) => e);

      for (const error of [wrong, unknown, garbage]) {
        expect(error).toBeInstanceOf(AuthenticationFailed);
        expect(error.code).toBe('invalid_credentials');
        expect(error.message).toBe(wrong.message);
      }
    });

    it('refuses password sign-in to an account that has no password (OIDC only)', async () => {
      const { accounts } = identityFixture();
      await accounts.register({ email: 'oidc@example.test', displayName: 'Only OIDC' });
      await expect(accounts.authenticate('oidc@example.test', '')).rejects.toBeInstanceOf(AuthenticationFailed);
    });

    it('re-hashes a password made with weaker parameters at sign-in', async () => {
      const { accounts, store } = identityFixture();
      const account = await accounts.register({ email: 'old@example.test', displayName: 'Old' });
      await store.updateAccount(account.id, { passwordHash: await new PasswordHasher({ logN: 8 }).hash(PASSWORD) });

      await accounts.authenticate('old@example.test', PASSWORD);

      expect((await store.getAccount(account.id))?.passwordHash).toMatch(/^\$scrypt\$ln=10,/);
      expect(await accounts.authenticate('old@example.test', PASSWORD)).toMatchObject({ id: account.id });
    });
  });

  describe('administrators', () => {
    it('grants and withdraws administration, but never from the last administrator', async () => {
      const { accounts } = identityFixture();
      const first = await accounts.register({ email: 'first@example.test', password: PASSWORD, displayName: 'First', admin: true });
      const second = await accounts.register({ email: 'second@example.test', password: PASSWORD, displayName: 'Second' });

      await expect(accounts.setAdmin(first.id, false)).rejects.toMatchObject({ code: 'last_admin' });
      expect(await accounts.setAdmin(second.id, true)).toMatchObject({ admin: true });
      expect(await accounts.setAdmin(first.id, false)).toMatchObject({ admin: false });
      await expect(accounts.deleteAccount(second.id)).rejects.toMatchObject({ code: 'last_admin' });
    });
  });

  describe('changePassword', () => {
    it('needs the current password, then ends every other session and every bearer token', async () => {
      const { accounts, sessions, bearerTokens } = identityFixture();
      const account = await accounts.register({ email: 'p@example.test', password: PASSWORD, displayName: 'P' });
      const current = await sessions.start(account.id);
      const other = await sessions.start(account.id);
      const cli = await bearerTokens.issueFor(account.id);

      await expect(accounts.changePassword(account.id, { currentPassword: 'wrong password', newPassword: 'uusi pitkä salasana' })).rejects.toMatchObject({
        code: 'wrong_password',
      });
      await accounts.changePassword(account.id, { currentPassword: PASSWORD, newPassword: 'uusi pitkä salasana', keepSessionId: current.sessionId });

      expect(await sessions.resume(current.sessionId)).toBeDefined();
      expect(await sessions.resume(other.sessionId)).toBeUndefined();
      expect(await bearerTokens.verify(cli.token)).toBeUndefined();
      await expect(accounts.authenticate('p@example.test', PASSWORD)).rejects.toBeInstanceOf(AuthenticationFailed);
      expect(await accounts.authenticate('p@example.test', 'uusi pitkä salasana')).toMatchObject({ id: account.id });
    });

    it('lets an OIDC-only account add a password without a current one', async () => {
      const { accounts } = identityFixture();
      const account = await accounts.register({ email: 'o@example.test', displayName: 'O' });
      await accounts.changePassword(account.id, { newPassword: 'ensimmäinen salasana' });
      expect(await accounts.authenticate('o@example.test', 'ensimmäinen salasana')).toMatchObject({ id: account.id, hasPassword: true });
    });
  });

  describe('deleteAccount', () => {
    it('removes the account with its sessions, bearer tokens and OIDC links', async () => {
      const { accounts, sessions, bearerTokens, store } = identityFixture();
      const account = await accounts.register({ email: 'leaving@example.test', password: PASSWORD, displayName: 'Leaving' });
      const session = await sessions.start(account.id);
      const token = await bearerTokens.issueFor(account.id);
      await store.createOidcLink({ issuer: 'https://idp.example', subject: 'sub', accountId: account.id, createdAt: new Date() });

      await accounts.deleteAccount(account.id);

      expect(await accounts.get(account.id)).toBeUndefined();
      expect(await accounts.findByEmail('leaving@example.test')).toBeUndefined();
      expect(await sessions.resume(session.sessionId)).toBeUndefined();
      expect(await bearerTokens.verify(token.token)).toBeUndefined();
      expect(await store.findOidcLink('https://idp.example', 'sub')).toBeUndefined();
      expect(JSON.stringify(store.dump())).not.toContain('leaving@example.test');
      await expect(accounts.deleteAccount(account.id)).rejects.toBeInstanceOf(NotFound);
    });
  });

  it('renames an account and lists accounts oldest first', async () => {
    const { accounts, clock } = identityFixture();
    const a = await accounts.register({ email: 'a@example.test', password: PASSWORD, displayName: 'A' });
    clock.advance(1000);
    const b = await accounts.register({ email: 'b@example.test', password: PASSWORD, displayName: 'B' });
    expect(await accounts.rename(a.id, ' Aino ')).toMatchObject({ displayName: 'Aino' });
    expect((await accounts.list()).map((x) => x.id)).toEqual([a.id, b.id]);
    await expect(accounts.rename('no-such-account', 'X')).rejects.toBeInstanceOf(NotFound);
  });
});
