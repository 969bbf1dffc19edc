import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { INTERVENTION_KINDS, InterventionKind, LIMITS } from '@solmu/network';
import { MultiLineText } from '../http/text-rule';

export class RecordInterventionRequest {
  @ApiProperty({ enum: INTERVENTION_KINDS })
  @IsIn(INTERVENTION_KINDS)
  kind!: InterventionKind;

  @ApiProperty({ example: 'Matchmaking breakfast', maxLength: LIMITS.titleLength })
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.titleLength)
  title!: string;

  @ApiPropertyOptional({ maxLength: LIMITS.descriptionLength })
  @IsOptional()
  @IsString()
  @MultiLineText()
  @MaxLength(LIMITS.descriptionLength)
  description?: string;

  @ApiProperty({ description: 'When it took place (ISO 8601)', example: '2025-03-14T08:00:00+02:00' })
  @IsISO8601({ strict: true })
  occurredAt!: string;
}
