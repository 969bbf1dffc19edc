import { Clock, FieldProblem, IdGenerator, NotFound, Principal, TOKEN_SCOPES, TokenScope, ValidationFailed } from '@solmu/kernel';
import type { ApiTokenRecord, IdentityStore, RevocationWatch } from './identity-store.port';
import { hashToken, looksLike, newToken } from './secrets';

export type TokenPrincipal = Extract<Principal, { kind: 'token' }>;

/** What coordinators see of a token: everything but the secret. */
export interface ApiTokenInfo {
  id: string;
  networkId: string;
  name: string;
  scopes: TokenScope[];
  createdAt: Date;
  createdBy: string;
  lastUsedAt?: Date;
  expiresAt?: Date;
}

export interface CreateApiToken {
  networkId: string;
  /** What it is for, e.g. "Slack workspace". 1–100 characters. */
  name: string;
  /** A non-empty subset of TOKEN_SCOPES. */
  scopes: readonly string[];
  /** The coordinator's account id (the caller checks that they coordinate the network). */
  createdBy: string;
  /** Optional end of validity; tokens without one live until revoked. */
  expiresAt?: Date;
}

/** `lastUsedAt` is written at most this often per token, keeping verification a read. */
export const LAST_USED_RESOLUTION_MS = 60_000;
/** How long a verified API token is trusted without a lookup (see ApiTokens.recent). */
export const VERIFIED_TOKEN_CACHE_MS = 5_000;
const NAME_MAX_LENGTH = 100;

/**
 * API tokens for integrations (Slack, Teams, scripts run by a network): created by a coordinator
 * for ONE network with scopes from TOKEN_SCOPES, shown once as `solmu_pat_…` and stored only as
 * a hash. Verifying one yields a `token` Principal limited to that network and those scopes.
 */
export class ApiTokens {
  /**
   * Recently verified tokens, for a few seconds: an integration posting thousands of events a
   * minute then costs one lookup per token and interval, not one per request. Revoking here drops
   * the entry at once; a revocation by another process sharing the store (PostgreSQL) drops it as
   * soon as the store hears of it, and while the store cannot hear them nothing is trusted from here.
   */
  private readonly recent = new Map<string, { principal: TokenPrincipal; until: number }>();
  private readonly revocations: RevocationWatch | undefined;

  constructor(
    private readonly store: IdentityStore,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {
    this.revocations = store.watchApiTokenRevocations?.((tokenId) => this.forget(tokenId));
  }

  /** Creates a token; `token` is the only time its text is available. */
  async create(input: CreateApiToken): Promise<{ token: string; apiToken: ApiTokenInfo }> {
    const problems: FieldProblem[] = [];
    const name = typeof input.name === 'string' ? input.name.trim() : '';
    if (name.length === 0 || name.length > NAME_MAX_LENGTH) problems.push({ field: 'name', problem: `must be 1–${NAME_MAX_LENGTH} characters` });
    const scopes = validScopes(input.scopes, problems);
    const now = this.clock.now();
    if (input.expiresAt !== undefined && !(input.expiresAt.getTime() > now.getTime())) problems.push({ field: 'expiresAt', problem: 'must be in the future' });
    if (problems.length > 0) throw new ValidationFailed(problems);

    const token = newToken('apiToken');
    const record: ApiTokenRecord = {
      id: this.ids.next(),
      tokenHash: hashToken(token),
      networkId: input.networkId,
      name,
      scopes,
      createdAt: now,
      createdBy: input.createdBy,
      ...(input.expiresAt && { expiresAt: input.expiresAt }),
    };
    await this.store.createApiToken(record);
    return { token, apiToken: toInfo(record) };
  }

  /** The network's tokens, oldest first, including expired ones (revoked ones are gone). */
  async list(networkId: string): Promise<ApiTokenInfo[]> {
    return (await this.store.listApiTokens(networkId)).map(toInfo);
  }

  /** Revokes a token of this network; it stops working at once. NotFound otherwise. */
  async revoke(networkId: string, tokenId: string): Promise<void> {
    this.forget(tokenId);
    if (!(await this.store.deleteApiToken(networkId, tokenId))) throw new NotFound('api_token', tokenId);
  }

  /** Drops a token from the cache, or every token when no id is given. */
  private forget(tokenId?: string): void {
    if (tokenId === undefined) return this.recent.clear();
    for (const [hash, entry] of this.recent) if (entry.principal.tokenId === tokenId) this.recent.delete(hash);
  }

  /**
   * The Principal a presented token stands for, or undefined when it is unknown, revoked or expired.
   * Records the use in `lastUsedAt`, at most once a minute per token.
   */
  async verify(token: string | undefined): Promise<TokenPrincipal | undefined> {
    if (!looksLike('apiToken', token)) return undefined;
    const hash = hashToken(token);
    const now = this.clock.now();
    const recent = this.revocations?.heard() === false ? undefined : this.recent.get(hash);
    if (recent && recent.until > now.getTime()) return { ...recent.principal, scopes: [...recent.principal.scopes] };
    const record = await this.store.findApiTokenByHash(hash);
    if (!record) return undefined;
    if (record.expiresAt && record.expiresAt.getTime() <= now.getTime()) return undefined;
    if (!record.lastUsedAt || now.getTime() - record.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
      await this.store.touchApiToken(record.id, now);
    }
    const principal: TokenPrincipal = { kind: 'token', tokenId: record.id, networkId: record.networkId, scopes: [...record.scopes] };
    if (this.recent.size >= 1000) this.recent.clear();
    const until = Math.min(now.getTime() + VERIFIED_TOKEN_CACHE_MS, record.expiresAt?.getTime() ?? Infinity);
    this.recent.set(hash, { principal, until });
    return { ...principal, scopes: [...principal.scopes] };
  }
}

function validScopes(scopes: readonly string[] | undefined, problems: FieldProblem[]): TokenScope[] {
  if (!Array.isArray(scopes) || scopes.length === 0) {
    problems.push({ field: 'scopes', problem: `must name at least one of ${TOKEN_SCOPES.join(', ')}` });
    return [];
  }
  const unknown = scopes.filter((s) => !(TOKEN_SCOPES as readonly string[]).includes(s));
  if (unknown.length > 0) problems.push({ field: 'scopes', problem: `unknown scope ${unknown.join(', ')}; known: ${TOKEN_SCOPES.join(', ')}` });
  // Canonical order, no duplicates.
  return TOKEN_SCOPES.filter((s) => scopes.includes(s));
}

function toInfo(record: ApiTokenRecord): ApiTokenInfo {
  const { tokenHash: _secret, ...info } = record;
  return info;
}
