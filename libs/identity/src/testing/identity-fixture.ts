import { FixedClock, SequentialIdGenerator } from '@solmu/kernel';
import { Accounts } from '../accounts';
import { InMemoryIdentityStore } from '../adapters/in-memory-identity-store';
import { ApiTokens } from '../api-tokens';
import { Authenticator } from '../authenticator';
import { BearerTokens } from '../bearer-tokens';
import { FirstRun } from '../first-run';
import type { IdentityStore } from '../identity-store.port';
import { Invitations } from '../invitations';
import { OidcLogin } from '../oidc/oidc-login';
import type { OidcRelyingParty } from '../oidc/oidc-relying-party';
import { PasswordHasher } from '../password-hasher';
import { Sessions } from '../sessions';

/** Cheap scrypt for tests (N = 2^10); the documented defaults are tested in password-hasher.spec.ts. */
export const FAST_SCRYPT = { logN: 10 } as const;

export const FIXTURE_START = new Date('2025-03-01T10:00:00.000Z');

/** Every identity service wired on one store, a fixed clock and sequential ids. */
export function identityFixture<S extends IdentityStore = InMemoryIdentityStore>(options: { store?: S; relyingParty?: OidcRelyingParty } = {}) {
  const store = (options.store ?? new InMemoryIdentityStore()) as S;
  const clock = new FixedClock(FIXTURE_START);
  const ids = new SequentialIdGenerator();
  const hasher = new PasswordHasher(FAST_SCRYPT);
  const accounts = new Accounts(store, hasher, clock, ids);
  const sessions = new Sessions(store, clock);
  const bearerTokens = new BearerTokens(store, accounts, clock);
  const apiTokens = new ApiTokens(store, clock, ids);
  return {
    store,
    clock,
    ids,
    hasher,
    accounts,
    sessions,
    bearerTokens,
    apiTokens,
    invitations: new Invitations(store, clock, ids),
    firstRun: new FirstRun(store, accounts, clock),
    oidcLogin: new OidcLogin(store, clock, ids, options.relyingParty),
    authenticator: new Authenticator(sessions, bearerTokens, apiTokens),
  };
}
