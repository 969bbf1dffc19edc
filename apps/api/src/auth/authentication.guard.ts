import { timingSafeEqual } from 'node:crypto';
import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { SolmuConfig } from '@solmu/config';
import { Accounts, Authenticator, bearerTokenOf } from '@solmu/identity';
import type { Principal } from '@solmu/kernel';
import { problem } from '../http/problem';
import { AuthenticatedRequest, PUBLIC_ROUTE, SIGNED_BY_PLATFORM } from './principal.decorator';
import { crossSiteProblem } from './same-origin';
import { SESSION_COOKIE } from './session-cookie';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Secure by default: every route needs credentials unless marked @Public(). A bearer token (a
 * short-lived sign-in token or an integration's API token) or the session cookie identifies the
 * caller; cookie-authenticated writes must also come from Solmu's own origin (same-origin.ts)
 * and carry the session's CSRF token in X-CSRF-Token.
 */
@Injectable()
export class AuthenticationGuard implements CanActivate {
  private readonly publicOrigin: string;

  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: Authenticator,
    private readonly accounts: Accounts,
    config: SolmuConfig,
  ) {
    this.publicOrigin = new URL(config.publicUrl).origin;
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [context.getHandler(), context.getClass()]);
    if (this.reflector.getAllAndOverride<boolean>(SIGNED_BY_PLATFORM, [context.getHandler(), context.getClass()])) return true;
    const principal = await this.identify(request);
    if (principal) request.principal = principal;
    if (principal || isPublic) return true;
    throw new UnauthorizedException(
      problem(401, 'unauthenticated', [{ field: 'Authorization', problem: 'sign in, or send "Authorization: Bearer <token>" (POST /api/auth/token gives one)' }]),
    );
  }

  private async identify(request: AuthenticatedRequest): Promise<Principal | undefined> {
    const header = request.headers.authorization;
    if (header !== undefined) {
      const principal = await this.authenticator.fromBearer(bearerTokenOf(header));
      if (!principal) throw new UnauthorizedException(problem(401, 'invalid_token', [{ field: 'Authorization', problem: 'the token is not valid (unknown, expired or revoked)' }]));
      return principal.kind === 'account' ? this.withProfile(principal) : principal;
    }
    const sessionId = request.cookies?.[SESSION_COOKIE];
    if (!sessionId) return undefined;
    const session = await this.authenticator.fromSession(sessionId);
    if (!session) return undefined;
    const crossSite = SAFE_METHODS.has(request.method) ? undefined : crossSiteProblem(request.headers, this.publicOrigin);
    if (crossSite) throw new ForbiddenException(problem(403, 'cross_site_request', [crossSite]));
    if (!SAFE_METHODS.has(request.method) && !this.authenticatorCsrfOk(session.csrfToken, request.headers['x-csrf-token'])) {
      throw new ForbiddenException(problem(403, 'csrf_token_missing', [{ field: 'X-CSRF-Token', problem: 'must carry the CSRF token of your session (from sign-in or GET /api/auth/session)' }]));
    }
    request.sessionId = sessionId;
    return { ...session.principal, name: session.account.displayName, email: session.account.email };
  }

  private authenticatorCsrfOk(expected: string, presented: string | string[] | undefined): boolean {
    const value = Array.isArray(presented) ? presented[0] : presented;
    return value !== undefined && value.length === expected.length && timingSafeEqual(Buffer.from(value), Buffer.from(expected));
  }

  /** Founding a network needs the person's name and email, so account principals carry them. */
  private async withProfile(principal: Extract<Principal, { kind: 'account' }>): Promise<Principal> {
    const account = await this.accounts.get(principal.accountId);
    return account ? { ...principal, name: account.displayName, email: account.email } : principal;
  }
}
