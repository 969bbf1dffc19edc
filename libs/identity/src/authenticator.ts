import type { Principal } from '@solmu/kernel';
import type { ApiTokens } from './api-tokens';
import type { BearerTokens } from './bearer-tokens';
import { TOKEN_PREFIXES } from './secrets';
import type { ActiveSession, Sessions } from './sessions';

/**
 * One entry point for the HTTP guard: who is calling, from an `Authorization: Bearer …` header or
 * a session cookie. The token's prefix says which kind it is (`solmu_at_` for a signed-in script,
 * `solmu_pat_` for an integration), so each request costs one lookup.
 */
export class Authenticator {
  constructor(
    private readonly sessions: Sessions,
    private readonly bearerTokens: BearerTokens,
    private readonly apiTokens: ApiTokens,
  ) {}

  /** The Principal of a bearer credential (short-lived token or API token); undefined when it does not verify. */
  async fromBearer(token: string | undefined): Promise<Principal | undefined> {
    if (token?.startsWith(TOKEN_PREFIXES.apiToken)) return this.apiTokens.verify(token);
    if (token?.startsWith(TOKEN_PREFIXES.bearer)) return this.bearerTokens.verify(token);
    return undefined;
  }

  /** The session behind a cookie (with its CSRF token); undefined when signed out or expired. */
  fromSession(sessionId: string | undefined): Promise<ActiveSession | undefined> {
    return this.sessions.resume(sessionId);
  }
}

/** The token of an `Authorization: Bearer <token>` header value, if that is what it is. */
export function bearerTokenOf(authorization: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  return match?.[1];
}
