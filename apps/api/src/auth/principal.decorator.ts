import '@fastify/cookie';
import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
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
