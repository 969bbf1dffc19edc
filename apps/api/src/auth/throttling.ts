import { ExecutionContext } from '@nestjs/common';
import { SetMetadata } from '@nestjs/common';
import type { ThrottlerOptions } from '@nestjs/throttler';
import { actorOf } from '@solmu/kernel';
import { AuthenticatedRequest } from './principal.decorator';

export const SIGN_IN_ROUTE = 'solmu:sign-in';
/** Marks routes that take passwords or one-time secrets: limited per address, tightly. */
export const SignInRoute = () => SetMetadata(SIGN_IN_ROUTE, true);

const isSignIn = (context: ExecutionContext) => Reflect.getMetadata(SIGN_IN_ROUTE, context.getHandler()) === true;
const isRead = (context: ExecutionContext) => ['GET', 'HEAD', 'OPTIONS'].includes(context.switchToHttp().getRequest().method);

/**
 * Two limits: sign-in attempts per address (against password guessing), and writes per caller
 * (account, token or address) against runaway scripts. Reads are not limited.
 */
export function throttlers(limits: { writesPerMinute: number; signInsPerMinute: number }): ThrottlerOptions[] {
  return [
    { name: 'sign-in', ttl: 60_000, limit: limits.signInsPerMinute, skipIf: (context) => !isSignIn(context) },
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
