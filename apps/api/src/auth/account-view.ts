import type { Account } from '@solmu/identity';

/** An account as the API shows it to its owner. */
export function accountView(account: Account) {
  return { id: account.id, email: account.email, name: account.displayName, admin: account.admin, hasPassword: account.hasPassword };
}
