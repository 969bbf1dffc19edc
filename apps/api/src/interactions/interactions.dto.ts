import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { Channel, CHANNELS, INTERACTION_KINDS, InteractionKind, LIMITS } from '@solmu/network';
import { IsDateInput } from '../fields/field-rules';
import { MultiLineText } from '../http/text-rule';

export class InteractionDetailsRequest {
  @ApiProperty({ enum: INTERACTION_KINDS, description: 'What happened, on the ladder from getting acquainted to evaluating learning together' })
  @IsIn(INTERACTION_KINDS)
  kind!: InteractionKind;

  @ApiProperty({ type: [String], description: 'Member ids of everyone who took part (two or more, distinct)', minItems: 2 })
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(LIMITS.maxParticipants)
  @IsString({ each: true })
  participants!: string[];

  @ApiProperty({ description: 'When it happened; past dates are fine, future ones are not. ISO 8601 (2024-06-30, 2024-06-30T14:00[:05], or with Z / ±hh:mm; years 1800–9999); without an offset it is read in the network’s time zone; a date alone is the start of that day.', example: '2025-03-14T10:00:00+02:00' })
  @IsDateInput()
  occurredAt!: string;

  @ApiPropertyOptional({ enum: CHANNELS })
  @IsOptional()
  @IsIn(CHANNELS)
  channel?: Channel;

  @ApiPropertyOptional({ description: 'The participant who made contact (direction of the tie)' })
  @IsOptional()
  @IsString()
  initiator?: string;

  @ApiPropertyOptional({ maxLength: LIMITS.noteLength, description: 'A short note of the content; visible to participants and coordinators' })
  @IsOptional()
  @IsString()
  @MultiLineText()
  @MaxLength(LIMITS.noteLength)
  note?: string;
}

export class CorrectInteractionRequest extends InteractionDetailsRequest {
  @ApiPropertyOptional({ maxLength: LIMITS.reasonLength })
  @IsOptional()
  @IsString()
  @MultiLineText()
  @MaxLength(LIMITS.reasonLength)
  reason?: string;
}

export class RetractInteractionRequest {
  @ApiPropertyOptional({ maxLength: LIMITS.reasonLength })
  @IsOptional()
  @IsString()
  @MultiLineText()
  @MaxLength(LIMITS.reasonLength)
  reason?: string;
}

/**
 * Query strings are text; numbers are converted, anything else is left for @IsInt to refuse. A
 * parameter left empty (`?limit=`) counts as not given: it takes the default, rather than
 * becoming `undefined` over the default and answering an empty page.
 */
const toNumberOr =
  (fallback?: number) =>
  ({ value }: { value: unknown }) =>
    value === undefined || value === '' ? fallback : /^-?\d+$/.test(String(value)) ? Number(value) : value;
const emptyAsAbsent = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

export class ListInteractionsParams {
  @ApiPropertyOptional({ description: 'Only interactions this member took part in' })
  @IsOptional()
  @IsString()
  member?: string;

  @ApiPropertyOptional({ enum: INTERACTION_KINDS })
  @IsOptional()
  @IsIn(INTERACTION_KINDS)
  kind?: InteractionKind;

  @ApiPropertyOptional({ description: 'occurredAt on or after this instant; a date alone is the start of that day. ISO 8601 (2024-06-30, 2024-06-30T14:00[:05], or with Z / ±hh:mm; years 1800–9999); without an offset it is read in the network’s time zone.' })
  @IsOptional()
  @IsDateInput()
  from?: string;

  @ApiPropertyOptional({ description: 'occurredAt before this instant; a date alone includes that whole day. ISO 8601 (2024-06-30, 2024-06-30T14:00[:05], or with Z / ±hh:mm; years 1800–9999); without an offset it is read in the network’s time zone.' })
  @IsOptional()
  @IsDateInput()
  to?: string;

  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 500 })
  @IsOptional()
  @Transform(toNumberOr(50))
  @IsInt()
  @Min(1)
  @Max(500)
  limit: number = 50;

  @ApiPropertyOptional({ description: 'From the previous page’s nextCursor' })
  @IsOptional()
  @Transform(emptyAsAbsent)
  @IsString()
  @MaxLength(500)
  cursor?: string;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  includeRetracted?: boolean;
}

export class ListEventsParams {
  @ApiPropertyOptional({ description: 'Events after this position (from the previous page’s nextAfter)' })
  @IsOptional()
  @Transform(toNumberOr(undefined))
  @IsInt()
  @Min(0)
  after?: number;

  @ApiPropertyOptional({ default: 100, minimum: 1, maximum: 1000 })
  @IsOptional()
  @Transform(toNumberOr(100))
  @IsInt()
  @Min(1)
  @Max(1000)
  limit: number = 100;
}
