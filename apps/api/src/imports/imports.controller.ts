import { Controller, Get, Header, HttpCode, Param, PayloadTooLargeException, Post, Query, Req, Res } from '@nestjs/common';
import { SolmuConfig } from '@solmu/config';
import { ApiBody, ApiConsumes, ApiQuery, ApiTags } from '@nestjs/swagger';
import { importTemplate } from '@solmu/integrations';
import { CommandContext, NotFound, ValidationFailed } from '@solmu/kernel';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { RequestContext } from '../http/command-context';
import { problem } from '../http/problem';
import { Imports } from './imports.service';

type MultipartRequest = FastifyRequest & {
  isMultipart?: () => boolean;
  file?: () => Promise<{ fieldname: string; filename: string; toBuffer(): Promise<Buffer> } | undefined>;
};

/**
 * Coordinators import members and interactions from CSV or XLSX, or a network map from GEXF or
 * GraphML: a dry run by default (a report, nothing written), `?commit=true` to write. Templates in
 * Finnish and English.
 */
@ApiTags('imports')
@Controller('networks/:networkId/imports')
export class ImportsController {
  constructor(
    private readonly imports: Imports,
    private readonly config: SolmuConfig,
  ) {}

  @Post()
  @HttpCode(200)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary', description: 'CSV, XLSX, GEXF or GraphML' } } } })
  @ApiQuery({ name: 'commit', required: false, enum: ['true', 'false'], description: 'write it (default: a dry run that writes nothing)' })
  @ApiQuery({ name: 'background', required: false, enum: ['true', 'false'], description: 'with commit: answer at once with a job to poll' })
  @ApiQuery({ name: 'date', required: false, description: 'GEXF/GraphML: the day the map’s ties are logged on (YYYY-MM-DD)' })
  async run(
    @Param('networkId') networkId: string,
    @Req() request: MultipartRequest,
    @RequestContext() context: CommandContext,
    @Query('commit') commit?: string,
    @Query('date') date?: string,
    @Query('background') background?: string,
  ) {
    if (commit !== undefined && commit !== 'true' && commit !== 'false') throw ValidationFailed.field('commit', 'must be true or false');
    if (background !== undefined && background !== 'true' && background !== 'false') throw ValidationFailed.field('background', 'must be true or false');
    // Who may import is settled before the upload is read.
    await this.imports.authorise(networkId, context);
    if (!request.isMultipart?.()) throw ValidationFailed.field('file', 'send the file as multipart/form-data in the field "file"', 'file_required');
    const part = await request.file!();
    if (!part || part.fieldname !== 'file') throw ValidationFailed.field('file', 'send the file in the multipart field "file"', 'file_required');
    const bytes = await part.toBuffer().catch((error: { code?: string }) => {
      if (error.code === 'FST_REQ_FILE_TOO_LARGE') throw new PayloadTooLargeException(problem(413, 'body_too_large', [{ field: 'file', problem: `is larger than ${this.config.importLimit} bytes (SOLMU_IMPORT_LIMIT)` }]));
      throw error;
    });
    if (bytes.length === 0) throw ValidationFailed.field('file', 'is empty', 'file_required');
    return this.imports.run(networkId, { filename: part.filename, bytes }, { commit: commit === 'true', background: background === 'true', ...(date !== undefined && { date }) }, context);
  }

  /** A background commit's progress (`done` of `total` rows) and, once ended, its report. */
  @Get('jobs/:jobId')
  job(@Param('networkId') networkId: string, @Param('jobId') jobId: string, @RequestContext() context: CommandContext) {
    return this.imports.job(networkId, jobId, context);
  }

  /** `members.fi.csv`, `interactions.en.csv`…: a CSV to fill in, with one example row. */
  @Get('templates/:file')
  @Header('content-type', 'text/csv; charset=utf-8')
  async template(@Param('networkId') networkId: string, @Param('file') file: string, @RequestContext() context: CommandContext, @Res({ passthrough: true }) reply: FastifyReply) {
    const match = /^(members|interactions)\.(fi|en)\.csv$/.exec(file);
    if (!match) throw new NotFound('template', file, 'file');
    await this.imports.authorise(networkId, context);
    void reply.header('content-disposition', `attachment; filename="solmu-${file}"`);
    return importTemplate(match[1] as 'members' | 'interactions', match[2] as 'fi' | 'en');
  }
}
