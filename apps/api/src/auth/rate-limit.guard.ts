import { ExecutionContext, HttpException, Injectable } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerLimitDetail } from '@nestjs/throttler';
import type { FastifyReply } from 'fastify';
import { problem } from '../http/problem';

/**
 * The throttler with a standard answer when a limit is hit: `Retry-After` in seconds (the
 * throttler's own header is named per limit, `Retry-After-sign-in`, which no client reads) and the
 * API's problem shape instead of "ThrottlerException: Too Many Requests".
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override async throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    const seconds = Math.max(1, detail.timeToBlockExpire);
    void context.switchToHttp().getResponse<FastifyReply>().header('retry-after', String(seconds));
    throw new HttpException(problem(429, 'rate_limited', [], `Too many requests; try again in ${seconds} seconds`), 429);
  }
}
