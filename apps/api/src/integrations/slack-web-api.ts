import { Injectable, Logger } from '@nestjs/common';
import { SolmuConfig } from '@solmu/config';

/**
 * The few Slack Web API methods Solmu calls, at SOLMU_SLACK_API_URL (Slack itself by default; a
 * local fake in the tests). Each call has a short time-out: Slack wants its answers within 3 s.
 */
@Injectable()
export class SlackWebApi {
  private readonly logger = new Logger('Slack');
  constructor(private readonly config: SolmuConfig) {}

  /** Opens a modal (needs the trigger_id of the request, valid for 3 s). */
  viewsOpen(botToken: string, triggerId: string, view: unknown): Promise<SlackAnswer> {
    return this.call(botToken, 'views.open', { trigger_id: triggerId, view });
  }

  /** Publishes a user's App Home tab. */
  viewsPublish(botToken: string, userId: string, view: unknown): Promise<SlackAnswer> {
    return this.call(botToken, 'views.publish', { user_id: userId, view });
  }

  /** A message only `user` sees, in `channel`. */
  postEphemeral(botToken: string, channel: string, user: string, text: string): Promise<SlackAnswer> {
    return this.call(botToken, 'chat.postEphemeral', { channel, user, text });
  }

  private async call(botToken: string, method: string, body: Record<string, unknown>): Promise<SlackAnswer> {
    try {
      const response = await fetch(`${this.config.slackApiUrl}/${method}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${botToken}`, 'content-type': 'application/json; charset=utf-8' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(2500),
      });
      const answer = (await response.json()) as SlackAnswer;
      if (!answer.ok) this.logger.warn(`${method} answered ${answer.error ?? response.status}`);
      return answer;
    } catch (error) {
      this.logger.warn(`${method} failed: ${(error as Error).message}`);
      return { ok: false, error: 'unreachable' };
    }
  }
}

export interface SlackAnswer {
  ok: boolean;
  error?: string;
  [key: string]: unknown;
}
