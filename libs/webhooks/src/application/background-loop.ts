import { Logger } from '@nestjs/common';

/**
 * Runs `tick` again and again: at once while it reports work done, otherwise after `idleMs`. A
 * failing tick (the database away for a moment) is logged once per kind of failure and retried
 * at the next interval; `stop` waits for the tick in progress.
 */
export class BackgroundLoop {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;
  private lastError?: string;

  constructor(
    private readonly name: string,
    private readonly tick: () => Promise<boolean>,
    private readonly idleMs: number,
    private readonly logger = new Logger('Webhooks'),
  ) {}

  start(): void {
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.run().finally(() => (this.running = undefined));
    }, delayMs);
    this.timer.unref();
  }

  private async run(): Promise<void> {
    let busy = false;
    try {
      busy = await this.tick();
      this.lastError = undefined;
    } catch (error) {
      const message = (error as Error).message;
      if (message !== this.lastError) this.logger.warn(`${this.name} failed, retrying: ${message}`);
      this.lastError = message;
    }
    this.schedule(busy ? 0 : this.idleMs);
  }
}
