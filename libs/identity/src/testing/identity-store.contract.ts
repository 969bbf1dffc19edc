import { randomUUID } from 'node:crypto';
import type {
  AccountRecord,
  ApiTokenRecord,
  IdentityStore,
  InvitationRecord,
  OidcLoginRecord,
  SessionRecord,
} from '../identity-store.port';

/**
 * The contract every IdentityStore adapter honours (graphology's `specs(Graph, impl)` idea),
 * run against the in-memory and the SQLite store. Each test starts from an empty store.
 */
export interface IdentityStoreSubject {
  store: IdentityStore;
  cleanup?: () => Promise<void>;
}

const at = (iso: string) => new Date(iso);
const T0 = at('2025-03-01T10:00:00.000Z');
const later = (ms: number) => new Date(T0.getTime() + ms);

export const anAccount = (overrides: Partial<AccountRecord> = {}): AccountRecord => ({
  id: randomUUID(),
  email: `person-${randomUUID().slice(0, 8)}@example.test`,
  displayName: 'A Person',
  admin: false,
  passwordHash: '$scrypt$ln=15,r=8,p=1$c2FsdA$a2V5',
  createdAt: T0,
  ...overrides,
});

const aSession = (accountId: string, overrides: Partial<SessionRecord> = {}): SessionRecord => ({
  idHash: randomUUID(),
  accountId,
  csrfSecret: 'csrf-secret',
  createdAt: T0,
  lastSeenAt: T0,
  expiresAt: later(3600_000),
  ...overrides,
});

const anApiToken = (overrides: Partial<ApiTokenRecord> = {}): ApiTokenRecord => ({
  id: randomUUID(),
  tokenHash: randomUUID(),
  networkId: 'network-1',
  name: 'Slack',
  scopes: ['network:read', 'interactions:write'],
  createdAt: T0,
  createdBy: 'coordinator-1',
  ...overrides,
});

const anInvitation = (overrides: Partial<InvitationRecord> = {}): InvitationRecord => ({
  id: randomUUID(),
  tokenHash: randomUUID(),
  networkId: 'network-1',
  memberId: 'member-1',
  email: 'invitee@example.test',
  createdBy: 'coordinator-1',
  createdAt: T0,
  expiresAt: later(14 * 24 * 3600_000),
  ...overrides,
});

const anOidcLogin = (overrides: Partial<OidcLoginRecord> = {}): OidcLoginRecord => ({
  idHash: randomUUID(),
  state: 'state',
  nonce: 'nonce',
  codeVerifier: 'verifier',
  createdAt: T0,
  expiresAt: later(600_000),
  ...overrides,
});

export function describeIdentityStoreContract(name: string, factory: () => Promise<IdentityStoreSubject>): void {
  describe(`IdentityStore contract: ${name}`, () => {
    let subject: IdentityStoreSubject;
    let store: IdentityStore;

    beforeEach(async () => {
      subject = await factory();
      store = subject.store;
    });

    afterEach(async () => {
      await store.close();
      await subject.cleanup?.();
    });

    describe('accounts', () => {
      it('stores an account and finds it by id and by email, with every field', async () => {
        const account = anAccount({ admin: true });
        expect(await store.createAccount(account)).toBe('created');
        expect(await store.getAccount(account.id)).toEqual(account);
        expect(await store.findAccountByEmail(account.email)).toEqual(account);
        expect(await store.getAccount(randomUUID())).toBeUndefined();
      });

      it('keeps an account without a password (OIDC only) without a passwordHash field', async () => {
        const { passwordHash: _, ...withoutPassword } = anAccount();
        await store.createAccount(withoutPassword);
        const read = await store.getAccount(withoutPassword.id);
        expect(read).toEqual(withoutPassword);
        expect(read && 'passwordHash' in read).toBe(false);
      });

      it('refuses a second account with the same email', async () => {
        const first = anAccount();
        await store.createAccount(first);
        expect(await store.createAccount(anAccount({ email: first.email }))).toBe('email_taken');
        expect(await store.listAccounts()).toHaveLength(1);
      });

      it('lists accounts oldest first and counts administrators', async () => {
        const b = anAccount({ createdAt: later(2) });
        const a = anAccount({ createdAt: later(1), admin: true });
        await store.createAccount(b);
        await store.createAccount(a);
        expect((await store.listAccounts()).map((x) => x.id)).toEqual([a.id, b.id]);
        expect(await store.countAccounts()).toEqual({ accounts: 2, admins: 1 });
      });

      it('counts zero of each in an empty store', async () => {
        expect(await store.countAccounts()).toEqual({ accounts: 0, admins: 0 });
      });

      it('updates display name, admin flag and password hash, and can remove the password', async () => {
        const account = anAccount();
        await store.createAccount(account);
        expect(await store.updateAccount(account.id, { displayName: 'New Name', admin: true, passwordHash: 'new-hash' })).toBe(true);
        expect(await store.getAccount(account.id)).toEqual({ ...account, displayName: 'New Name', admin: true, passwordHash: 'new-hash' });
        await store.updateAccount(account.id, { passwordHash: null });
        expect((await store.getAccount(account.id))?.passwordHash).toBeUndefined();
        expect(await store.updateAccount(randomUUID(), { displayName: 'x' })).toBe(false);
      });

      it('deletes an account with its links, sessions, bearer tokens and pending OIDC links, and nothing else', async () => {
        const gone = anAccount();
        const stays = anAccount();
        await store.createAccount(gone);
        await store.createAccount(stays);
        await store.createOidcLink({ issuer: 'https://idp', subject: 'g', accountId: gone.id, createdAt: T0 });
        await store.createOidcLink({ issuer: 'https://idp', subject: 's', accountId: stays.id, createdAt: T0 });
        const goneSession = aSession(gone.id);
        const staysSession = aSession(stays.id);
        await store.createSession(goneSession);
        await store.createSession(staysSession);
        await store.createBearerToken({ tokenHash: 'bt-gone', accountId: gone.id, createdAt: T0, expiresAt: later(1000) });
        await store.createBearerToken({ tokenHash: 'bt-stays', accountId: stays.id, createdAt: T0, expiresAt: later(1000) });
        const linking = anOidcLogin({ linkAccountId: gone.id });
        await store.createOidcLogin(linking);
        const apiToken = anApiToken({ createdBy: gone.id });
        await store.createApiToken(apiToken);

        expect(await store.deleteAccount(gone.id)).toBe(true);

        expect(await store.getAccount(gone.id)).toBeUndefined();
        expect(await store.findAccountByEmail(gone.email)).toBeUndefined();
        expect(await store.findOidcLink('https://idp', 'g')).toBeUndefined();
        expect(await store.getSession(goneSession.idHash)).toBeUndefined();
        expect(await store.getBearerToken('bt-gone')).toBeUndefined();
        expect(await store.consumeOidcLogin(linking.idHash)).toBeUndefined();
        expect(await store.getAccount(stays.id)).toEqual(stays);
        expect(await store.findOidcLink('https://idp', 's')).toBeDefined();
        expect(await store.getSession(staysSession.idHash)).toBeDefined();
        expect(await store.getBearerToken('bt-stays')).toBeDefined();
        expect(await store.findApiTokenByHash(apiToken.tokenHash)).toEqual(apiToken);
        expect(await store.deleteAccount(gone.id)).toBe(false);
      });

      it('frees the email of a deleted account for a new one', async () => {
        const account = anAccount();
        await store.createAccount(account);
        await store.deleteAccount(account.id);
        expect(await store.createAccount(anAccount({ email: account.email }))).toBe('created');
      });
    });

    describe('OIDC links and pending sign-ins', () => {
      it('links (issuer, subject) to one account only', async () => {
        const a = anAccount();
        const b = anAccount();
        await store.createAccount(a);
        await store.createAccount(b);
        const link = { issuer: 'https://idp.example', subject: 'sub-1', accountId: a.id, createdAt: T0 };
        expect(await store.createOidcLink(link)).toBe('created');
        expect(await store.createOidcLink({ ...link, accountId: b.id })).toBe('exists');
        expect(await store.findOidcLink('https://idp.example', 'sub-1')).toEqual(link);
        expect(await store.findOidcLink('https://other.example', 'sub-1')).toBeUndefined();
        expect(await store.listOidcLinks(a.id)).toEqual([link]);
        expect(await store.listOidcLinks(b.id)).toEqual([]);
      });

      it('hands a pending sign-in out once, with every field', async () => {
        const account = anAccount();
        await store.createAccount(account);
        const login = anOidcLogin({ returnTo: '/networks/1', linkAccountId: account.id });
        const plain = anOidcLogin();
        await store.createOidcLogin(login);
        await store.createOidcLogin(plain);
        expect(await store.consumeOidcLogin(login.idHash)).toEqual(login);
        expect(await store.consumeOidcLogin(login.idHash)).toBeUndefined();
        expect(await store.consumeOidcLogin(plain.idHash)).toEqual(plain);
      });
    });

    describe('sessions', () => {
      it('stores, slides and ends sessions', async () => {
        const account = anAccount();
        await store.createAccount(account);
        const session = aSession(account.id);
        await store.createSession(session);
        expect(await store.getSession(session.idHash)).toEqual(session);
        await store.touchSession(session.idHash, later(60_000), later(7200_000));
        expect(await store.getSession(session.idHash)).toEqual({ ...session, lastSeenAt: later(60_000), expiresAt: later(7200_000) });
        await store.deleteSession(session.idHash);
        expect(await store.getSession(session.idHash)).toBeUndefined();
      });

      it('ends every session of an account except the one kept', async () => {
        const account = anAccount();
        const other = anAccount();
        await store.createAccount(account);
        await store.createAccount(other);
        const [keep, drop1, drop2, others] = [aSession(account.id), aSession(account.id), aSession(account.id), aSession(other.id)];
        for (const s of [keep, drop1, drop2, others]) await store.createSession(s);
        expect(await store.deleteSessionsOfAccount(account.id, keep.idHash)).toBe(2);
        expect(await store.getSession(keep.idHash)).toBeDefined();
        expect(await store.getSession(drop1.idHash)).toBeUndefined();
        expect(await store.getSession(others.idHash)).toBeDefined();
        expect(await store.deleteSessionsOfAccount(account.id)).toBe(1);
      });
    });

    describe('bearer tokens', () => {
      it('stores, finds and deletes bearer tokens, singly and per account', async () => {
        const account = anAccount();
        await store.createAccount(account);
        const token = { tokenHash: 'h1', accountId: account.id, createdAt: T0, expiresAt: later(3600_000) };
        await store.createBearerToken(token);
        await store.createBearerToken({ ...token, tokenHash: 'h2' });
        expect(await store.getBearerToken('h1')).toEqual(token);
        await store.deleteBearerToken('h1');
        expect(await store.getBearerToken('h1')).toBeUndefined();
        expect(await store.deleteBearerTokensOfAccount(account.id)).toBe(1);
        expect(await store.getBearerToken('h2')).toBeUndefined();
      });
    });

    describe('API tokens', () => {
      it('stores a token with every field and finds it by hash', async () => {
        const token = anApiToken({ expiresAt: later(86_400_000), lastUsedAt: later(5) });
        await store.createApiToken(token);
        expect(await store.findApiTokenByHash(token.tokenHash)).toEqual(token);
        expect(await store.findApiTokenByHash('nope')).toBeUndefined();
      });

      it('lists a network’s tokens oldest first, and only that network’s', async () => {
        const second = anApiToken({ createdAt: later(2) });
        const first = anApiToken({ createdAt: later(1) });
        await store.createApiToken(second);
        await store.createApiToken(first);
        await store.createApiToken(anApiToken({ networkId: 'network-2' }));
        expect((await store.listApiTokens('network-1')).map((t) => t.id)).toEqual([first.id, second.id]);
      });

      it('records the last use', async () => {
        const token = anApiToken();
        await store.createApiToken(token);
        await store.touchApiToken(token.id, later(1234));
        expect((await store.findApiTokenByHash(token.tokenHash))?.lastUsedAt).toEqual(later(1234));
      });

      it('deletes a token only through its own network', async () => {
        const token = anApiToken();
        await store.createApiToken(token);
        expect(await store.deleteApiToken('network-2', token.id)).toBe(false);
        expect(await store.deleteApiToken('network-1', token.id)).toBe(true);
        expect(await store.findApiTokenByHash(token.tokenHash)).toBeUndefined();
        expect(await store.deleteApiToken('network-1', token.id)).toBe(false);
      });
    });

    describe('invitations', () => {
      it('stores an invitation with every field and hands it out once', async () => {
        const invitation = anInvitation();
        await store.createInvitation(invitation);
        expect(await store.findInvitation(invitation.tokenHash)).toEqual(invitation);
        expect(await store.consumeInvitation(invitation.tokenHash)).toEqual(invitation);
        expect(await store.consumeInvitation(invitation.tokenHash)).toBeUndefined();
        expect(await store.findInvitation(invitation.tokenHash)).toBeUndefined();
      });

      it('keeps an invitation without an email without an email field', async () => {
        const { email: _, ...noEmail } = anInvitation();
        await store.createInvitation(noEmail);
        const read = await store.findInvitation(noEmail.tokenHash);
        expect(read).toEqual(noEmail);
        expect(read && 'email' in read).toBe(false);
      });

      it('lists, withdraws one, and withdraws all of a member', async () => {
        const a = anInvitation({ memberId: 'm1', createdAt: later(1) });
        const b = anInvitation({ memberId: 'm1', createdAt: later(2) });
        const c = anInvitation({ memberId: 'm2', createdAt: later(3) });
        const elsewhere = anInvitation({ networkId: 'network-2', memberId: 'm1' });
        for (const i of [c, b, a, elsewhere]) await store.createInvitation(i);
        expect((await store.listInvitations('network-1')).map((i) => i.id)).toEqual([a.id, b.id, c.id]);
        expect(await store.deleteInvitation('network-2', c.id)).toBe(false);
        expect(await store.deleteInvitation('network-1', c.id)).toBe(true);
        expect(await store.deleteInvitationsOfMember('network-1', 'm1')).toBe(2);
        expect(await store.listInvitations('network-1')).toEqual([]);
        expect(await store.listInvitations('network-2')).toHaveLength(1);
      });
    });

    describe('set-up token', () => {
      it('keeps one token at a time and hands it out once', async () => {
        await store.replaceSetupToken({ tokenHash: 'first', createdAt: T0 });
        await store.replaceSetupToken({ tokenHash: 'second', createdAt: later(1) });
        expect(await store.findSetupToken('first')).toBeUndefined();
        expect(await store.findSetupToken('second')).toEqual({ tokenHash: 'second', createdAt: later(1) });
        expect(await store.consumeSetupToken('first')).toBeUndefined();
        expect(await store.consumeSetupToken('second')).toEqual({ tokenHash: 'second', createdAt: later(1) });
        expect(await store.consumeSetupToken('second')).toBeUndefined();
      });

      it('removes the token', async () => {
        await store.replaceSetupToken({ tokenHash: 'first', createdAt: T0 });
        await store.replaceSetupToken(undefined);
        expect(await store.findSetupToken('first')).toBeUndefined();
      });
    });

    describe('purging', () => {
      it('removes expired sessions, bearer tokens, invitations and pending sign-ins, and keeps API tokens', async () => {
        const account = anAccount();
        await store.createAccount(account);
        const now = later(10_000);
        const expiredSession = aSession(account.id, { expiresAt: now });
        const liveSession = aSession(account.id, { expiresAt: later(10_001) });
        await store.createSession(expiredSession);
        await store.createSession(liveSession);
        await store.createBearerToken({ tokenHash: 'old', accountId: account.id, createdAt: T0, expiresAt: later(5) });
        await store.createBearerToken({ tokenHash: 'new', accountId: account.id, createdAt: T0, expiresAt: later(20_000) });
        const oldInvitation = anInvitation({ expiresAt: later(9_999) });
        await store.createInvitation(oldInvitation);
        const oldLogin = anOidcLogin({ expiresAt: later(1) });
        await store.createOidcLogin(oldLogin);
        const expiredApiToken = anApiToken({ expiresAt: later(1) });
        await store.createApiToken(expiredApiToken);

        expect(await store.purgeExpired(now)).toBe(4);

        expect(await store.getSession(expiredSession.idHash)).toBeUndefined();
        expect(await store.getSession(liveSession.idHash)).toBeDefined();
        expect(await store.getBearerToken('old')).toBeUndefined();
        expect(await store.getBearerToken('new')).toBeDefined();
        expect(await store.findInvitation(oldInvitation.tokenHash)).toBeUndefined();
        expect(await store.consumeOidcLogin(oldLogin.idHash)).toBeUndefined();
        expect(await store.findApiTokenByHash(expiredApiToken.tokenHash)).toBeDefined();
      });
    });
  });
}
