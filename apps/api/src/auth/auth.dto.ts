import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

export class CredentialsRequest {
  @ApiProperty({ example: 'aino@example.org' })
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiProperty({ minLength: 10 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1024)
  password!: string;
}

export class SetUpRequest extends CredentialsRequest {
  @ApiProperty({ description: 'The one-time token from the set-up link printed at start' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  token!: string;

  @ApiProperty({ example: 'Aino Virtanen' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;
}

export class AcceptInvitationRequest {
  @ApiProperty({ description: 'The token from the invitation link' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  token!: string;
}

export class OidcLoginParams {
  @ApiPropertyOptional({ description: 'Where to go after signing in (a path on this site)' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  returnTo?: string;
}
