import { ApiProperty } from '@nestjs/swagger';
import type { FieldProblem } from '@solmu/kernel';
import type { ProblemBody } from './problem';

class FieldProblemSchema implements FieldProblem {
  @ApiProperty({ example: 'occurredAt' })
  field!: string;
  @ApiProperty({ example: 'must not be in the future' })
  problem!: string;
}

/** The problem shape (problem.ts) as the OpenAPI document describes it, for the answers documented on every route. */
export class ProblemResponse implements ProblemBody {
  @ApiProperty({ example: 503 })
  statusCode!: number;
  @ApiProperty({ example: 'Service Unavailable' })
  error!: string;
  @ApiProperty({ description: 'Stable, for programs: store_unavailable, read_models_behind…', example: 'store_unavailable' })
  code!: string;
  @ApiProperty({ description: 'Readable, for people' })
  message!: string;
  @ApiProperty({ type: [FieldProblemSchema], description: 'The fields at fault (empty when none is)' })
  problems!: FieldProblemSchema[];
}
