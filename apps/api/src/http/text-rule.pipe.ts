import { ArgumentMetadata, BadRequestException, Injectable, PipeTransform } from '@nestjs/common';
import type { FieldProblem } from '@solmu/kernel';
import { problem } from './problem';
import { isMultiLineField, textProblem } from './text-rule';

/**
 * Applies the text rule (text-rule.ts) to every string in a request's body, query and path
 * parameters before validation, so no request class can forget it and no validator (isEmail
 * throws on a lone surrogate) ever sees such a string. Walks with an explicit stack, not recursion.
 * Only top-level fields of the request class can be multi-line; strings nested deeper are single-line.
 */
@Injectable()
export class TextRulePipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'custom') return value;
    const root = metadata.type === 'body' ? '' : (metadata.data ?? '');
    const found = firstTextProblem(value, root, (field) => metadata.type !== 'param' && isMultiLineField(metadata.metatype, field));
    if (found) throw new BadRequestException(problem(400, 'invalid_request', [found]));
    return value;
  }
}

export function firstTextProblem(value: unknown, root: string, multiLine: (topLevelField: string) => boolean): FieldProblem | undefined {
  const pending: Array<{ value: unknown; field: string; top: string | undefined }> = [{ value, field: root, top: undefined }];
  while (pending.length > 0) {
    const next = pending.pop()!;
    if (typeof next.value === 'string') {
      const wrong = textProblem(next.value, next.top !== undefined && multiLine(next.top) && next.field === next.top);
      if (wrong) return { field: next.field || 'body', problem: wrong };
    } else if (Array.isArray(next.value)) {
      next.value.forEach((item, i) => pending.push({ value: item, field: `${next.field}[${i}]`, top: next.top }));
    } else if (next.value !== null && typeof next.value === 'object') {
      for (const [key, item] of Object.entries(next.value)) {
        const field = next.field ? `${next.field}.${key}` : key;
        pending.push({ value: item, field, top: next.field ? next.top : key });
      }
    }
  }
  return undefined;
}
