import { Clock, IdGenerator, NotFound, Principal, StateConflict, ValidationFailed } from '@solmu/kernel';
import { checkNewPassword, normaliseEmail, validDisplayName, validEmail } from './account-rules';
import { AuthenticationFailed } from './identity.errors';
import type { AccountRecord, IdentityStore } from './identity-store.port';
import { PasswordHasher } from './password-hasher';
import { hashToken, randomText } from './secrets';

/** An account as the rest of Solmu sees it: never the password hash. */
export interface Account {
  id: string;
  email: string;
  displayName: string;
  admin: boolean;
  /** False for accounts that sign in only through an identity provider. */
  hasPassword: boolean;
  createdAt: Date;
}

export type AccountPrincipal = Extract<Principal, { kind: 'account' }>;

export interface RegisterAccount {
  email: string;
  displayName: string;
  /** Omitted for accounts created by an OpenID Connect sign-in. */
  password?: string;
  admin?: boolean;
}

export function toAccount(record: AccountRecord): Account {
  return {
    id: record.id,
    email: record.email,
    displayName: record.displayName,
    admin: record.admin,
    hasPassword: record.passwordHash !== undefined,
    createdAt: record.createdAt,
  };
}

export function principalOf(account: Pick<Account, 'id' | 'admin'>): AccountPrincipal {
  return { kind: 'account', accountId: account.id, admin: account.admin };
}

const WRONG_CREDENTIALS = 'The email address or the password is wrong.';

/**
 * Local accounts: sign-up, password sign-in, profile, administrators, erasure.
 *
 * Sign-in answers an unknown email and a wrong password with the same error after the same amount
 * of work (an unknown email is checked against a dummy hash), so it does not reveal who has an
 * account. A hash made with weaker parameters than today's is replaced at the next sign-in.
 */
export class Accounts {
  private dummyHash?: Promise<string>;

  constructor(
    private readonly store: IdentityStore,
    private readonly hasher: PasswordHasher,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  /**
   * Creates an account. Email normalised (trimmed, lowercased); password at least 10 characters
   * and not the email. Throws ValidationFailed naming the field, or StateConflict `email_taken`.
   */
  async register(input: RegisterAccount): Promise<Account> {
    const email = validEmail(input.email);
    const displayName = validDisplayName(input.displayName);
    const password = input.password === undefined ? undefined : checkNewPassword(input.password, email);
    const record: AccountRecord = {
      id: this.ids.next(),
      email,
      displayName,
      admin: input.admin ?? false,
      ...(password !== undefined && { passwordHash: await this.hasher.hash(password) }),
      createdAt: this.clock.now(),
    };
    if ((await this.store.createAccount(record)) === 'email_taken') throw emailTaken();
    return toAccount(record);
  }

  /** The account whose email and password these are; AuthenticationFailed otherwise. */
  async authenticate(email: unknown, password: unknown): Promise<Account> {
    const record = typeof email === 'string' && email.trim() !== '' ? await this.store.findAccountByEmail(normaliseEmail(email)) : undefined;
    const candidate = typeof password === 'string' ? password : '';
    if (!record?.passwordHash) {
      await this.hasher.verify(candidate, await this.dummy());
      throw new AuthenticationFailed('invalid_credentials', WRONG_CREDENTIALS);
    }
    if (!(await this.hasher.verify(candidate, record.passwordHash))) throw new AuthenticationFailed('invalid_credentials', WRONG_CREDENTIALS);
    if (this.hasher.needsRehash(record.passwordHash)) {
      await this.store.updateAccount(record.id, { passwordHash: await this.hasher.hash(candidate) });
    }
    return toAccount(record);
  }

  async get(id: string): Promise<Account | undefined> {
    const record = await this.store.getAccount(id);
    return record && toAccount(record);
  }

  /** NotFound when there is no such account. */
  async require(id: string): Promise<Account> {
    const account = await this.get(id);
    if (!account) throw new NotFound('account', id);
    return account;
  }

  async findByEmail(email: string): Promise<Account | undefined> {
    const record = await this.store.findAccountByEmail(normaliseEmail(email));
    return record && toAccount(record);
  }

  /** Every account, oldest first (for administrators). */
  async list(): Promise<Account[]> {
    return (await this.store.listAccounts()).map(toAccount);
  }

  async rename(id: string, displayName: string): Promise<Account> {
    const name = validDisplayName(displayName);
    if (!(await this.store.updateAccount(id, { displayName: name }))) throw new NotFound('account', id);
    return this.require(id);
  }

  /** Grants or withdraws administration; refuses to withdraw it from the last administrator. */
  async setAdmin(id: string, admin: boolean): Promise<Account> {
    const account = await this.require(id);
    if (account.admin && !admin) await this.refuseIfLastAdmin();
    await this.store.updateAccount(id, { admin });
    return { ...account, admin };
  }

  /**
   * Sets a new password. The current one is required when the account has one (an OIDC-only
   * account may add a password from a signed-in session). Ends every other session and every
   * bearer token of the account, so a stolen credential stops working.
   */
  async changePassword(id: string, change: { currentPassword?: string; newPassword: string; keepSessionId?: string }): Promise<void> {
    const record = await this.store.getAccount(id);
    if (!record) throw new NotFound('account', id);
    if (record.passwordHash && !(typeof change.currentPassword === 'string' && (await this.hasher.verify(change.currentPassword, record.passwordHash)))) {
      throw ValidationFailed.field('currentPassword', 'is wrong', 'wrong_password');
    }
    const password = checkNewPassword(change.newPassword, record.email, 'newPassword');
    await this.store.updateAccount(id, { passwordHash: await this.hasher.hash(password) });
    await this.store.deleteSessionsOfAccount(id, change.keepSessionId === undefined ? undefined : hashToken(change.keepSessionId));
    await this.store.deleteBearerTokensOfAccount(id);
  }

  /**
   * Erases the account with its OIDC links, sessions and bearer tokens; the storage keeps no
   * readable copy of the email or name. API tokens it created stay with their network (they belong
   * to the integration, and name the creator only by id). Refuses to delete the last administrator.
   */
  async deleteAccount(id: string): Promise<void> {
    const account = await this.require(id);
    if (account.admin) await this.refuseIfLastAdmin();
    await this.store.deleteAccount(id);
  }

  private async refuseIfLastAdmin(): Promise<void> {
    if ((await this.store.countAccounts()).admins <= 1) {
      throw new StateConflict('last_admin', 'Solmu needs at least one administrator: make someone else an administrator first.');
    }
  }

  private dummy(): Promise<string> {
    this.dummyHash ??= this.hasher.hash(randomText());
    return this.dummyHash;
  }
}

export function emailTaken(): StateConflict {
  return new StateConflict('email_taken', 'An account with this email address already exists.', 'email');
}
