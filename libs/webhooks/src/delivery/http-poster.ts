import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { isNonPublicAddress, publicOnlyLookup } from './target-guard';

/** What one POST to a receiver came to: its status, or why there was none. */
export type PostOutcome = { status: number; location?: string } | { error: string };

/** Sends one delivery; replaceable in tests of the sender. */
export type PostWebhook = (url: string, body: string, headers: Record<string, string>) => Promise<PostOutcome>;

export interface HttpPosterOptions {
  /** The whole exchange, connecting included. Default 10 s. */
  timeoutMs?: number;
  /** SOLMU_WEBHOOKS_ALLOW_PRIVATE: skip the public-address check (tests, private deployments). */
  allowPrivate: boolean;
}

/**
 * POSTs with node's own http(s) client: it follows no redirects (a 3xx is an answer like any other,
 * and the sender counts it as a failure), connects only to public addresses unless allowed (the
 * check runs on the addresses the socket is about to use), and gives up after the time-out. The
 * response body is read up to 4 KB and dropped: only the status matters.
 */
export function httpPoster(options: HttpPosterOptions): PostWebhook {
  const timeoutMs = options.timeoutMs ?? 10_000;
  return (url, body, headers) =>
    new Promise<PostOutcome>((resolve) => {
      const target = new URL(url);
      const host = target.hostname.replace(/^\[|\]$/g, '');
      if (!options.allowPrivate && isIP(host) && isNonPublicAddress(host)) return resolve({ error: `refused: ${host} is not a public address` });
      const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
      let settled = false;
      const done = (outcome: PostOutcome) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(outcome);
      };
      const req = send(
        target,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'user-agent': 'Solmu-Webhooks/1', 'content-length': Buffer.byteLength(body), ...headers },
          ...(!options.allowPrivate && { lookup: publicOnlyLookup }),
        },
        (res) => {
          let read = 0;
          res.on('data', (chunk: Buffer) => {
            read += chunk.length;
            if (read > 4096) res.destroy();
          });
          const answer = () => done({ status: res.statusCode ?? 0, ...(typeof res.headers.location === 'string' && { location: res.headers.location }) });
          res.on('end', answer);
          res.on('close', answer);
          res.on('error', answer);
        },
      );
      const timer = setTimeout(() => {
        req.destroy();
        done({ error: `timed out after ${timeoutMs} ms` });
      }, timeoutMs);
      req.on('error', (error: NodeJS.ErrnoException) => done({ error: error.code === 'EWEBHOOKTARGET' ? error.message : `${error.code ?? 'error'}: ${error.message}` }));
      req.end(body);
    });
}
