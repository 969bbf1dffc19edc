import '@fastify/cookie';
import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ANONYMOUS, Principal } from '@solmu/kernel';
import type { FastifyRequest } from 'fastify';

/** The principal the authentication guard attached to the request. */
export type AuthenticatedRequest = FastifyRequest & { principal?: Principal; sessionId?: string };

export function principalOf(request: AuthenticatedRequest): Principal {
  return request.principal ?? ANONYMOUS;
}

/** Injects who is calling (an account, an API token, or anonymous on public routes). */
export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => principalOf(ctx.switchToHttp().getRequest()));

export const PUBLIC_ROUTE = 'solmu:public';
/** Marks a route that answers without credentials (health, sign-in, set-up, the docs). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

export const SIGNED_BY_PLATFORM = 'solmu:signed-by-platform';
/**
 * Marks a route that Slack or Teams call: no Solmu credentials, so the authentication guard does
 * not read their Authorization header (Teams puts its HMAC there); the route's own guard verifies
 * the platform's signature before anything else.
 */
export const SignedByPlatform = () => applyDecorators(SetMetadata(PUBLIC_ROUTE, true), SetMetadata(SIGNED_BY_PLATFORM, true));
