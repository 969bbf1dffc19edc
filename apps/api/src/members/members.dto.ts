import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsISO8601, IsNotEmpty, IsObject, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';
import { LIMITS, MEMBER_ROLES, MEMBER_TYPES, MemberRole, MemberType } from '@solmu/network';

export class JoinNetworkRequest {
  @ApiProperty({ description: 'Display name', example: 'Aino Virtanen', maxLength: LIMITS.nameLength })
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.nameLength)
  name!: string;

  @ApiPropertyOptional({ description: 'Used to match the member to an account and to Slack/Teams users; personal data, shown only to the member and coordinators', maxLength: LIMITS.emailLength })
  @IsOptional()
  @IsEmail()
  @MaxLength(LIMITS.emailLength)
  email?: string;

  @ApiPropertyOptional({ description: 'Background organisation', example: 'Posintra Oy', maxLength: LIMITS.organisationLength })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.organisationLength)
  organisation?: string;

  @ApiPropertyOptional({ enum: MEMBER_TYPES, default: 'other' })
  @IsOptional()
  @IsIn(MEMBER_TYPES)
  type?: MemberType;

  @ApiPropertyOptional({ enum: MEMBER_ROLES, default: 'member' })
  @IsOptional()
  @IsIn(MEMBER_ROLES)
  role?: MemberRole;

  @ApiPropertyOptional({ description: 'When they joined (ISO 8601); defaults to now', example: '2024-02-01T00:00:00Z' })
  @IsOptional()
  @IsISO8601({ strict: true })
  joinedAt?: string;
}

export class ChangeMemberProfileRequest {
  @ApiPropertyOptional({ maxLength: LIMITS.nameLength })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.nameLength)
  name?: string;

  @ApiPropertyOptional({ description: 'null clears it', nullable: true, maxLength: LIMITS.emailLength })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsEmail()
  @MaxLength(LIMITS.emailLength)
  email?: string | null;

  @ApiPropertyOptional({ description: 'null clears it', nullable: true, maxLength: LIMITS.organisationLength })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @MaxLength(LIMITS.organisationLength)
  organisation?: string | null;

  @ApiPropertyOptional({ enum: MEMBER_TYPES })
  @IsOptional()
  @IsIn(MEMBER_TYPES)
  type?: MemberType;

  @ApiPropertyOptional({ enum: MEMBER_ROLES })
  @IsOptional()
  @IsIn(MEMBER_ROLES)
  role?: MemberRole;

  @ApiPropertyOptional({
    description:
      'Chat identities (coordinators only): slack "<team id>:<user id>", teams the Entra object id, teamsUser the Teams user id "29:…"; null removes one. One identity belongs to at most one member of a network (409 otherwise).',
    example: { slack: 'T0123ABC:U0456DEF', teams: '6b3f2c1e-8d7a-4e5b-9c0d-1a2b3c4d5e6f' },
  })
  @IsOptional()
  @IsObject()
  externalIds?: Record<string, string | null>;
}

export class LeaveNetworkRequest {
  @ApiPropertyOptional({ description: 'When they left (ISO 8601); defaults to now' })
  @IsOptional()
  @IsISO8601({ strict: true })
  leftAt?: string;
}
