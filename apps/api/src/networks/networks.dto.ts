import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsISO8601, IsNotEmpty, IsNumber, IsOptional, IsString, MaxLength, Min, ValidateNested } from 'class-validator';
import { LIMITS } from '@solmu/network';
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

  @ApiPropertyOptional({ description: 'When the network started (ISO 8601); defaults to now. Past dates import existing histories.', example: '2024-01-15T09:00:00Z' })
  @IsOptional()
  @IsISO8601({ strict: true })
  foundedAt?: string;
}

/** A tie's strength adds these per interaction of each kind (defaults in docs/metrics.md). */
export class DepthWeightsRequest {
  @ApiPropertyOptional() @IsOptional() @IsNumber() @Min(0) acquainted?: number;
  @ApiPropertyOptional() @IsOptional() @IsNumber() @Min(0) discussed?: number;
  @ApiPropertyOptional() @IsOptional() @IsNumber() @Min(0) exchanged_information?: number;
  @ApiPropertyOptional() @IsOptional() @IsNumber() @Min(0) explored_collaboration?: number;
  @ApiPropertyOptional() @IsOptional() @IsNumber() @Min(0) outlined_goals?: number;
  @ApiPropertyOptional() @IsOptional() @IsNumber() @Min(0) co_developed?: number;
  @ApiPropertyOptional() @IsOptional() @IsNumber() @Min(0) evaluated_learning?: number;
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
}
