import { problem, ProblemBody } from './problem';

/**
 * Fastify's router refuses a path it cannot decode (`/members/%`, `%zz`) before Nest sees the
 * request, and answers in its own shape; this gives that refusal the API's shape, naming the URL.
 */
export function badUrlProblem(error: { code?: string; message: string }): ProblemBody {
  return problem(400, 'invalid_request', [{ field: 'url', problem: `cannot be decoded (${error.code === 'FST_ERR_BAD_URL' ? 'a malformed %-escape' : error.message})` }]);
}
