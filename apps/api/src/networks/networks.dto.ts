import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsISO8601, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { LIMITS } from '@solmu/network';

export class FoundNetworkRequest {
  @ApiProperty({ example: 'Itä-Uusimaa growth network', maxLength: LIMITS.nameLength })
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.nameLength)
  name!: string;

  @ApiPropertyOptional({ description: 'The purpose of the network', maxLength: LIMITS.descriptionLength })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.descriptionLength)
  description?: string;

  @ApiPropertyOptional({ description: 'When the network started (ISO 8601); defaults to now. Past dates import existing histories.', example: '2024-01-15T09:00:00Z' })
  @IsOptional()
  @IsISO8601({ strict: true })
  foundedAt?: string;
}

export class ChangeNetworkSettingsRequest {
  @ApiPropertyOptional({ description: 'Members see the whole network picture and timeline (coordinators always do)', default: true })
  @IsOptional()
  @IsBoolean()
  membersSeeNetwork?: boolean;
}
