import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsNotEmpty, IsObject, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';
import { LIMITS, MEMBER_ROLES, MEMBER_TYPES, MemberRole, MemberType } from '@solmu/network';
import { IsDateInput } from '../fields/field-rules';

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

  @ApiPropertyOptional({ description: 'When they joined; defaults to now. ISO 8601 (2024-06-30, 2024-06-30T14:00[:05], or with Z / ±hh:mm; years 1800–9999); without an offset it is read in the network’s time zone; a date alone is the start of that day.', example: '2024-02-01T00:00:00Z' })
  @IsOptional()
  @IsDateInput()
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
  @ApiPropertyOptional({ description: 'When they left; defaults to now. ISO 8601 (2024-06-30, 2024-06-30T14:00[:05], or with Z / ±hh:mm; years 1800–9999); without an offset it is read in the network’s time zone; a date alone is the start of that day.' })
  @IsOptional()
  @IsDateInput()
  leftAt?: string;
}
