import type {
  AccountChanges,
  AccountRecord,
  ApiTokenRecord,
  BearerTokenRecord,
  IdentityStore,
  InvitationRecord,
  OidcLinkRecord,
  OidcLoginRecord,
  SessionRecord,
  SetupTokenRecord,
} from '../identity-store.port';

/** Records are copied in and out, so callers can never change what the store holds by accident. */
const copy = <T>(value: T): T => structuredClone(value);
const byCreation = <T extends { createdAt: Date }>(a: T, b: T) => a.createdAt.getTime() - b.createdAt.getTime();

/** The identity store for tests and throwaway runs (`SOLMU_IDENTITY_DB=:memory:` uses SQLite instead). */
export class InMemoryIdentityStore implements IdentityStore {
  private readonly accounts = new Map<string, AccountRecord>();
  private readonly oidcLinks = new Map<string, OidcLinkRecord>();
  private readonly oidcLogins = new Map<string, OidcLoginRecord>();
  private readonly sessions = new Map<string, SessionRecord>();
  private readonly bearerTokens = new Map<string, BearerTokenRecord>();
  private readonly apiTokens = new Map<string, ApiTokenRecord>();
  private readonly invitations = new Map<string, InvitationRecord>();
  private setupToken: SetupTokenRecord | undefined;

  /** Every stored record, for tests that check what is (not) kept. */
  dump(): Record<string, unknown[]> {
    return copy({
      accounts: [...this.accounts.values()],
      oidcLinks: [...this.oidcLinks.values()],
      oidcLogins: [...this.oidcLogins.values()],
      sessions: [...this.sessions.values()],
      bearerTokens: [...this.bearerTokens.values()],
      apiTokens: [...this.apiTokens.values()],
      invitations: [...this.invitations.values()],
      setupToken: this.setupToken ? [this.setupToken] : [],
    });
  }

  async createAccount(account: AccountRecord): Promise<'created' | 'email_taken'> {
    if ([...this.accounts.values()].some((a) => a.email === account.email)) return 'email_taken';
    if (this.accounts.has(account.id)) throw new Error(`Account ${account.id} already exists`);
    this.accounts.set(account.id, copy(account));
    return 'created';
  }

  async getAccount(id: string): Promise<AccountRecord | undefined> {
    return copy(this.accounts.get(id));
  }

  async findAccountByEmail(email: string): Promise<AccountRecord | undefined> {
    return copy([...this.accounts.values()].find((a) => a.email === email));
  }

  async listAccounts(): Promise<AccountRecord[]> {
    return copy([...this.accounts.values()].sort(byCreation));
  }

  async countAccounts(): Promise<{ accounts: number; admins: number }> {
    const all = [...this.accounts.values()];
    return { accounts: all.length, admins: all.filter((a) => a.admin).length };
  }

  async updateAccount(id: string, changes: AccountChanges): Promise<boolean> {
    const account = this.accounts.get(id);
    if (!account) return false;
    const { passwordHash, ...rest } = copy(changes);
    Object.assign(account, rest);
    if (passwordHash === null) delete account.passwordHash;
    else if (passwordHash !== undefined) account.passwordHash = passwordHash;
    return true;
  }

  async deleteAccount(id: string): Promise<boolean> {
    if (!this.accounts.delete(id)) return false;
    const drop = <T>(map: Map<string, T>, belongs: (record: T) => boolean) => {
      for (const [key, record] of map) if (belongs(record)) map.delete(key);
    };
    drop(this.oidcLinks, (l) => l.accountId === id);
    drop(this.sessions, (s) => s.accountId === id);
    drop(this.bearerTokens, (t) => t.accountId === id);
    drop(this.oidcLogins, (l) => l.linkAccountId === id);
    return true;
  }

  async createOidcLink(link: OidcLinkRecord): Promise<'created' | 'exists'> {
    const key = linkKey(link.issuer, link.subject);
    if (this.oidcLinks.has(key)) return 'exists';
    this.oidcLinks.set(key, copy(link));
    return 'created';
  }

  async findOidcLink(issuer: string, subject: string): Promise<OidcLinkRecord | undefined> {
    return copy(this.oidcLinks.get(linkKey(issuer, subject)));
  }

  async listOidcLinks(accountId: string): Promise<OidcLinkRecord[]> {
    return copy([...this.oidcLinks.values()].filter((l) => l.accountId === accountId).sort(byCreation));
  }

  async createOidcLogin(login: OidcLoginRecord): Promise<void> {
    this.oidcLogins.set(login.idHash, copy(login));
  }

  async consumeOidcLogin(idHash: string): Promise<OidcLoginRecord | undefined> {
    return take(this.oidcLogins, idHash);
  }

  async createSession(session: SessionRecord): Promise<void> {
    this.sessions.set(session.idHash, copy(session));
  }

  async getSession(idHash: string): Promise<SessionRecord | undefined> {
    return copy(this.sessions.get(idHash));
  }

  async touchSession(idHash: string, lastSeenAt: Date, expiresAt: Date): Promise<void> {
    const session = this.sessions.get(idHash);
    if (session) Object.assign(session, { lastSeenAt: copy(lastSeenAt), expiresAt: copy(expiresAt) });
  }

  async deleteSession(idHash: string): Promise<void> {
    this.sessions.delete(idHash);
  }

  async deleteSessionsOfAccount(accountId: string, exceptIdHash?: string): Promise<number> {
    let n = 0;
    for (const [key, s] of this.sessions) {
      if (s.accountId === accountId && key !== exceptIdHash) {
        this.sessions.delete(key);
        n += 1;
      }
    }
    return n;
  }

  async createBearerToken(token: BearerTokenRecord): Promise<void> {
    this.bearerTokens.set(token.tokenHash, copy(token));
  }

  async getBearerToken(tokenHash: string): Promise<BearerTokenRecord | undefined> {
    return copy(this.bearerTokens.get(tokenHash));
  }

  async deleteBearerToken(tokenHash: string): Promise<void> {
    this.bearerTokens.delete(tokenHash);
  }

  async deleteBearerTokensOfAccount(accountId: string): Promise<number> {
    let n = 0;
    for (const [key, t] of this.bearerTokens) {
      if (t.accountId === accountId) {
        this.bearerTokens.delete(key);
        n += 1;
      }
    }
    return n;
  }

  async createApiToken(token: ApiTokenRecord): Promise<void> {
    this.apiTokens.set(token.id, copy(token));
  }

  async findApiTokenByHash(tokenHash: string): Promise<ApiTokenRecord | undefined> {
    return copy([...this.apiTokens.values()].find((t) => t.tokenHash === tokenHash));
  }

  async listApiTokens(networkId: string): Promise<ApiTokenRecord[]> {
    return copy([...this.apiTokens.values()].filter((t) => t.networkId === networkId).sort(byCreation));
  }

  async touchApiToken(id: string, lastUsedAt: Date): Promise<void> {
    const token = this.apiTokens.get(id);
    if (token) token.lastUsedAt = copy(lastUsedAt);
  }

  async deleteApiToken(networkId: string, id: string): Promise<boolean> {
    const token = this.apiTokens.get(id);
    if (!token || token.networkId !== networkId) return false;
    return this.apiTokens.delete(id);
  }

  async createInvitation(invitation: InvitationRecord): Promise<void> {
    this.invitations.set(invitation.id, copy(invitation));
  }

  async findInvitation(tokenHash: string): Promise<InvitationRecord | undefined> {
    return copy([...this.invitations.values()].find((i) => i.tokenHash === tokenHash));
  }

  async consumeInvitation(tokenHash: string): Promise<InvitationRecord | undefined> {
    const found = [...this.invitations.values()].find((i) => i.tokenHash === tokenHash);
    return found ? take(this.invitations, found.id) : undefined;
  }

  async listInvitations(networkId: string): Promise<InvitationRecord[]> {
    return copy([...this.invitations.values()].filter((i) => i.networkId === networkId).sort(byCreation));
  }

  async deleteInvitation(networkId: string, id: string): Promise<boolean> {
    const invitation = this.invitations.get(id);
    if (!invitation || invitation.networkId !== networkId) return false;
    return this.invitations.delete(id);
  }

  async deleteInvitationsOfMember(networkId: string, memberId: string): Promise<number> {
    let n = 0;
    for (const [key, i] of this.invitations) {
      if (i.networkId === networkId && i.memberId === memberId) {
        this.invitations.delete(key);
        n += 1;
      }
    }
    return n;
  }

  async replaceSetupToken(token: SetupTokenRecord | undefined): Promise<void> {
    this.setupToken = copy(token);
  }

  async findSetupToken(tokenHash: string): Promise<SetupTokenRecord | undefined> {
    return this.setupToken?.tokenHash === tokenHash ? copy(this.setupToken) : undefined;
  }

  async consumeSetupToken(tokenHash: string): Promise<SetupTokenRecord | undefined> {
    const found = await this.findSetupToken(tokenHash);
    if (found) this.setupToken = undefined;
    return found;
  }

  async purgeExpired(now: Date): Promise<number> {
    const t = now.getTime();
    let n = 0;
    const purge = <T extends { expiresAt: Date }>(map: Map<string, T>) => {
      for (const [key, record] of map) {
        if (record.expiresAt.getTime() <= t) {
          map.delete(key);
          n += 1;
        }
      }
    };
    purge(this.sessions);
    purge(this.bearerTokens);
    purge(this.invitations);
    purge(this.oidcLogins);
    return n;
  }

  async close(): Promise<void> {}
}

function linkKey(issuer: string, subject: string): string {
  return `${issuer}\u0000${subject}`;
}

function take<T>(map: Map<string, T>, key: string): T | undefined {
  const found = map.get(key);
  map.delete(key);
  return found;
}
