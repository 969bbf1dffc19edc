/** The API's one error shape (apps/api/src/http/problem.ts). */
export interface ProblemBody {
  statusCode: number;
  code: string;
  message: string;
  problems: Array<{ field: string; problem: string }>;
}

export interface FormProblems {
  /** Field name (without any [index]) → what is wrong with it. */
  byField: Record<string, string[]>;
  /** Problems that name no field this form shows, or the message when there is no problem list. */
  general: string[];
}

/** Sorts an error answer's problems onto the form's fields: `participants[1]` belongs to `participants`. */
export function formProblems(error: unknown, fields: readonly string[]): FormProblems {
  const body = error as Partial<ProblemBody> | undefined;
  const result: FormProblems = { byField: {}, general: [] };
  for (const { field, problem } of body?.problems ?? []) {
    const base = field.split(/[.[]/)[0];
    if (fields.includes(base)) (result.byField[base] ??= []).push(problem);
    else result.general.push(`${field}: ${problem}`);
  }
  if (!body?.problems?.length) result.general.push(body?.message ?? String(error));
  return result;
}
