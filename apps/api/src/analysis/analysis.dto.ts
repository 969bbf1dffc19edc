import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { PICTURE_STEP_INTERVALS, PictureStepInterval, TIMELINE_INTERVALS, TimelineInterval } from '@solmu/analysis';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { IsDateInput, IsTieWindow } from '../fields/field-rules';

const DATES = 'ISO 8601: 2024-06-30, 2024-06-30T14:00[:05[.250]], or either with Z or ±hh:mm; years 1800–9999. Without an offset it is read in the network’s time zone.';
const WINDOW = 'Which ties count: cumulative, sliding:<days> or decay:<half-life days> (days > 0); a bad one is 400 invalid_tie_window.';

export class AtParams {
  @ApiPropertyOptional({
    description: `The instant to draw the network at; default now. A date alone means the END of that day (at=2024-06-30 includes 30 June). The answer echoes the instant used (\`at\`) and the zone (\`timeZone\`). ${DATES}`,
    example: '2024-06-30',
  })
  @IsOptional()
  @IsDateInput()
  at?: string;

  @ApiPropertyOptional({ description: WINDOW, default: 'cumulative', example: 'sliding:180' })
  @IsOptional()
  @IsTieWindow()
  window?: string;
}

export class GraphParams extends AtParams {
  @ApiPropertyOptional({
    enum: ['true', 'false'],
    default: 'true',
    description:
      'false leaves out each tie’s `interactionIds` (its provenance; GET …/ties/:a/:b gives a tie’s history). The network picture draws without them, and on a network of 100,000 interactions they are more than half of the answer (11.0 MB, 4.8 MB without, at 1,000 members).',
  })
  @IsOptional()
  @IsIn(['true', 'false'])
  provenance?: 'true' | 'false';
}

export class TimelineParams {
  @ApiPropertyOptional({
    enum: TIMELINE_INTERVALS,
    description:
      'Bucket size, drawn at the network’s midnights. Default: the finest of month, quarter and year that draws at most 240 buckets from `from` (default the founding) to `to`; the answer says which (`interval`, `intervalSource: default`). An explicit interval over more than 1,100 buckets is 422 too_many_buckets.',
  })
  @IsOptional()
  @IsIn(TIMELINE_INTERVALS)
  interval?: TimelineInterval;

  @ApiPropertyOptional({ description: WINDOW, default: 'cumulative', example: 'sliding:180' })
  @IsOptional()
  @IsTieWindow()
  window?: string;

  @ApiPropertyOptional({ description: `First bucket: the one containing this instant; default the founding. A date alone is the start of that day. Phases are read from the founding whatever \`from\` is. ${DATES}` })
  @IsOptional()
  @IsDateInput()
  from?: string;

  @ApiPropertyOptional({ description: `Last bucket: the one containing this instant; default now (so a network gone quiet shows as dormant). A date alone is the end of that day. ${DATES}` })
  @IsOptional()
  @IsDateInput()
  to?: string;
}

export class PictureStepsParams {
  @ApiPropertyOptional({
    enum: PICTURE_STEP_INTERVALS,
    default: 'month',
    description: 'The slider stops at the end of each week or month (in the network’s time zone) from the founding, and now; more than 400 stops is 400 too_many_buckets naming interval.',
  })
  @IsOptional()
  @IsIn(PICTURE_STEP_INTERVALS)
  interval?: PictureStepInterval;

  @ApiPropertyOptional({ description: WINDOW, default: 'cumulative', example: 'sliding:180' })
  @IsOptional()
  @IsTieWindow()
  window?: string;
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
  @ApiPropertyOptional({ description: WINDOW, default: 'cumulative' })
  @IsOptional()
  @IsTieWindow()
  window?: string;

  @ApiPropertyOptional({ description: 'Days after the intervention to compare with', default: 90 })
  @IsOptional()
  @Transform(({ value }) => (/^\d+$/.test(String(value)) ? Number(value) : value))
  @IsInt()
  @Min(1)
  @Max(3650)
  days?: number;
}

