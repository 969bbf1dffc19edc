/**
 * Who is acting: a signed-in account, an integration's API token, or nobody. Commands and queries
 * carry it so the application layer — not only the HTTP edge — decides what is allowed, and the
 * CLI and integrations obey the same rules.
 */
export const TOKEN_SCOPES = ['network:read', 'interactions:write', 'members:write', 'analysis:read'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

export type Principal =
  | { kind: 'anonymous' }
  /** A person's account; `admin` for the installation's administrators. */
  | { kind: 'account'; accountId: string; admin: boolean; name?: string; email?: string }
  /** An API token created by a coordinator for one network, limited to its scopes. */
  | { kind: 'token'; tokenId: string; networkId: string; scopes: TokenScope[] }
  /**
   * A member speaking through a connected Slack or Teams integration: the platform's signed request
   * vouches for the sender, whose identity a coordinator or the member linked to this member record.
   */
  | { kind: 'chat'; platform: 'slack' | 'teams'; networkId: string; memberId: string }
  /** Solmu itself (demo data, imports run from the CLI by the operator). */
  | { kind: 'system'; name: string };

export const ANONYMOUS: Principal = { kind: 'anonymous' };

/** The string recorded as `actor` in event metadata. */
export function actorOf(principal: Principal): string {
  switch (principal.kind) {
    case 'anonymous':
      return 'anonymous';
    case 'account':
      return `account:${principal.accountId}`;
    case 'token':
      return `token:${principal.tokenId}`;
    case 'chat':
      return `member:${principal.memberId}`;
    case 'system':
      return `system:${principal.name}`;
  }
}
