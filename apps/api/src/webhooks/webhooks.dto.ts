import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { WEBHOOK_EVENTS } from '@solmu/webhooks';

/** Whether the URL may receive webhooks (public address, http(s)) is the webhooks library's to say: 422 naming `url`. */
export class CreateWebhookRequest {
  @ApiProperty({ description: 'Where deliveries are POSTed: an http(s) URL of a public receiver', maxLength: 2000, example: 'https://crm.example.com/hooks/solmu' })
  @IsString()
  @MaxLength(2000)
  url!: string;

  @ApiProperty({ type: [String], enum: WEBHOOK_EVENTS, description: 'The events to deliver', minItems: 1 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(WEBHOOK_EVENTS.length)
  @IsIn(WEBHOOK_EVENTS, { each: true, message: `each value in events must be one of ${WEBHOOK_EVENTS.join(', ')}` })
  events!: string[];

  @ApiPropertyOptional({ description: 'A note for coordinators (what receives it)', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  description?: string;
}

export class ListDeliveriesParams {
  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 500 })
  @IsOptional()
  @Transform(({ value }) => (value === undefined || value === '' ? 50 : Number(value)))
  @IsInt()
  @Min(1)
  @Max(500)
  limit: number = 50;

  @ApiPropertyOptional({ description: 'From the previous page’s nextCursor' })
  @IsOptional()
  @Transform(({ value }) => (value === '' ? undefined : value))
  @IsString()
  @MaxLength(500)
  cursor?: string;
}
