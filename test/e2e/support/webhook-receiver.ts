import { createServer, IncomingMessage, Server } from 'node:http';
import { Webhook } from 'standardwebhooks';

/** One request a receiver got, with whether its Standard Webhooks signature verified. */
export interface Received {
  id: string;
  timestamp: string;
  body: string;
  payload: { type: string; timestamp: string; data: Record<string, any> };
  verified: boolean;
}

/**
 * A webhook receiver on loopback that can be down (not listening at all, so connections are
 * refused) and brought up later on the same port. It verifies each request with the
 * `standardwebhooks` package, against the secret the test gives it.
 */
export class WebhookReceiver {
  readonly received: Received[] = [];
  private server?: Server;
  secret?: string;
  /** The status it answers with (200 unless a test wants it to refuse). */
  answer = 200;

  constructor(readonly port: number) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}/hooks/solmu`;
  }

  async up(): Promise<void> {
    this.server = createServer((req, res) => {
      void read(req).then((body) => {
        const headers = { 'webhook-id': String(req.headers['webhook-id']), 'webhook-timestamp': String(req.headers['webhook-timestamp']), 'webhook-signature': String(req.headers['webhook-signature']) };
        let verified = false;
        try {
          verified = this.secret !== undefined && new Webhook(this.secret).verify(body, headers) !== undefined;
        } catch {
          verified = false;
        }
        this.received.push({ id: headers['webhook-id'], timestamp: headers['webhook-timestamp'], body, payload: JSON.parse(body), verified });
        res.writeHead(this.answer).end('ok');
      });
    });
    await new Promise<void>((done) => this.server!.listen(this.port, '127.0.0.1', done));
  }

  async down(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((done) => server.close(() => done()));
  }

  /** Waits until `count` requests have arrived (or fails naming what did). */
  async waitFor(count: number, withinMs = 20_000): Promise<Received[]> {
    const deadline = Date.now() + withinMs;
    while (this.received.length < count) {
      if (Date.now() > deadline) throw new Error(`the receiver got ${this.received.length} of ${count} deliveries: ${this.received.map((r) => r.payload.type).join(', ')}`);
      await new Promise((done) => setTimeout(done, 50));
    }
    return this.received;
  }
}

function read(req: IncomingMessage): Promise<string> {
  return new Promise((done) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => done(Buffer.concat(chunks).toString('utf8')));
  });
}

export const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));
