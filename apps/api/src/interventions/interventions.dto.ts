import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { INTERVENTION_KINDS, InterventionKind, LIMITS } from '@solmu/network';
import { IsDateInput } from '../fields/field-rules';
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

  @ApiProperty({ description: 'When it took place. ISO 8601 (2024-06-30, 2024-06-30T14:00[:05], or with Z / ±hh:mm; years 1800–9999); without an offset it is read in the network’s time zone; a date alone is the start of that day.', example: '2025-03-14T08:00:00+02:00' })
  @IsDateInput()
  occurredAt!: string;
}
