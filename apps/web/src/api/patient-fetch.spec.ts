import { patientFetch } from './patient-fetch';

const problem = (status: number, code: string, retryAfter?: string) =>
  new Response(JSON.stringify({ statusCode: status, code, message: code, problems: [] }), {
    status,
    headers: { 'content-type': 'application/json', ...(retryAfter !== undefined && { 'retry-after': retryAfter }) },
  });
const ok = () => new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } });

/** A fetch that gives the scripted answers in turn, and a clock that only records how long it was asked to sleep. */
function scripted(...answers: Array<() => Response>) {
  const sent: string[] = [];
  const slept: number[] = [];
  const shown: number[] = [];
  const send = patientFetch({
    fetch: async (request) => {
      sent.push(`${request.method} ${await request.text()}`);
      const next = answers.shift();
      if (!next) throw new Error('asked more often than scripted');
      return next();
    },
    waiting: (seconds) => shown.push(seconds),
    sleep: async (ms) => void slept.push(ms),
  });
  return { send, sent, slept, shown };
}

const post = () => new Request('https://solmu.example/api/networks/n/interactions', { method: 'POST', body: '{"kind":"met"}' });

it('waits out a 503 with Retry-After and sends the same request once more', async () => {
  const { send, sent, slept, shown } = scripted(() => problem(503, 'store_unavailable', '2'), ok);
  const response = await send(post());
  expect(response.status).toBe(200);
  expect(sent).toEqual(['POST {"kind":"met"}', 'POST {"kind":"met"}']);
  expect(slept).toEqual([2000]);
  expect(shown).toEqual([2, 0]);
});

it('hands a second 503 on, so the page shows the problem instead of waiting again', async () => {
  const { send, sent, slept } = scripted(() => problem(503, 'store_unavailable', '2'), () => problem(503, 'read_models_behind', '5'));
  const response = await send(post());
  expect(response.status).toBe(503);
  expect(((await response.json()) as { code: string }).code).toBe('read_models_behind');
  expect(sent).toHaveLength(2);
  expect(slept).toEqual([2000]);
});

it('does not retry a 503 without Retry-After (not an answer Solmu gives), nor a 500', async () => {
  for (const answer of [() => problem(503, 'bad_gateway_proxy'), () => problem(500, 'internal_error', '2')]) {
    const { send, sent, slept } = scripted(answer);
    expect((await send(post())).status).toBe(answer().status);
    expect(sent).toHaveLength(1);
    expect(slept).toEqual([]);
  }
});

it('still waits out a 429 up to three times, as Retry-After says or 1, 2, 4 s without it', async () => {
  const { send, sent, slept } = scripted(() => problem(429, 'rate_limited', '3'), () => problem(429, 'rate_limited'), () => problem(429, 'rate_limited'), () => problem(429, 'rate_limited'));
  expect((await send(post())).status).toBe(429);
  expect(sent).toHaveLength(4);
  expect(slept).toEqual([3000, 2000, 4000]);
});

it('caps a long Retry-After at 30 s', async () => {
  const { send, slept } = scripted(() => problem(503, 'store_unavailable', '3600'), ok);
  await send(post());
  expect(slept).toEqual([30_000]);
});
