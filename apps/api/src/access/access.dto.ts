import { ApiProperty } from '@nestjs/swagger';
import { ArrayMinSize, IsArray, IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { TOKEN_SCOPES, TokenScope } from '@solmu/kernel';

export class CreateApiTokenRequest {
  @ApiProperty({ example: 'Slack workspace', maxLength: 100 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name!: string;

  @ApiProperty({ enum: TOKEN_SCOPES, isArray: true, example: ['interactions:write'] })
  @IsArray()
  @ArrayMinSize(1)
  @IsIn(TOKEN_SCOPES, { each: true })
  scopes!: TokenScope[];
}
