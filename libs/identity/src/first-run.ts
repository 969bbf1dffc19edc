import { Clock, StateConflict, ValidationFailed } from '@solmu/kernel';
import { checkNewPassword, validDisplayName, validEmail } from './account-rules';
import { Account, Accounts, emailTaken } from './accounts';
import type { IdentityStore } from './identity-store.port';
import { hashToken, looksLike, newToken } from './secrets';

export interface FirstRunSettings {
  /** `SOLMU_ADMIN_EMAIL` */
  adminEmail?: string;
  /** `SOLMU_ADMIN_PASSWORD` */
  adminPassword?: string;
  /** `SOLMU_ADMIN_NAME`; default "Administrator". */
  adminName?: string;
}

export type FirstRunOutcome =
  /** An administrator exists; nothing to do. */
  | { kind: 'ready' }
  /** The store had no account; the administrator from the settings was created. */
  | { kind: 'admin_created'; account: Account }
  /** No administrator: print `setupLink(publicUrl, setupToken)` where the operator sees it. */
  | { kind: 'setup_required'; setupToken: string };

export interface SetUpAdministrator {
  email: string;
  password: string;
  displayName: string;
}

/**
 * The first administrator. At start-up, {@link ensure} either finds one, creates one from
 * `SOLMU_ADMIN_EMAIL`/`SOLMU_ADMIN_PASSWORD` (only into an empty store), or issues a one-time
 * set-up token (`solmu_setup_…`, stored hashed; a new one at every start replaces the last).
 * Whoever opens the set-up link and {@link setUp}s becomes the administrator, and the token dies.
 */
export class FirstRun {
  constructor(
    private readonly store: IdentityStore,
    private readonly accounts: Accounts,
    private readonly clock: Clock,
  ) {}

  async ensure(settings: FirstRunSettings = {}): Promise<FirstRunOutcome> {
    const { adminEmail, adminPassword } = settings;
    const given = (value: string | undefined) => value !== undefined && value !== '';
    if (given(adminEmail) !== given(adminPassword)) {
      throw ValidationFailed.field(given(adminEmail) ? 'SOLMU_ADMIN_PASSWORD' : 'SOLMU_ADMIN_EMAIL', 'must be set together with the other', 'admin_settings_incomplete');
    }
    const { accounts, admins } = await this.store.countAccounts();
    if (admins > 0) {
      await this.store.replaceSetupToken(undefined);
      return { kind: 'ready' };
    }
    if (accounts === 0 && given(adminEmail)) {
      let account: Account;
      try {
        account = await this.accounts.register({
          email: adminEmail!,
          password: adminPassword!,
          displayName: settings.adminName?.trim() || 'Administrator',
          admin: true,
        });
      } catch (error) {
        // Several instances started together on one empty store all count no account; the first
        // to register is the administrator and the others carry on with it instead of failing.
        if (error instanceof StateConflict && error.code === 'email_taken' && (await this.store.countAccounts()).admins > 0) return { kind: 'ready' };
        throw error;
      }
      await this.store.replaceSetupToken(undefined);
      return { kind: 'admin_created', account };
    }
    const setupToken = newToken('setup');
    await this.store.replaceSetupToken({ tokenHash: hashToken(setupToken), createdAt: this.clock.now() });
    return { kind: 'setup_required', setupToken };
  }

  /** True while there is no administrator (the UI shows the set-up page). */
  async needsSetup(): Promise<boolean> {
    return (await this.store.countAccounts()).admins === 0;
  }

  /** Whether a set-up link is still good (to show the form, or an "already used" page). */
  async isValidSetupToken(token: string | undefined): Promise<boolean> {
    return looksLike('setup', token) && (await this.store.findSetupToken(hashToken(token))) !== undefined;
  }

  /**
   * Creates the first administrator with the set-up token and invalidates the token. The input is
   * checked before the token is spent, so a typo in the form does not burn the link.
   */
  async setUp(token: string | undefined, input: SetUpAdministrator): Promise<Account> {
    const email = validEmail(input.email);
    validDisplayName(input.displayName);
    checkNewPassword(input.password, email);
    const invalid = () => ValidationFailed.field('token', 'is not a valid set-up link (it may have been used already)', 'setup_token_invalid');
    if (!(await this.isValidSetupToken(token))) throw invalid();
    if (!(await this.needsSetup())) throw new StateConflict('setup_already_done', 'Solmu already has an administrator.');
    if (await this.store.findAccountByEmail(email)) throw emailTaken();
    if (!(await this.store.consumeSetupToken(hashToken(token!)))) throw invalid();
    return this.accounts.register({ email, password: input.password, displayName: input.displayName, admin: true });
  }
}

/** The link to print at start-up: `<publicUrl>/setup?token=…`. */
export function setupLink(publicUrl: string, setupToken: string): string {
  const url = new URL('setup', publicUrl.endsWith('/') ? publicUrl : `${publicUrl}/`);
  url.searchParams.set('token', setupToken);
  return url.toString();
}
