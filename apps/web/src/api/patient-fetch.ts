/**
 * fetch that waits when Solmu asks it to and tries again:
 * - 429 Too Many Requests: as long as Retry-After says (or 1, 2, 4 s), up to three times;
 * - 503 Service Unavailable with Retry-After (the database restarting, read models catching up):
 *   once. Nothing was saved, so sending the same request again is safe; a second 503 is handed on
 *   for the page to show its problem, rather than leaving the person waiting on a spinner.
 * A 503 without Retry-After is not Solmu's (a proxy's, say) and is handed on at once.
 */
export interface PatientFetchOptions {
  fetch: (request: Request) => Promise<Response>;
  /** Told the seconds it waits, then 0 when it tries again (the app shows "trying again in N s"). */
  waiting: (seconds: number) => void;
  sleep?: (ms: number) => Promise<void>;
  /** Without a connection: an answer kept from earlier, where there is one. */
  offline?: (request: Request) => Response | undefined;
  /** Every answer to a GET, for `offline` to give back later. */
  answered?: (request: Request, response: Response) => Promise<void>;
}

const MAX_RATE_LIMITED_RETRIES = 3;
const MAX_UNAVAILABLE_RETRIES = 1;
const MAX_WAIT_SECONDS = 30;

export function patientFetch(options: PatientFetchOptions): (request: Request) => Promise<Response> {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((done) => setTimeout(done, ms)));
  return async (input) => {
    const earlier: number[] = [];
    for (;;) {
      let response: Response;
      try {
        response = await options.fetch(input.clone());
      } catch (offline) {
        const kept = input.method === 'GET' ? options.offline?.(input) : undefined;
        if (kept) return kept;
        throw offline;
      }
      if (input.method === 'GET') await options.answered?.(input, response);
      const seconds = secondsBeforeRetry(response.status, response.headers.get('retry-after'), earlier);
      if (seconds === undefined) return response;
      earlier.push(response.status);
      options.waiting(seconds);
      await sleep(seconds * 1000);
      options.waiting(0);
    }
  };
}

/** How long to wait before sending again, given the statuses of the earlier tries; undefined: hand the answer on. */
export function secondsBeforeRetry(status: number, retryAfter: string | null, earlier: readonly number[]): number | undefined {
  const asked = Number(retryAfter);
  const tries = earlier.filter((s) => s === status).length;
  if (status === 429) {
    if (tries >= MAX_RATE_LIMITED_RETRIES) return undefined;
    return Math.min(MAX_WAIT_SECONDS, Math.max(1, asked || 2 ** tries));
  }
  if (status === 503) {
    if (retryAfter === null || !(asked > 0) || tries >= MAX_UNAVAILABLE_RETRIES) return undefined;
    return Math.min(MAX_WAIT_SECONDS, Math.max(1, asked));
  }
  return undefined;
}
