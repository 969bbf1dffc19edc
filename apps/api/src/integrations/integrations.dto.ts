import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

/** Secrets are checked by the integrations library, which names the field at fault (422). */
export class IntegrationSecretsRequest {
  @ApiPropertyOptional({ description: 'Slack: the app\'s Signing Secret (Basic Information page)', writeOnly: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  signingSecret?: string;

  @ApiPropertyOptional({ description: 'Slack: the bot token (xoxb-…), for the modal, App Home and replies to mentions', writeOnly: true })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  botToken?: string;

  @ApiPropertyOptional({ description: 'Teams: the base64 security token Teams shows when the outgoing webhook is created', writeOnly: true })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  securityToken?: string;
}

export class ConnectIntegrationRequest extends IntegrationSecretsRequest {
  @ApiProperty({ enum: ['slack', 'teams'] })
  @IsString()
  kind!: string;

  @ApiPropertyOptional({ description: 'A name for coordinators (the workspace or team)', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  name?: string;
}
