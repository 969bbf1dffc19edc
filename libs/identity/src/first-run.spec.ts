import { StateConflict, ValidationFailed } from '@solmu/kernel';
import { setupLink } from './first-run';
import { hashToken } from './secrets';
import { identityFixture } from './testing/identity-fixture';

const ADMIN = { email: 'admin@example.test', password: 'ylläpitäjän salasana', displayName: 'Admin' };

describe('FirstRun', () => {
  it('creates the administrator from SOLMU_ADMIN_EMAIL/PASSWORD when there is no account', async () => {
    const { firstRun, accounts } = identityFixture();
    const outcome = await firstRun.ensure({ adminEmail: 'Admin@Example.test', adminPassword: ADMIN.password });

    expect(outcome).toEqual({ kind: 'admin_created', account: expect.objectContaining({ email: 'admin@example.test', admin: true, displayName: 'Administrator' }) });
    expect(await accounts.authenticate('admin@example.test', ADMIN.password)).toMatchObject({ admin: true });
    expect(await firstRun.ensure({ adminEmail: 'Admin@Example.test', adminPassword: ADMIN.password })).toEqual({ kind: 'ready' });
  });

  it('lets instances started together on one empty store agree on one administrator', async () => {
    const { firstRun, store } = identityFixture();
    const settings = { adminEmail: ADMIN.email, adminPassword: ADMIN.password };
    // Both count no account before either registers: the second registration meets the first's.
    const outcomes = await Promise.all([firstRun.ensure(settings), firstRun.ensure(settings)]);

    expect(outcomes.map((o) => o.kind).sort()).toEqual(['admin_created', 'ready']);
    expect(await store.countAccounts()).toMatchObject({ accounts: 1, admins: 1 });
  });

  it('refuses half of the admin settings', async () => {
    const { firstRun } = identityFixture();
    await expect(firstRun.ensure({ adminEmail: 'admin@example.test' })).rejects.toMatchObject({ code: 'admin_settings_incomplete' });
  });

  it('otherwise issues a one-time set-up token, stored hashed, which creates the administrator once', async () => {
    const { firstRun, store, accounts } = identityFixture();
    const outcome = await firstRun.ensure();
    if (outcome.kind !== 'setup_required') throw new Error(`expected a set-up token, got ${outcome.kind}`);
    const { setupToken } = outcome;
    expect(setupToken).toMatch(/^solmu_setup_[A-Za-z0-9_-]{43}$/);
    expect(JSON.stringify(store.dump())).not.toContain(setupToken);
    expect(JSON.stringify(store.dump())).toContain(hashToken(setupToken));
    expect(await firstRun.needsSetup()).toBe(true);

    const admin = await firstRun.setUp(setupToken, ADMIN);

    expect(admin).toMatchObject({ email: 'admin@example.test', admin: true });
    expect(await accounts.authenticate(ADMIN.email, ADMIN.password)).toMatchObject({ id: admin.id });
    expect(await firstRun.needsSetup()).toBe(false);
    expect(await firstRun.isValidSetupToken(setupToken)).toBe(false);
    await expect(firstRun.setUp(setupToken, { ...ADMIN, email: 'second@example.test' })).rejects.toMatchObject({ code: 'setup_token_invalid' });
    expect(await firstRun.ensure()).toEqual({ kind: 'ready' });
  });

  it('does not spend the token on a form with a mistake in it', async () => {
    const { firstRun } = identityFixture();
    const outcome = await firstRun.ensure();
    if (outcome.kind !== 'setup_required') throw new Error('expected a set-up token');
    await expect(firstRun.setUp(outcome.setupToken, { ...ADMIN, password: 'short' })).rejects.toBeInstanceOf(ValidationFailed);
    expect(await firstRun.isValidSetupToken(outcome.setupToken)).toBe(true);
    expect(await firstRun.setUp(outcome.setupToken, ADMIN)).toMatchObject({ admin: true });
  });

  it('replaces the token at every start, so only the latest link works', async () => {
    const { firstRun } = identityFixture();
    const first = await firstRun.ensure();
    const second = await firstRun.ensure();
    if (first.kind !== 'setup_required' || second.kind !== 'setup_required') throw new Error('expected set-up tokens');
    expect(await firstRun.isValidSetupToken(first.setupToken)).toBe(false);
    await expect(firstRun.setUp(first.setupToken, ADMIN)).rejects.toMatchObject({ code: 'setup_token_invalid' });
    expect(await firstRun.setUp(second.setupToken, ADMIN)).toMatchObject({ admin: true });
  });

  it('uses the set-up token, not the settings, when accounts exist but no administrator', async () => {
    const { firstRun, accounts } = identityFixture();
    await accounts.register({ email: 'member@example.test', password: 'jäsenen salasana', displayName: 'Member' });
    const outcome = await firstRun.ensure({ adminEmail: ADMIN.email, adminPassword: ADMIN.password });
    expect(outcome.kind).toBe('setup_required');
    expect(await accounts.findByEmail(ADMIN.email)).toBeUndefined();
  });

  it('refuses an email that already has an account, keeping the token', async () => {
    const { firstRun, accounts } = identityFixture();
    await accounts.register({ email: 'member@example.test', password: 'jäsenen salasana', displayName: 'Member' });
    const outcome = await firstRun.ensure();
    if (outcome.kind !== 'setup_required') throw new Error('expected a set-up token');
    await expect(firstRun.setUp(outcome.setupToken, { ...ADMIN, email: 'member@example.test' })).rejects.toMatchObject({ code: 'email_taken' });
    expect(await firstRun.isValidSetupToken(outcome.setupToken)).toBe(true);
  });

  it('refuses set-up once an administrator exists', async () => {
    const { firstRun, store, accounts } = identityFixture();
    const outcome = await firstRun.ensure();
    if (outcome.kind !== 'setup_required') throw new Error('expected a set-up token');
    await accounts.register({ email: 'other@example.test', password: 'toisen salasana', displayName: 'Other', admin: true });
    await expect(firstRun.setUp(outcome.setupToken, ADMIN)).rejects.toBeInstanceOf(StateConflict);
    expect(store.dump().accounts).toHaveLength(1);
  });

  it('builds the set-up link from the public URL', () => {
    expect(setupLink('http://localhost:3000', 'solmu_setup_abc')).toBe('http://localhost:3000/setup?token=solmu_setup_abc');
    expect(setupLink('https://solmu.example.org/app/', 'solmu_setup_abc')).toBe('https://solmu.example.org/app/setup?token=solmu_setup_abc');
  });
});
