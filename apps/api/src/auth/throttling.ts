import { ExecutionContext } from '@nestjs/common';
import { SetMetadata } from '@nestjs/common';
import type { ThrottlerOptions } from '@nestjs/throttler';
import { actorOf } from '@solmu/kernel';
import { createHash } from 'node:crypto';
import { AuthenticatedRequest } from './principal.decorator';

export const SIGN_IN_ROUTE = 'solmu:sign-in';
/**
 * Marks routes that take passwords or one-time secrets (sign-in, bearer tokens, set-up) and the
 * start of single sign-on: they share one tight limit per address, and one per account tried.
 */
export const SignInRoute = () => SetMetadata(SIGN_IN_ROUTE, true);

const isSignIn = (context: ExecutionContext) => Reflect.getMetadata(SIGN_IN_ROUTE, context.getHandler()) === true;
const isRead = (context: ExecutionContext) => ['GET', 'HEAD', 'OPTIONS'].includes(context.switchToHttp().getRequest().method);

/**
 * The account a sign-in attempt is for: the email in its body, as accounts match it (trimmed,
 * any case), hashed so that a long string costs the counter no more than a short one.
 */
export function accountTried(body: unknown): string | undefined {
  const email = body !== null && typeof body === 'object' ? (body as { email?: unknown }).email : undefined;
  return typeof email === 'string' ? createHash('sha256').update(email.trim().toLowerCase()).digest('base64url') : undefined;
}

/**
 * Three limits. Sign-in attempts are counted per address and per account tried, across every
 * sign-in route together (the key leaves the route out), so guessing cannot move from one route
 * to another or spread one account's guesses over many addresses. Writes are counted per caller
 * (account, token or address) against runaway scripts. Reads are not limited.
 */
export function throttlers(limits: { writesPerMinute: number; signInsPerMinute: number }): ThrottlerOptions[] {
  const signIn = { ttl: 60_000, limit: limits.signInsPerMinute, setHeaders: false, generateKey: (_: ExecutionContext, tracker: string) => tracker };
  return [
    { ...signIn, name: 'sign-in', skipIf: (context) => !isSignIn(context) },
    {
      ...signIn,
      name: 'sign-in-account',
      skipIf: (context) => !isSignIn(context) || accountTried(context.switchToHttp().getRequest().body) === undefined,
      getTracker: (request: Record<string, unknown>) => accountTried(request.body)!,
    },
    {
      name: 'writes',
      ttl: 60_000,
      limit: limits.writesPerMinute,
      skipIf: (context) => isRead(context) || isSignIn(context),
      getTracker: (request: Record<string, unknown>) => {
        const { principal, ip } = request as unknown as AuthenticatedRequest;
        return principal ? actorOf(principal) : ip;
      },
    },
  ];
}
