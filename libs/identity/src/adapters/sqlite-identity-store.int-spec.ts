import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashToken } from '../secrets';
import { anAccount, describeIdentityStoreContract } from '../testing/identity-store.contract';
import { identityFixture } from '../testing/identity-fixture';
import { LATEST_IDENTITY_SCHEMA_VERSION } from './sqlite-identity-migrations';
import { SqliteIdentityStore } from './sqlite-identity-store';

describeIdentityStoreContract('SQLite file', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'solmu-identity-'));
  return {
    store: new SqliteIdentityStore({ path: join(dir, 'identity.db') }),
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
});

describeIdentityStoreContract('SQLite :memory:', async () => ({ store: new SqliteIdentityStore({ path: ':memory:' }) }));

describe('SqliteIdentityStore on disk', () => {
  let dir: string;
  let path: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'solmu-identity-'));
    path = join(dir, 'identity.db');
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** Every byte SQLite keeps for this database: the file, its WAL and shared-memory index. */
  const storedBytes = () =>
    Buffer.concat([path, `${path}-wal`, `${path}-shm`, `${path}-journal`].filter(existsSync).map((file) => readFileSync(file)));
  const stored = (text: string) => storedBytes().includes(Buffer.from(text, 'utf8'));

  it('leaves no byte of a deleted account’s email, name or provider subject in the file or the WAL', async () => {
    const store = new SqliteIdentityStore({ path });
    const marker = randomUUID().slice(0, 8);
    const email = `erase.me.${marker}@example.test`;
    const name = `Erasable Person ${marker}`;
    const subject = `oidc-subject-${marker}`;
    const neighbours = Array.from({ length: 20 }, (_, i) => anAccount({ email: `neighbour${i}.${marker}@example.test` }));
    for (const n of neighbours.slice(0, 10)) await store.createAccount(n);
    const doomed = anAccount({ email, displayName: name });
    await store.createAccount(doomed);
    for (const n of neighbours.slice(10)) await store.createAccount(n);
    await store.createOidcLink({ issuer: 'https://idp.example', subject, accountId: doomed.id, createdAt: new Date() });
    await store.createSession({ idHash: hashToken('s'), accountId: doomed.id, csrfSecret: 'x', createdAt: new Date(), lastSeenAt: new Date(), expiresAt: new Date(Date.now() + 1000) });
    await store.updateAccount(doomed.id, { displayName: `${name} (renamed)` });
    expect(stored(email)).toBe(true); // the scan does see what is there

    await store.deleteAccount(doomed.id);

    expect(stored(email)).toBe(false);
    expect(stored(name)).toBe(false);
    expect(stored(subject)).toBe(false);
    expect(stored(neighbours[0].email)).toBe(true);
    await store.close();
    expect(stored(email)).toBe(false);
    expect(stored(name)).toBe(false);
    expect(stored(subject)).toBe(false);

    const reopened = new SqliteIdentityStore({ path });
    expect(await reopened.countAccounts()).toEqual({ accounts: 20, admins: 0 });
    await reopened.close();
  });

  it('stores only the hash of every credential it hands out', async () => {
    const { store, accounts, sessions, bearerTokens, apiTokens, invitations, firstRun } = identityFixture({ store: new SqliteIdentityStore({ path }) });
    const account = await accounts.register({ email: 'coordinator@example.test', password: 'a long enough passphrase', displayName: 'Coordinator' });
    const secrets = [
      (await sessions.start(account.id)).sessionId,
      (await bearerTokens.issueFor(account.id)).token,
      (await apiTokens.create({ networkId: 'n1', name: 'Slack', scopes: ['network:read'], createdBy: account.id })).token,
      (await invitations.create({ networkId: 'n1', memberId: 'm1', createdBy: account.id })).token,
    ];
    const setup = await firstRun.ensure();
    if (setup.kind === 'setup_required') secrets.push(setup.setupToken);
    expect(secrets).toHaveLength(5);

    for (const secret of secrets) {
      expect(stored(secret)).toBe(false);
      expect(stored(hashToken(secret))).toBe(true);
    }
    expect(stored('a long enough passphrase')).toBe(false);
    await store.close();
  });

  it('keeps its data across reopening and records the schema version', async () => {
    const store = new SqliteIdentityStore({ path });
    const account = anAccount();
    await store.createAccount(account);
    await store.close();

    const db = new Database(path, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_IDENTITY_SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();

    const reopened = new SqliteIdentityStore({ path });
    expect(await reopened.getAccount(account.id)).toEqual(account);
    await reopened.close();
  });

  it('creates its files readable by their owner only', async () => {
    const store = new SqliteIdentityStore({ path });
    await store.createAccount(anAccount());
    for (const file of [path, `${path}-wal`]) expect(statSync(file).mode & 0o777).toBe(0o600);
    await store.close();
  });

  it('refuses a file written by a newer Solmu', async () => {
    const db = new Database(path);
    db.pragma(`user_version = ${LATEST_IDENTITY_SCHEMA_VERSION + 1}`);
    db.close();
    expect(() => new SqliteIdentityStore({ path })).toThrow(/newer than this Solmu understands/);
  });
});
