import type { FieldProblem } from '@solmu/kernel';

/**
 * The one error shape of the API: a status, a readable message, a stable code and the fields at
 * fault. Clients show `message`; forms use `problems` to mark fields.
 */
export interface ProblemBody {
  statusCode: number;
  error: string;
  code: string;
  message: string;
  problems: FieldProblem[];
}

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

export function problem(statusCode: number, code: string, problems: FieldProblem[], message?: string): ProblemBody {
  return {
    statusCode,
    error: REASONS[statusCode] ?? 'Error',
    code,
    message: message ?? problems.map((p) => `${p.field}: ${p.problem}`).join('; '),
    problems,
  };
}
