import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsNotEmpty, IsNumber, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { DEPTH_WEIGHT_RANGE, LIMITS } from '@solmu/network';
import { IsDateInput, IsIanaTimeZone } from '../fields/field-rules';
import { MultiLineText } from '../http/text-rule';

export class FoundNetworkRequest {
  @ApiProperty({ example: 'Itä-Uusimaa growth network', maxLength: LIMITS.nameLength })
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.nameLength)
  name!: string;

  @ApiPropertyOptional({ description: 'The purpose of the network', maxLength: LIMITS.descriptionLength })
  @IsOptional()
  @IsString()
  @MultiLineText()
  @MaxLength(LIMITS.descriptionLength)
  description?: string;

  @ApiPropertyOptional({ description: 'When the network started; defaults to now. Past dates import existing histories. ISO 8601 (2024-06-30, 2024-06-30T14:00[:05], or with Z / ±hh:mm; years 1800–9999); without an offset it is read in the network’s time zone; a date alone is the start of that day.', example: '2024-01-15T09:00:00Z' })
  @IsOptional()
  @IsDateInput()
  foundedAt?: string;

  @ApiPropertyOptional({ description: 'The network’s IANA time zone: dates without an offset are read in it and timeline weeks and months start at its midnights. Default: the installation’s SOLMU_TIME_ZONE.', example: 'Europe/Helsinki' })
  @IsOptional()
  @IsIanaTimeZone()
  timeZone?: string;
}

/** A tie's strength adds these per interaction of each kind (defaults and range in docs/metrics.md). */
const { min: W_MIN, max: W_MAX } = DEPTH_WEIGHT_RANGE;
const WEIGHT = { minimum: W_MIN, maximum: W_MAX, description: `A number from ${W_MIN} to ${W_MAX}` };
const weightRule = { context: { code: 'invalid_depth_weight' } };

export class DepthWeightsRequest {
  @ApiPropertyOptional(WEIGHT) @IsOptional() @IsNumber({ allowNaN: false, allowInfinity: false }, weightRule) @Min(W_MIN, weightRule) @Max(W_MAX, weightRule) acquainted?: number;
  @ApiPropertyOptional(WEIGHT) @IsOptional() @IsNumber({ allowNaN: false, allowInfinity: false }, weightRule) @Min(W_MIN, weightRule) @Max(W_MAX, weightRule) discussed?: number;
  @ApiPropertyOptional(WEIGHT) @IsOptional() @IsNumber({ allowNaN: false, allowInfinity: false }, weightRule) @Min(W_MIN, weightRule) @Max(W_MAX, weightRule) exchanged_information?: number;
  @ApiPropertyOptional(WEIGHT) @IsOptional() @IsNumber({ allowNaN: false, allowInfinity: false }, weightRule) @Min(W_MIN, weightRule) @Max(W_MAX, weightRule) explored_collaboration?: number;
  @ApiPropertyOptional(WEIGHT) @IsOptional() @IsNumber({ allowNaN: false, allowInfinity: false }, weightRule) @Min(W_MIN, weightRule) @Max(W_MAX, weightRule) outlined_goals?: number;
  @ApiPropertyOptional(WEIGHT) @IsOptional() @IsNumber({ allowNaN: false, allowInfinity: false }, weightRule) @Min(W_MIN, weightRule) @Max(W_MAX, weightRule) co_developed?: number;
  @ApiPropertyOptional(WEIGHT) @IsOptional() @IsNumber({ allowNaN: false, allowInfinity: false }, weightRule) @Min(W_MIN, weightRule) @Max(W_MAX, weightRule) evaluated_learning?: number;
}

export class ChangeNetworkSettingsRequest {
  @ApiPropertyOptional({ type: DepthWeightsRequest, description: 'This network’s weights by depth for tie strength; omitted kinds keep the defaults' })
  @IsOptional()
  @ValidateNested()
  @Type(() => DepthWeightsRequest)
  depthWeights?: DepthWeightsRequest;

  @ApiPropertyOptional({ description: 'Members see the whole network picture and timeline (coordinators always do)', default: true })
  @IsOptional()
  @IsBoolean()
  membersSeeNetwork?: boolean;

  @ApiPropertyOptional({ description: 'The network’s IANA time zone (Europe/Helsinki, UTC): dates typed without an offset are read in it from now on, and timeline buckets start at its midnights. Stored instants do not move.', example: 'Europe/Helsinki' })
  @IsOptional()
  @IsIanaTimeZone()
  timeZone?: string;
}
