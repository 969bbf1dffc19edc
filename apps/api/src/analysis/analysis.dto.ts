import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

const WINDOW = /^(cumulative|sliding:\d+(\.\d+)?|decay:\d+(\.\d+)?)$/;

export class AtParams {
  @ApiPropertyOptional({ description: 'The date to draw the network at (ISO 8601); default now. Past dates answer from the full log.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  at?: string;

  @ApiPropertyOptional({ description: 'Which ties count: cumulative, sliding:<days> or decay:<half-life days>', default: 'cumulative', example: 'sliding:180' })
  @IsOptional()
  @Matches(WINDOW, { message: 'must be cumulative, sliding:<days> or decay:<half-life days>' })
  window?: string;
}

export class TimelineParams {
  @ApiPropertyOptional({ enum: ['week', 'month', 'quarter'], default: 'month' })
  @IsOptional()
  @IsIn(['week', 'month', 'quarter'])
  interval: 'week' | 'month' | 'quarter' = 'month';

  @ApiPropertyOptional({ default: 'cumulative', example: 'sliding:180' })
  @IsOptional()
  @Matches(WINDOW, { message: 'must be cumulative, sliding:<days> or decay:<half-life days>' })
  window?: string;

  @ApiPropertyOptional({ description: 'First day (ISO 8601); default the founding' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ description: 'Last day (ISO 8601); default now' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}

export class ExportParams extends AtParams {
  @ApiPropertyOptional({ enum: ['graphml', 'nodes.csv', 'edges.csv', 'gexf'], description: 'gexf is the whole history as a dynamic graph for Gephi’s timeline' })
  @IsIn(['graphml', 'nodes.csv', 'edges.csv', 'gexf'])
  format!: 'graphml' | 'nodes.csv' | 'edges.csv' | 'gexf';

  @ApiPropertyOptional({
    enum: ['day', 'week', 'month'],
    default: 'day',
    description: 'gexf only: the step of the dynamic tie weights (presence is always exact to the day)',
  })
  @IsOptional()
  @IsIn(['day', 'week', 'month'])
  interval?: 'day' | 'week' | 'month';
}

export class InterventionEffectParams {
  @ApiPropertyOptional({ default: 'cumulative' })
  @IsOptional()
  @Matches(WINDOW, { message: 'must be cumulative, sliding:<days> or decay:<half-life days>' })
  window?: string;

  @ApiPropertyOptional({ description: 'Days after the intervention to compare with', default: 90 })
  @IsOptional()
  @Transform(({ value }) => (/^\d+$/.test(String(value)) ? Number(value) : value))
  @IsInt()
  @Min(1)
  @Max(3650)
  days?: number;
}

