import { CanActivate, ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import { Integrations, ResolvedIntegration, TeamsActivity, verifySlackRequest, verifyTeamsRequest } from '@solmu/integrations';
import { Clock, CLOCK, NotFound } from '@solmu/kernel';
import { Inject } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { problem } from '../http/problem';
import { RawBodyRequest } from './raw-body';

export type VerifiedRequest = FastifyRequest & RawBodyRequest & { integration?: ResolvedIntegration };

/** Teams sends no timestamp header; the activity's own timestamp (inside the signed body) bounds replays. */
const TEAMS_REPLAY_WINDOW_MS = 5 * 60 * 1000;

function refuse(field: string, why: string): UnauthorizedException {
  return new UnauthorizedException(problem(401, 'invalid_signature', [{ field, problem: why }]));
}

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** An unknown or removed integration is answered like a bad signature: ids do not leak. */
async function resolve(integrations: Integrations, request: VerifiedRequest, kind: 'slack' | 'teams', field: string): Promise<ResolvedIntegration> {
  const { integrationId } = request.params as { integrationId: string };
  try {
    return await integrations.resolve(integrationId, kind);
  } catch (error) {
    if (error instanceof NotFound) throw refuse(field, 'no such integration, or the request is not signed by it');
    throw error;
  }
}

/** Every Slack request is verified (signing v0 over the raw bytes, five-minute window) before anything else. */
@Injectable()
export class SlackSignatureGuard implements CanActivate {
  constructor(
    private readonly integrations: Integrations,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<VerifiedRequest>();
    const integration = await resolve(this.integrations, request, 'slack', 'X-Slack-Signature');
    const verdict = verifySlackRequest({
      signingSecret: integration.secret,
      timestamp: header(request, 'x-slack-request-timestamp'),
      signature: header(request, 'x-slack-signature'),
      rawBody: request.rawBody ?? Buffer.alloc(0),
      now: this.clock.now(),
    });
    if (!verdict.ok) throw refuse('X-Slack-Signature', verdict.problem);
    request.integration = integration;
    return true;
  }
}

/** Every Teams request is verified (HMAC of the raw bytes with the decoded security token) before anything else. */
@Injectable()
export class TeamsSignatureGuard implements CanActivate {
  constructor(
    private readonly integrations: Integrations,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<VerifiedRequest>();
    const integration = await resolve(this.integrations, request, 'teams', 'Authorization');
    const verdict = verifyTeamsRequest({ securityToken: integration.secret, authorization: header(request, 'authorization'), rawBody: request.rawBody ?? Buffer.alloc(0) });
    if (!verdict.ok) throw refuse('Authorization', verdict.problem);
    const sent = Date.parse((request.body as TeamsActivity | undefined)?.timestamp ?? '');
    if (Number.isFinite(sent) && Math.abs(this.clock.now().getTime() - sent) > TEAMS_REPLAY_WINDOW_MS) {
      throw refuse('timestamp', 'the message is more than five minutes away from now (a replay?)');
    }
    request.integration = integration;
    return true;
  }
}
